// `npm start`: build when needed, migrate, seed the first-run demo, serve, print the URL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkedToken } from '../db/start-check.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { baseEnv, databaseFile, root, runTs } from './lib.mjs';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const env = baseEnv();

try {
  await buildIfNeeded();
  await runTs('scripts/prepare-db.ts', [], { env });
} catch (error) {
  console.error(`\nClaimline could not start: ${error.message}`);
  process.exit(1);
}

// scripts/server.mjs: Next's request handler behind a hot path for page-cache hits.
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  cwd: root,
  // prepare-db made the database's full check: the server's processes skip quick_check (db/open.ts).
  env: { ...env, PORT: String(port), HOST: host, CLAIMLINE_DB_CHECKED: checkedToken(databaseFile(env)) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const url = `http://localhost:${port}`;
for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(`${url}/api/health`);
    if (res.ok) {
      // Behind Varnish (start-varnish.mjs) readers open Varnish's address, which that script prints.
      if (!process.env.CLAIMLINE_QUIET_URL) console.log(`\n  Claimline is running: open ${url}\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
