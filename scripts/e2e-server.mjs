// The server Playwright tests against: a production build on a fresh, migrated,
// demo-seeded temporary database (E2E_DATABASE_PATH, chosen by playwright.config.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkedToken } from '../db/start-check.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { baseEnv, databaseFile, root, runTs } from './lib.mjs';
import { ensureVarnish, startVarnish } from './varnish.mjs';

const file = process.env.E2E_DATABASE_PATH;
const port = process.env.E2E_PORT;
if (!file || !port) throw new Error('E2E_DATABASE_PATH and E2E_PORT must be set');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

// The setup link is written beside the database so the first-run test can open it.
const env = { ...baseEnv(), DATABASE_PATH: file, APP_URL: `http://127.0.0.1:${port}`, SETUP_LINK_FILE: `${file}.setup-link`,
  // URL-import tests serve pages from 127.0.0.1.
  CLAIMLINE_FETCH_ALLOW_LOOPBACK: '1',
  // Sources and watched articles are typed as domain names: this one is the tests' site on 127.0.0.1.
  CLAIMLINE_FETCH_TEST_HOSTS: 'fixture.example.net',
  // The process layout is npm start's default (scripts/server.mjs), unless CLAIMLINE_WORKERS or
  // CLAIMLINE_EDITOR_PROCESS are set for the run.
};
await buildIfNeeded();
await runTs('scripts/prepare-db.ts', [], { env });

// With --varnish (Playwright's server, not the demo spec's fresh ones): Varnish in front on the
// next port for e2e/varnish.spec.ts, and the app purges it on every write. VARNISH_URL is set
// only when it runs, so no write waits on (and warns about) a cache that is not there. What is
// missing, or "running", is written beside the database for the spec to read.
let varnish;
if (process.argv.includes('--varnish')) {
  // A failed install or start skips the varnish spec (it says why), never the whole run.
  let missing;
  try {
    missing = ensureVarnish({ log: console.log });
    if (!missing.length) {
      varnish = await startVarnish({ port: Number(port) + 1, backendPort: Number(port), memory: '64m', stdio: 'ignore' });
      env.VARNISH_URL = varnish.url;
    }
  } catch (error) {
    missing = [`Varnish did not start: ${error instanceof Error ? error.message : error}`];
  }
  fs.writeFileSync(`${file}.varnish`, missing.length ? missing.join('; ') : 'running');
}
// The production server, as `npm start` runs it (scripts/server.mjs).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  cwd: root,
  // prepare-db checked the file: the server does not check it again (db/open.ts).
  env: { ...env, PORT: port, HOST: '127.0.0.1', CLAIMLINE_DB_CHECKED: checkedToken(databaseFile(env)) },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', async (code) => {
  await varnish?.stop();
  process.exit(code ?? 0);
});
