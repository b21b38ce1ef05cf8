import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from './scripts/browser.mjs';

// One fresh database per run; workers inherit these from the main process.
process.env.E2E_DATABASE_PATH ??= path.join(os.tmpdir(), `claimline-e2e-${Date.now()}.db`);
process.env.E2E_PORT ??= '3100';
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // Neither the screencast nor DOM snapshots in the trace: each cost about 15 % of the e2e time
    // (docs/testing.md). A failing test keeps its actions, network and console, and its page's
    // accessibility snapshot (error-context.md).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    launchOptions: { executablePath: findBrowser() ?? undefined, args: BROWSER_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // --varnish: Varnish in front for e2e/varnish.spec.ts, when it is installed (scripts/e2e-server.mjs).
    command: 'node scripts/e2e-server.mjs --varnish',
    url: `${baseURL}/api/health`,
    // A fresh machine builds the app (a few minutes on two busy cores) and installs Varnish with apt first.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
