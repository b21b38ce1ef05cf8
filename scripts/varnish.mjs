// Varnish for Claimline on this machine (deploy/varnish/claimline.vcl): finding or installing
// varnishd and the xkey module, and running it in front of an app port. Used by
// `npm run start:varnish`, the bench and the Varnish e2e test.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Not lib.mjs's root: Playwright loads this file for e2e/varnish.spec.ts as CommonJS, where
// import.meta does not exist. Every caller (npm scripts, the bench, Playwright) runs at the root.
const root = process.cwd();

const VARNISHD = ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd'];
const VMOD_DIRS = ['/usr/lib/x86_64-linux-gnu/varnish/vmods', '/usr/lib/aarch64-linux-gnu/varnish/vmods', '/usr/lib/varnish/vmods', '/usr/local/lib/varnish/vmods'];

/** What is missing for Varnish with xkey: [] when both varnishd and the xkey module are there. */
export function missingVarnish() {
  const missing = [];
  if (!VARNISHD.some((file) => fs.existsSync(file))) missing.push('varnishd (Debian package varnish)');
  if (!VMOD_DIRS.some((dir) => fs.existsSync(path.join(dir, 'libvmod_xkey.so')))) missing.push('the xkey module (Debian package varnish-modules)');
  return missing;
}

/**
 * Installs varnish and varnish-modules with apt when they are missing and this runs as root
 * (as the tests do for Chromium). Returns what is still missing, with the reason, or [].
 */
export function ensureVarnish({ log = console.log } = {}) {
  let missing = missingVarnish();
  if (!missing.length) return [];
  const asRoot = process.getuid?.() === 0;
  const apt = fs.existsSync('/usr/bin/apt-get');
  if (!asRoot || !apt) {
    return missing.map((m) => `${m}: not installed, and ${!apt ? 'there is no apt-get here' : 'installing it needs root'} (apt-get install varnish varnish-modules)`);
  }
  log(`Installing ${missing.join(' and ')} with apt-get…`);
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'varnish', 'varnish-modules'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'varnish', 'varnish-modules'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  missing = missingVarnish();
  return missing.map((m) => `${m}: still missing after apt-get install varnish varnish-modules`);
}

function waitForPort(port, child, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`varnishd ended (${child.exitCode})`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`varnishd did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Runs varnishd in the foreground on 127.0.0.1:`port` (or `host`) in front of the app on
 * 127.0.0.1:`backendPort`, with deploy/varnish/claimline.vcl. Resolves once it listens.
 */
export async function startVarnish({ port, backendPort, host = '127.0.0.1', memory = '256m', stdio = 'inherit' }) {
  const varnishd = VARNISHD.find((file) => fs.existsSync(file));
  if (!varnishd) throw new Error(`Varnish is missing: ${missingVarnish().join(', ')}`);
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), `claimline-varnish-${port}-`));
  const vcl = fs
    .readFileSync(path.join(root, 'deploy', 'varnish', 'claimline.vcl'), 'utf8')
    .replace(/(\.port = ")\d+(";)/, `$1${backendPort}$2`);
  fs.writeFileSync(path.join(workdir, 'claimline.vcl'), vcl);
  const child = spawn(
    varnishd,
    // -F: foreground, ends with us. -j none: no privilege separation into a jail, so a
    // temporary working directory works for root and non-root alike.
    ['-F', '-j', 'none', '-n', workdir, '-a', `${host}:${port}`, '-f', path.join(workdir, 'claimline.vcl'), '-s', `malloc,${memory}`, '-T', '127.0.0.1:0'],
    { stdio: ['ignore', stdio, stdio] },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }).finally(() => fs.rmSync(workdir, { recursive: true, force: true }));
  try {
    await waitForPort(port, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, child, stop };
}
