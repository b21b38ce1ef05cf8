/**
 * Annotator benchmark (`npm run bench:annotator [-- --rounds 5]`): a production build on
 * a fresh database, a short article (600 words, 5 claims) as the baseline and a long one
 * (50,000 words, 200 claims), driven in Chromium as an editor does it. For each step a
 * person waits on, prints the median time in each article and the ratio long/short, with
 * what Chromium spent on script, style and layout (CDP Performance metrics) and how many
 * bytes came over the network. Not part of `npm test`: the times depend on the machine.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { AnnotatorPage } from '../e2e/pages/annotator';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { baseEnv, root, runTsOutput } from './lib.mjs';
import { quantile } from './lib/stats';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
const port = process.env.PORT || '3208';
const baseURL = `http://127.0.0.1:${port}`;
const env = { ...baseEnv(), E2E_DATABASE_PATH: path.join(os.tmpdir(), `claimline-bench-annotator-${port}.db`), E2E_PORT: port };
const appEnv = { ...env, DATABASE_PATH: env.E2E_DATABASE_PATH, APP_URL: baseURL };

type Seeded = { id: number; claims: { id: number; quote: string }[]; free: { quote: string }[] };
const seed = async (title: string, words: number, claims: number) =>
  JSON.parse(((await runTsOutput('e2e/support/long-article.ts', [JSON.stringify({ title, words, claims })], { env: appEnv })) as string).trim().split('\n').at(-1)!) as Seeded;

async function startServer() {
  const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error('The server stopped');
    const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The server did not start');
}

type Sample = { ms: number; scriptMs: number; styleLayoutMs: number; kb: number; requests: string[] };

/**
 * Runs `act`, then waits (checking every frame) until `done` holds in the page. The time
 * is the page's own: from the last mouse or key event (or from the navigation's start)
 * to the first frame where `done` held, so Playwright's round trips are not counted.
 */
async function timed(page: Page, cdp: CDPSession, act: () => Promise<unknown>, done: string, arg?: unknown, navigation = false): Promise<Sample> {
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // Requests of the step from the DevTools protocol (Playwright cannot read streamed RSC bodies).
  const requests = new Map<string, { line: string; sent: number; firstByte?: number; done?: number; bytes: number }>();
  const onSent = (e: { requestId: string; timestamp: number; request: { method: string; url: string } }) => {
    const url = new URL(e.request.url);
    if (url.protocol.startsWith('http') && !url.pathname.startsWith('/_next/static')) requests.set(e.requestId, { line: `${e.request.method} ${url.pathname}${url.search}`, sent: e.timestamp, bytes: 0 });
  };
  const onResponse = (e: { requestId: string; timestamp: number }) => void (requests.has(e.requestId) && (requests.get(e.requestId)!.firstByte = e.timestamp));
  const onData = (e: { requestId: string; dataLength: number }) => void (requests.has(e.requestId) && (requests.get(e.requestId)!.bytes += e.dataLength));
  const onDone = (e: { requestId: string; timestamp: number }) => void (requests.has(e.requestId) && (requests.get(e.requestId)!.done = e.timestamp));
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.dataReceived', onData);
  cdp.on('Network.loadingFinished', onDone);
  const before = await metrics();
  await page.evaluate(() => ((globalThis as { lastInput?: number }).lastInput = undefined));
  await act();
  const end = (await (await page.waitForFunction(`(${done})(${JSON.stringify(arg)}) && performance.now()`, undefined, { polling: 'raf', timeout: 30_000 })).jsonValue()) as number;
  const begin = await page.evaluate(() => (globalThis as { lastInput?: number }).lastInput ?? 0);
  const after = await metrics();
  cdp.off('Network.requestWillBeSent', onSent);
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.dataReceived', onData);
  cdp.off('Network.loadingFinished', onDone);
  // A navigation starts a new document, whose counters start at zero.
  const delta = (name: string) => ((after[name] ?? 0) - (navigation ? 0 : (before[name] ?? 0))) * 1000;
  const log = [...requests.values()];
  const ms = (from: number, to?: number) => (to === undefined ? '?' : Math.round((to - from) * 1000));
  return {
    ms: end - begin,
    scriptMs: delta('ScriptDuration'),
    styleLayoutMs: delta('RecalcStyleDuration') + delta('LayoutDuration'),
    kb: log.reduce((sum, r) => sum + r.bytes, 0) / 1024,
    requests: log.map((r) => `${r.line}: ${Math.round(r.bytes / 1024)} KB, headers after ${ms(r.sent, r.firstByte)} ms, done after ${ms(r.sent, r.done)} ms`),
  };
}

