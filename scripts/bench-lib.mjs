// What the benches (scripts/bench.mjs, bench-layouts.mjs, bench-saves.mjs) share: the synthetic database, the load
// generator (autocannon with a browser's headers), the bench editor, the machine's limit server
// and the server's memory per process.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildIfNeeded } from './build-if-needed.mjs';
import { baseEnv, bin, root, runTs } from './lib.mjs';

/**
 * The command line both benches take (`--duration`, `--connections`, `--articles`, `--claims`,
 * `--edit-interval`, plus `extra`), and what follows from it and PORT.
 */
export function benchSettings(extra = {}) {
  const { values } = parseArgs({
    options: {
      ...extra,
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      articles: { type: 'string', default: '2000' },
      claims: { type: 'string', default: '100000' },
      // The mix including edits: one editor saving a response every this many milliseconds.
      'edit-interval': { type: 'string', default: '300' },
    },
  });
  const port = Number(process.env.PORT || 3207);
  return { values, duration: Number(values.duration), connections: Number(values.connections), port, base: `http://127.0.0.1:${port}`, env: baseEnv() };
}

export const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** The generated database, cached in the temp folder under a key of everything that shapes it. */
export async function syntheticDatabase({ articles, claims, port, env }) {
  const hash = createHash('sha256').update(`${articles}x${claims}`);
  for (const dir of ['scripts/synthetic', 'db/migrations', 'db/migrations/meta']) {
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      const file = path.join(root, dir, name);
      if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
    }
  }
  for (const file of ['db/queries/synthetic.ts', 'scripts/seed-synthetic.ts']) hash.update(fs.readFileSync(path.join(root, file)));
  const cached = path.join(os.tmpdir(), `claimline-bench-${hash.digest('hex').slice(0, 16)}.db`);
  if (!fs.existsSync(cached)) {
    const partial = `${cached}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    await runTs('scripts/seed-synthetic.ts', ['--articles', articles, '--claims', claims], {
      env: { ...env, DATABASE_PATH: partial },
    });
    fs.renameSync(partial, cached);
  }
  // Each run writes (edits), so it works on a copy.
  const working = path.join(os.tmpdir(), `claimline-bench-run-${port}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(working + suffix, { force: true });
  fs.copyFileSync(cached, working);
  return working;
}

/**
 * What every bench starts from: the synthetic newsroom (a working copy), the app built, and the
 * pages it reads as scripts/bench-db.ts picks them (the claims and the article; with `full`, the
 * search terms and statistics too).
 */
export async function benchNewsroom({ articles, claims, port, env, full = false }) {
  const database = await syntheticDatabase({ articles, claims, port, env });
  await buildIfNeeded();
  const targetsFile = path.join(os.tmpdir(), `claimline-bench-targets-${port}.json`);
  await runTs('scripts/bench-db.ts', full ? [targetsFile] : [targetsFile, '--targets-only'], { env: { ...env, DATABASE_PATH: database } });
  const found = JSON.parse(fs.readFileSync(targetsFile, 'utf8'));
  return {
    database,
    ...found,
    claimPaths: found.targets.claims.map((c) => `/claims/${c.id}/${c.slug}`),
    articlePath: `/articles/${found.targets.article.slug}`,
  };
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRss(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  const visit = (p) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return;
    }
    (children.get(p) ?? []).forEach(visit);
  };
  visit(pid);
  return Math.round(kb / 1024);
}

// Linux counts process CPU time in ticks of 1/100 s (USER_HZ).
const TICKS = 100;

/** Each process of the server (the primary, reader processes, the editor process) with its resident memory in MB and the CPU seconds it has used. */
export function processesRss(pid) {
  const list = [];
  const visit = (p, depth) => {
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      const role = /(?:^|\0)CLAIMLINE_ROLE=(\w+)/.exec(fs.readFileSync(`/proc/${p}/environ`, 'utf8'))?.[1] ?? (depth === 0 ? 'primary or single' : 'other');
      // After the command's closing parenthesis: state, ppid, …, utime and stime (fields 14 and 15).
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      list.push({ pid: p, role, rssMb: Math.round(rss / 1024), cpuSeconds: (Number(stat[11]) + Number(stat[12])) / TICKS });
    } catch {
      return;
    }
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === p) visit(Number(entry), depth + 1);
      } catch {
        // ended meanwhile
      }
    }
  };
  visit(pid, 0);
  return list;
}

/** CPU seconds used so far: by each role of the server's processes (summed), and by the whole machine (every process, other work included). */
export function cpuSeconds(pid) {
  const byRole = {};
  for (const p of processesRss(pid)) byRole[p.role] = (byRole[p.role] ?? 0) + p.cpuSeconds;
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are work.
  const busy = fields.slice(0, 8).reduce((sum, x, i) => (i === 3 || i === 4 ? sum : sum + Number(x)), 0);
  return { ...byRole, machine: busy / TICKS };
}

