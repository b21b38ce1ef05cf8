// `npm run start:varnish`: Claimline behind Varnish on this machine, the tested shape of
// docs/scaling.md. Varnish listens on PORT (default 3000, on HOST, default 0.0.0.0) with
// deploy/varnish/claimline.vcl; the app (`npm start`) listens on APP_PORT (default PORT + 1)
// on loopback only, purges Varnish on every write (VARNISH_URL) and trusts the one
// X-Forwarded-For hop Varnish adds (TRUST_PROXY=1). Installs varnish and varnish-modules
// with apt when missing and run as root.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './lib.mjs';
import { ensureVarnish, startVarnish } from './varnish.mjs';

const port = Number(process.env.PORT || 3000);
const appPort = Number(process.env.APP_PORT || port + 1);
const host = process.env.HOST || '0.0.0.0';

const missing = ensureVarnish();
if (missing.length) {
  console.error(`\nClaimline cannot start behind Varnish:\n${missing.map((m) => `  - ${m}`).join('\n')}\nRun it without Varnish with npm start.`);
  process.exit(1);
}

const app = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    VARNISH_URL: process.env.VARNISH_URL || `http://127.0.0.1:${port}/`,
    TRUST_PROXY: process.env.TRUST_PROXY || '1',
    CLAIMLINE_QUIET_URL: '1',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let varnish;
const stop = async (code) => {
  app.kill('SIGTERM');
  await varnish?.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
app.on('exit', (code) => stop(code ?? 0));

// Varnish starts once the app answers (start.mjs may build first).
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${appPort}/api/health`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
varnish = await startVarnish({ port, backendPort: appPort, host });
console.log(`\n  Claimline is running behind Varnish: open http://localhost:${port} (the app itself: 127.0.0.1:${appPort})\n`);
