import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from './scripts/browser.mjs';

// One fresh database per run; workers inherit these from the main process.
process.env.E2E_DATABASE_PATH ??= path.join(os.tmpdir(), `claimline-e2e-${Date.now()}.db`);
process.env.E2E_PORT ??= '3100';
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const OWN_SERVER = /@own-server/;
const INDEPENDENT = /@independent/;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // Two lanes (projects below), one worker each: the specs that share the e2e server and its
  // database one after another, and beside them the few tests that disturb no other spec.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // Neither the screencast nor DOM snapshots in the trace: each cost about 15 % of the e2e time
    // (docs/testing.md). A failing test keeps its actions, network and console, and its page's
    // accessibility snapshot (error-context.md). In CI a trace is recorded only for a test's retry
    // (a test that fails twice keeps the second's), not for every test that passes.
    trace: { mode: process.env.CI ? 'on-first-retry' : 'retain-on-failure', screenshots: false, snapshots: false },
    launchOptions: { executablePath: findBrowser() ?? undefined, args: BROWSER_ARGS },
  },
  projects: [
    // The shared newsroom: several specs read what earlier ones left (the board, the home page's
    // lists), so its files run one at a time, in order.
    { name: 'chromium', grepInvert: [OWN_SERVER, INDEPENDENT], workers: 1, use: { ...devices['Desktop Chrome'] } },
    // The second lane, beside the shared one: first the tests tagged @independent, then @own-server.
    // @independent: they use the shared server, but change nothing another spec reads (accounts of
    // their own at most: no article, claim, party or setting) and assert nothing another spec's data
    // could change (e2e/hostile-requests.spec.ts). They run first, during the shared lane's first
    // files (hostile-requests ended 2-3 minutes in, the shared lane at annotator): their requests fill
    // and drop the shared server's page cache, which only the specs that expect cache hits mind
    // (page-cache, paging, varnish: about 10 minutes in).
    { name: 'independent', grep: INDEPENDENT, workers: 1, use: { ...devices['Desktop Chrome'] } },
    // @own-server: they start a Claimline (and Varnish) on a database of their own and never touch the
    // shared one: a first start's setup screen, servers killed mid-save. Each spends most of its time
    // waiting for a server to start.
    { name: 'own-server', grep: OWN_SERVER, workers: 1, use: { ...devices['Desktop Chrome'] } },
  ],
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