/** What each of `cpuSeconds()`'s counts grew by between two readings, in seconds. */
export const cpuUsed = (before, after) => Object.fromEntries(Object.keys(after).map((k) => [k, round(after[k] - (before[k] ?? 0), 2)]));

/** Waits until the server at `base` answers its health check (at most a minute). */
export async function waitForHealth(base) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not answer /api/health');
}

// What a browser sends when it loads a page; the page cache serves documents only.
export const DOCUMENT = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
// What Chromium sends with every request, pages and fetches alike.
export const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * Runs one autocannon load; `paths` is called per request so connections spread over many
 * pages. With `trace`, every response's time, path, status and ETag is kept (for the CDN model).
 */
export async function load(name, paths, { cacheable, headers, status, trace, url, connections, duration }) {
  const counts = { responses: 0, cacheable: 0, unexpected: 0, pageCacheHits: 0, pageCacheStale: 0, pages: 0, encodings: {} };
  const log = [];
  // Every response's time, for the p95 (autocannon's histogram reports p90 and p97.5, not p95).
  const times = [];
  const run = autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request, context) => {
          context.path = paths();
          context.started = Date.now();
          return { ...request, path: context.path, headers: { ...request.headers, ...BROWSER_ENCODINGS, ...headers } };
        },
        onResponse: (code, _body, context, responseHeaders) => {
          counts.responses++;
          if (status && code !== status) counts.unexpected++;
          const control = responseHeaders?.['cache-control'] ?? '';
          if (/s-maxage=[1-9]|public, max-age=[1-9]/.test(control)) counts.cacheable++;
          const pageCache = responseHeaders?.['x-claimline-cache'];
          if (pageCache) counts.pages++;
          if (pageCache === 'hit') counts.pageCacheHits++;
          if (pageCache === 'stale') counts.pageCacheStale++;
          const encoding = responseHeaders?.['content-encoding'] ?? 'identity';
          counts.encodings[encoding] = (counts.encodings[encoding] ?? 0) + 1;
          if (trace) log.push({ t: Date.now(), path: context.path, status: code, etag: responseHeaders?.etag, control, cache: pageCache ?? null, ms: Date.now() - context.started });
        },
      },
    ],
  });
  run.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await run;
  times.sort((a, b) => a - b);
  // A route expected to answer 304 counts anything else as an error; others count non-2xx.
  const errors = result.errors + result.timeouts + (status ? counts.unexpected : result.non2xx);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: times.length ? Math.round(times[Math.ceil(0.95 * times.length) - 1]) : null,
    p99: result.latency.p99,
    connections,
    errors,
    // Bytes on the wire per response (headers included) and how they were encoded.
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    encodings: counts.encodings,
    ...(cacheable ? { cdnCacheableShare: counts.responses ? counts.cacheable / counts.responses : 0 } : {}),
    // Of the responses that went through the page cache, the share it answered without a render of their own.
    ...(counts.pages ? { pageCacheHitShare: round(counts.pageCacheHits / counts.pages) } : {}),
    // … and the share it answered with a copy out of date (lib/server/page-cache.ts: lagLimit).
    ...(counts.pageCacheStale ? { pageCacheStaleShare: round(counts.pageCacheStale / counts.pages) } : {}),
    ...(trace ? { trace: log } : {}),
  };
}

export const round = (x, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * The bench editor (scripts/bench-editor.ts): resolves `{ ready, done }` once it has signed in.
 * With `slices` above 1 it saves only when asked: each `slice()` starts `seconds` of saves and
 * resolves with their result; `done` with the last one (`paced` asks for that with one slice too).
 * `mode`: nojs or js (bench-editor.ts).
 */
export function startEditor({ base, invite, claimIds, seconds, interval, env, database, cookieFile, slices = 1, paced = slices > 1, mode = 'nojs' }) {
  const child = spawn(
    bin('tsx'),
    ['--conditions=react-server', '--tsconfig', path.join(root, 'tsconfig.json'), 'scripts/bench-editor.ts',
      '--base', base, '--invite', invite, '--claims', claimIds.join(','),
      '--seconds', String(seconds), '--interval', String(interval), '--slices', String(slices), ...(paced ? ['--paced'] : []), '--mode', mode, ...(cookieFile ? ['--cookie-file', cookieFile] : [])],
    { cwd: root, env: { ...env, DATABASE_PATH: database }, stdio: [paced ? 'pipe' : 'ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let onReady;
  const ready = new Promise((resolve) => (onReady = resolve));
  // Each slice's result, as its JSON line arrives, and the slice() waiting for the next one.
  const results = [];
  let onSlice = null;
  child.stdout.on('data', (chunk) => {
    const lines = (out + chunk).split('\n');
    out = lines.pop();
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('{')) {
        results.push(JSON.parse(line));
        onSlice?.(results.at(-1));
        onSlice = null;
      }
    }
  });
  const done = new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 && results.length ? resolve(results.at(-1)) : reject(new Error(`bench editor failed (${code})`)))),
  );
  const slice = () =>
    new Promise((resolve) => {
      onSlice = resolve;
      child.stdin.write('go\n');
    });
  // No more slices: the editor ends (and `done` resolves).
  const end = () => child.stdin?.end();
  return { ready: Promise.race([ready, done]), done, slice, end, pid: child.pid };
}

