// Makes sure a Chromium exists for Playwright: CHROMIUM_PATH, then system paths,
// then `apt-get install chromium` when running as root on Debian. Otherwise it stops
// with one sentence saying how to get one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { findBrowser } from './browser.mjs';

if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there: point it at a Chromium or Chrome binary.`);
  process.exit(1);
}

let browser = findBrowser();
const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
if (!browser && canApt) {
  console.log('No Chromium found; installing Debian’s chromium package with apt-get…');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // reported below
  }
  browser = findBrowser();
}
if (!browser) {
  console.error(
    'No Chromium browser was found for the end-to-end tests: install one (on Debian: sudo apt-get install chromium) or set CHROMIUM_PATH to its binary.',
  );
  process.exit(1);
}
console.log(`Using browser: ${browser}`);