// Conditions checked in the page (source text: evaluated there, not in this process).
const LOADED = `() => document.readyState === 'complete' && !!document.querySelector('[role=textbox] [data-start]')`;
const BUTTON = `() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Create claim' && !b.closest('form'))`;
const PANEL = `(q) => { const aside = document.querySelector('aside'); return !!aside && [...aside.querySelectorAll('h2')].some((h) => h.textContent === 'New claim') && aside.querySelector('blockquote')?.textContent === q && CSS.highlights.get('claimline-pending')?.size === 1; }`;
const OPENED = `(q) => {
  // The range's words without the claim numbers drawn between them.
  const words = (range) => { const copy = range.cloneContents(); copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove()); return copy.textContent; };
  const id = new URLSearchParams(location.search).get('claim');
  const text = document.querySelector('[role=textbox]');
  const statement = document.querySelector('aside textarea[name=statement]');
  const open = [...(CSS.highlights.get('claimline-open') ?? [])];
  return !!id && !!text?.querySelector('mark[data-claim="' + id + '"]') && !!text.querySelector('.claim-ref[data-claim="' + id + '"]')
    && statement?.value === q && open.length === 1 && words(open[0]) === q;
}`;

const STEPS = ['open the annotator', 'select → "Create claim" button', 'button → create step shown', 'submit → claim drawn and open', 'click a highlight → claim open'] as const;
type Results = Record<(typeof STEPS)[number], Sample[]>;

async function round(page: Page, cdp: CDPSession, article: Seeded, n: number, results: Results) {
  const annotator = new AnnotatorPage(page);
  // Free sentences spread over the article: new claims land in the middle of the numbering.
  const { quote } = article.free[Math.floor(((n + 1) * article.free.length) / (rounds + 2))]!;
  const existing = article.claims[Math.floor(((n + 0.5) * article.claims.length) / rounds)]!;
  const add = (step: (typeof STEPS)[number], sample: Sample) => results[step].push(sample);
  add('open the annotator', await timed(page, cdp, () => page.goto(`/edit/articles/${article.id}`), LOADED, undefined, true));
  await page.waitForLoadState('networkidle');
  add('select → "Create claim" button', await timed(page, cdp, () => annotator.selectWithMouse(quote), BUTTON));
  add('button → create step shown', await timed(page, cdp, () => page.getByRole('button', { name: 'Create claim' }).first().click(), PANEL, quote));
  add('submit → claim drawn and open', await timed(page, cdp, () => annotator.createForm().getByRole('button', { name: 'Create claim' }).click(), OPENED, quote));
  await page.waitForLoadState('networkidle');
  const mark = annotator.text().locator(`mark[data-claim="${existing.id}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  add('click a highlight → claim open', await timed(page, cdp, () => mark.click(), OPENED, existing.quote));
}

const median = (xs: number[]) => quantile(xs, 0.5);

async function main() {
  const server = await startServer();
  try {
    const short = await seed('Short baseline article', 600, 5);
    const long = await seed('Long article', 50_000, 200);
    const link = ((await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env: appEnv })) as string).trim();
    const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: BROWSER_ARGS });
    // bypassCSP: the step conditions below are source text the page evaluates.
    const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 900 }, bypassCSP: true });
    // tsx keeps function names with a __name helper, which functions sent to the page then call.
    await page.addInitScript('globalThis.__name = (f) => f');
    // When the person last pressed a key or a mouse button: where a step's time starts.
    await page.addInitScript(`for (const type of ['mousedown', 'mouseup', 'keydown']) addEventListener(type, () => (globalThis.lastInput = performance.now()), true)`);
    await page.goto(link);
    await page.getByLabel('Your name').fill('Bench Editor');
    await page.getByLabel('Email').fill('bench@newsroom.example');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Repeat the password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Network.enable');
    const results = { short: Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Results, long: Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Results };
    // Short and long alternate, so a burst of load from elsewhere hits both.
    for (let n = 0; n < rounds; n++) {
      await round(page, cdp, short, n, results.short);
      await round(page, cdp, long, n, results.long);
    }
    await browser.close();
    console.log(`\nAnnotator, median of ${rounds} rounds; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('step                                | short ms | long ms | long/short | long: script ms, style+layout ms, KB received');
    for (const step of STEPS) {
      const s = median(results.short[step].map((x) => x.ms));
      const l = median(results.long[step].map((x) => x.ms));
      const of = (key: 'scriptMs' | 'styleLayoutMs' | 'kb') => Math.round(median(results.long[step].map((x) => x[key])));
      console.log(`${step.padEnd(35)} | ${String(Math.round(s)).padStart(8)} | ${String(Math.round(l)).padStart(7)} | ${(l / s).toFixed(1).padStart(10)} | ${of('scriptMs')}, ${of('styleLayoutMs')}, ${of('kb')}`);
    }
    console.log(`\nRequests per step (static files left out), long article, last round:`);
    for (const step of STEPS) console.log(`${step}\n  ${results.long[step].at(-1)!.requests.join('\n  ') || '(none)'}`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