/**
 * The plain node:http server (scripts/bench-limit.mjs) serving `pages` on `port`, in a process of
 * its own: { path: html } (compressed there, four headers) or { path: captureAnswer(…) } (the app's
 * own bytes and headers). With `nice`, it runs at that CPU priority, as the reader processes do
 * (scripts/server.mjs: nice 5), so that on a busy machine it competes for the CPU as they do.
 */
export async function startLimitServer(pages, port, { nice = 0 } = {}) {
  const pagesFile = path.join(os.tmpdir(), `claimline-bench-pages-${port}.json`);
  fs.writeFileSync(pagesFile, JSON.stringify(pages));
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'bench-limit.mjs'), pagesFile, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (nice) os.setPriority(child.pid, nice);
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`the limit server ended (${code})`)));
  });
  return child;
}

/**
 * A page as the app answers it, byte for byte, for the limit server: the headers of its brotli
 * answer (Date and the connection's own left out) and its body in each encoding the app sends.
 */
export async function captureAnswer(base, pathname) {
  const get = (encoding) =>
    new Promise((resolve, reject) => {
      http
        .get(`${base}${pathname}`, { headers: { ...DOCUMENT, 'accept-encoding': encoding } }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.rawHeaders, encoding: res.headers['content-encoding'] ?? 'identity', body: Buffer.concat(chunks) }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  const bodies = {};
  let headers = [];
  for (const asked of ['br', 'gzip', 'identity']) {
    const answer = await get(asked);
    bodies[answer.encoding] = answer.body.toString('base64');
    if (asked === 'br') {
      for (let i = 0; i < answer.headers.length; i += 2) {
        const name = answer.headers[i].toLowerCase();
        if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers.push([name, answer.headers[i + 1]]);
      }
    }
  }
  return { headers, bodies };
}

/**
 * Where the bench editor's saves spent their time (`--timing`): the server's timing log
 * (CLAIMLINE_TIMING_LOG, scripts/server.mjs) joined with the client's time of each save by its
 * trace id. Per phase: p50, p90 and the largest, in ms. "before the server" is the client's time
 * minus the first process's (waiting to be read by a busy event loop, and the response's transfer);
 * "reader → editor" what forwarding added; "editor: page render" the editor process's time
 * outside the action (Next decoding the form, then rendering the editor's page).
 */
export function timingBreakdown(logFile, saves) {
  const byTrace = new Map();
  for (const line of fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : []) {
    if (!line) continue;
    const record = JSON.parse(line);
    if (!record.trace || !(record.trace in saves)) continue;
    const entry = byTrace.get(record.trace) ?? {};
    entry[record.role] = record;
    byTrace.set(record.trace, entry);
  }
  const columns = new Map();
  const add = (name, ms) => {
    if (typeof ms !== 'number' || Number.isNaN(ms)) return;
    if (!columns.has(name)) columns.set(name, []);
    columns.get(name).push(ms);
  };
  for (const [trace, roles] of byTrace) {
    const first = roles.reader ?? roles.single ?? roles.editor;
    const worker = roles.editor ?? roles.single ?? roles.reader;
    add('client: whole save', saves[trace]);
    add('before the server (client, kernel, busy loop)', saves[trace] - first.total);
    for (const [phase, ms] of Object.entries(first.phases)) if (phase.startsWith('reader.')) add(phase, ms);
    if (roles.reader && roles.editor) add('reader → editor (forwarding)', roles.reader.total - roles.editor.total);
    let inAction = 0;
    for (const [phase, ms] of Object.entries(worker.phases)) {
      if (phase.startsWith('reader.')) continue;
      add(phase, ms);
      if (phase.startsWith('action.')) inAction += ms;
    }
    add(`${worker.role}: whole request`, worker.total);
    add(`${worker.role}: outside the action (form decoding, page render)`, worker.total - inAction);
  }
  const q = (list, p) => {
    const sorted = [...list].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  };
  return Object.fromEntries([...columns].map(([name, list]) => [name, { n: list.length, p50: q(list, 0.5), p90: q(list, 0.9), max: q(list, 1) }]));
}
