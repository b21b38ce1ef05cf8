import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Runs a TypeScript file of this repository with tsx against the e2e database; returns what it printed. */
export function runTsx(args: string[], env: Record<string, string | undefined> = {}): string {
  return execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=react-server', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH, ...env },
  }).toString();
}

/** Runs a setup script of e2e/support with `input` as JSON; returns the JSON it printed last. */
export function runSetup<T>(script: string, input: unknown): T {
  const out = runTsx([`e2e/support/${script}`, JSON.stringify(input)]);
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
