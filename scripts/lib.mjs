// Helpers shared by the start, dev and test scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

/** Runs a TypeScript script against the app's modules (server-only code included). */
export function runTs(script, args = [], options = {}) {
  return run(bin('tsx'), ['--conditions=react-server', '--tsconfig', path.join(root, 'tsconfig.json'), script, ...args], options);
}

/** The environment for the server and scripts; the Next server learns each request's socket address (peer-address.mjs). */
export const baseEnv = () => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(path.join(root, 'scripts', 'peer-address.mjs'))}`].filter(Boolean).join(' '),
});

/** Runs a TypeScript script like runTs and resolves with what it printed on stdout. */
export function runTsOutput(script, args = [], options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin('tsx'), ['--conditions=react-server', '--tsconfig', path.join(root, 'tsconfig.json'), script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      ...options,
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} failed (${code})`))));
  });
}

/**
 * The database file the app opens (databasePath() in db/index.ts, which a plain Node script cannot
 * import): where a server start says it was checked (CLAIMLINE_DB_CHECKED). Were the two ever to
 * differ, each process would only make the check itself.
 */
export const databaseFile = (env = process.env) => path.resolve(root, env.DATABASE_PATH || './data/claimline.db');
