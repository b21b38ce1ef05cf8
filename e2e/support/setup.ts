import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Runs a setup script of e2e/support against the e2e database with `input` as JSON; returns the JSON it printed last. */
export function runSetup<T>(script: string, input: unknown): T {
  const root = path.resolve(__dirname, '..', '..');
  const out = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=react-server', `e2e/support/${script}`, JSON.stringify(input)], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH },
  });
  return JSON.parse(out.toString().trim().split('\n').at(-1)!) as T;
}
