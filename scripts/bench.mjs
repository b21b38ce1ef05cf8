// `npm run bench [-- --duration 10 --connections 32]`: production build, synthetic newsroom
// (2,000 articles, 100,000 claims), the production server (scripts/server.mjs, with
// CLAIMLINE_WORKERS and CLAIMLINE_EDITOR_PROCESS as given), autocannon from this process on
// loopback, every request with a browser's Accept-Encoding. In the same run a plain node:http
// server in its own process (scripts/bench-limit.mjs) serves the claim and article pages the
// app served, as the machine's limit for those bytes. Prints a table and writes
// bench/results.json. Not part of `npm test`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  benchSettings,
  DOCUMENT,
  load as loadRoute,
  pick,
  processesRss,
  round,
  startEditor as startBenchEditor,
  startLimitServer,
  benchNewsroom,
  treeRss,
  waitForHealth,
} from './bench-lib.mjs';
import { root, runTsOutput } from './lib.mjs';
import { missingVarnish, startVarnish } from './varnish.mjs';

// --only <pattern>: the routes whose name matches (a regular expression, case-insensitive), with the /api/health baseline, for a short run of a few.
const { values, duration, connections, port, base, env } = benchSettings({ only: { type: 'string' } });
const only = values.only ? new RegExp(values.only, 'i') : null;
const wanted = (name) => !only || name.startsWith('baseline') || only.test(name);
const load = (name, paths, options = {}) => loadRoute(name, paths, { url: base, connections, duration, ...options });
const startEditor = (invite, claimIds, { seconds = duration, cookieFile } = {}) =>
  startBenchEditor({ base, invite, claimIds, seconds, interval: values['edit-interval'], env, database, cookieFile });

const fileSize = (file) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * A CDN in front of the origin, replayed over the responses the readers actually got:
 * per URL the edge keeps its last full copy; a request within `sMaxAgeSeconds` of storing
 * (or revalidating) it is answered from the edge, a later one is revalidated with the copy's
 * ETag, which the origin answers with a 304 if the ETag it sent that reader is the same (the
 * edge serves its copy after one origin round trip, no render) and with the page otherwise.
 * stale-while-revalidate is left out: it would answer even more from the edge, staler.
 */
function simulateCdn(trace, sMaxAgeSeconds) {
  const edge = new Map();
  const counts = { fresh: 0, revalidated: 0, full: 0 };
  for (const r of trace) {
    const copy = edge.get(r.path);
    if (copy && r.t - copy.at < sMaxAgeSeconds * 1000) counts.fresh++;
    else if (copy && r.etag && copy.etag === r.etag) {
      counts.revalidated++;
      copy.at = r.t;
    } else {
      counts.full++;
      if (r.status === 200 && /s-maxage=[1-9]/.test(r.control)) edge.set(r.path, { etag: r.etag, at: r.t });
    }
  }
  const n = trace.length || 1;
  return {
    sMaxAgeSeconds,
    servedByEdge: round((counts.fresh + counts.revalidated) / n),
    freshAtEdge: round(counts.fresh / n),
    revalidated304: round(counts.revalidated / n),
    fullOriginRender: round(counts.full / n),
  };
}

async function exists(pathname) {
  const res = await fetch(base + pathname);
  await res.arrayBuffer();
  return res.status === 200;
}

const loadBefore = Math.round(os.loadavg()[0] * 10) / 10;
const { database, targets, search, statistics, claimPaths, articlePath } = await benchNewsroom({ articles: values.articles, claims: values.claims, port, env, full: true });
// The editor of the mix including edits signs up through an invitation, as a newsroom member does.
// One invitation per editor: the mix with edits, the statistics, party and dashboard runs with edits, and the dashboard's reader.
const invites = [];
for (let i = 0; i < 6; i++) invites.push((await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env: { ...env, DATABASE_PATH: database, APP_URL: base } })).trim());

// Varnish in front of the same server, when installed (scripts/varnish.mjs); the app purges it on every edit.
const varnishPort = port + 2;
const varnishMissing = missingVarnish();
// The server `npm start` runs (scripts/server.mjs): Next behind a hot path for page-cache hits
// (CLAIMLINE_HOT_PATH=0 turns it off, to compare).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  cwd: root,
  env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: database, ...(varnishMissing.length ? {} : { VARNISH_URL: `http://127.0.0.1:${varnishPort}/` }) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const limitPort = port + 1;
let limitServer;
let varnish;
const stop = () => {
  server.kill('SIGTERM');
  limitServer?.kill('SIGTERM');
  varnish?.stop();
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

try {
  await waitForHealth(base);
  const searchTerms = ['bus lanes', 'hospital', 'flood defences', 'jobs', 'Ørnebakke', 'budget', 'tram', 'recycling'];
  const searchPath = () => `/claims?q=${encodeURIComponent(pick(searchTerms))}`;
  // Warm up: the first requests compile nothing in production, but open the database and fill
  // the reader and page caches, so each route measures the steady state (the mix with edits
  // measures what constant invalidation costs).
  for (const p of [...claimPaths, articlePath, '/', ...searchTerms.map((q) => `/claims?q=${encodeURIComponent(q)}`)]) {
    await (await fetch(base + p, { headers: DOCUMENT })).arrayBuffer();
  }
  const rssBefore = treeRss(server.pid);

  // The machine's limit for the same bytes: the claim and article pages as the app just served them.
  const captured = {};
  for (const p of [claimPaths[0], articlePath]) captured[p] = await (await fetch(base + p, { headers: DOCUMENT })).text();
  limitServer = await startLimitServer(captured, limitPort);

  const runs = [];
  const skipped = [];
  const available = new Set();
  const route = async (name, probe, paths, options) => {
    if (!wanted(name)) return;
    if (!(await exists(probe))) {
      skipped.push(`${name}: ${probe} is not on this build yet`);
      return;
    }
    available.add(name);
    console.log(`… ${name} (${duration} s, ${connections} connections)`);
    runs.push(await load(name, paths, options));
  };
  await route('baseline /api/health', '/api/health', () => '/api/health');
  const limits = {};
  if (wanted('claim page') || wanted('article page')) {
    console.log(`… node:http limit, the same bytes (${duration} s each)`);
    limits['claim page'] = await load('limit: claim page bytes, plain node:http', () => claimPaths[0], { headers: DOCUMENT, url: `http://127.0.0.1:${limitPort}` });
    limits.article = await load('limit: article page bytes, plain node:http', () => articlePath, { headers: DOCUMENT, url: `http://127.0.0.1:${limitPort}` });
  }
  runs.push(...Object.values(limits));
  await route('claim page', claimPaths[0], () => pick(claimPaths), { headers: DOCUMENT });
  // What a CDN or browser does with a copy it holds: revalidate with the ETag, get a 304 without a render (one page: ETags are per page).
  const etag = (await fetch(base + claimPaths[0], { headers: DOCUMENT })).headers.get('etag');
  if (etag) {
    await route('claim page, revalidated (304)', claimPaths[0], () => claimPaths[0], { headers: { ...DOCUMENT, 'if-none-match': etag }, status: 304 });
  } else {
    skipped.push('claim page, revalidated: no ETag on reader pages in this build');
  }
  await route(`article page (${targets.article.claims} claims)`, articlePath, () => articlePath, { headers: DOCUMENT });
  if (varnishMissing.length) {
    skipped.push(`through Varnish: ${varnishMissing.join(', ')} not installed`);
  } else if (wanted('claim page through Varnish')) {
    varnish = await startVarnish({ port: varnishPort, backendPort: port, stdio: 'ignore' });
    const viaVarnish = `http://127.0.0.1:${varnishPort}`;
    for (const p of claimPaths) await (await fetch(viaVarnish + p, { headers: DOCUMENT })).arrayBuffer();
    console.log(`… claim page through Varnish (${duration} s, ${connections} connections)`);
    runs.push(await load('claim page through Varnish', () => pick(claimPaths), { headers: DOCUMENT, url: viaVarnish }));
  }
  await route('claims index, search', searchPath(), searchPath, { headers: DOCUMENT });
  const statuses = ['unverified', 'confirmed', 'partly_true', 'disputed', 'false', 'retracted'];
  // The claims the editors of the runs with edits save responses to (the first 20 the reader mix reads).
  const editedClaims = targets.claims.slice(0, 20).map((c) => c.id);
  await route('JSON API list', '/api/v1/claims', () => `/api/v1/claims?status=${pick(statuses)}&limit=50`);
  // Statistics (#15): the synthetic newsroom's last year, and periods readers pick (each one a
  // page of its own in the page cache, computed once until the next edit), a CSV, the largest
  // party's page (its first page, and every page of its claims), and the editors' dashboard.
  const statsPath = '/stats?from=2025-01&to=2025-12';
  const statsPeriods = Array.from({ length: 12 }, (_, i) => `/stats?from=${2021 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}&to=2025-12`);
  const partyPath = targets.party ? `/parties/${targets.party}` : null;
  // The party page lists 25 claims a page (PARTY_PAGE_SIZE).
  const partyPages = partyPath ? Array.from({ length: Math.max(1, Math.ceil(targets.partyClaims / 25)) }, (_, i) => (i ? `${partyPath}?page=${i + 1}` : partyPath)) : [];
  for (const p of [statsPath, ...statsPeriods, ...partyPages]) await (await fetch(base + p, { headers: DOCUMENT })).arrayBuffer();
  await route('statistics page', statsPath, () => statsPath, { headers: DOCUMENT });
  await route('statistics, 12 periods', statsPath, () => pick(statsPeriods), { headers: DOCUMENT });
  await route('statistics CSV', '/stats/checked.csv?from=2025-01&to=2025-12', () => '/stats/checked.csv?from=2025-01&to=2025-12');
  if (partyPath) {
    await route(`party page, largest party (${targets.partyClaims} claims), first page`, partyPath, () => partyPath, { headers: DOCUMENT });
    await route(`party page, largest party, all ${partyPages.length} pages`, partyPath, () => pick(partyPages), { headers: DOCUMENT });
  }
  // The editors' dashboard is signed in (never in the page cache): a few editors at a time, not 32.
  const cookieFile = path.join(os.tmpdir(), `claimline-bench-cookie-${port}.txt`);
  await (await startEditor(invites[5], editedClaims, { seconds: 0, cookieFile }).done);
  const signedIn = { ...DOCUMENT, cookie: fs.readFileSync(cookieFile, 'utf8') };
  const dashboardPath = '/edit/stats?from=2025-01&to=2025-12';
  await route('editors’ dashboard (4 connections)', '/api/health', () => dashboardPath, { headers: signedIn, connections: 4 });
  await route('editors’ dashboard (1 connection)', '/api/health', () => dashboardPath, { headers: signedIn, connections: 1 });
  // The same while an editor saves a response every few hundred ms: each save invalidates the
  // statistics, the party pages and the lists, as a busy newsroom's day does.
  const withEditsRuns = [
    ['statistics, 13 pages, with edits', () => pick([statsPath, ...statsPeriods]), { headers: DOCUMENT }],
    ...(partyPath ? [[`party page, largest party, all ${partyPages.length} pages, with edits`, () => pick(partyPages), { headers: DOCUMENT }]] : []),
    ['editors’ dashboard (4 connections), with edits', () => dashboardPath, { headers: signedIn, connections: 4 }],
    ['editors’ dashboard (1 connection), with edits', () => dashboardPath, { headers: signedIn, connections: 1 }],
  ];
  for (const [i, [name, paths, options]] of withEditsRuns.entries()) {
    if (!wanted(name)) continue;
    const busy = startEditor(invites[i + 1], editedClaims);
    await busy.ready;
    await route(name, '/api/health', paths, options);
    const run = runs.find((r) => r.name === name);
    if (run) run.edits = await busy.done;
  }
  // What readers do: mostly claim pages, then articles, search and the home page.
  const canSearch = available.has('claims index, search');
  const readerMix = () => {
    const x = Math.random();
    return x < 0.6 ? pick(claimPaths) : x < 0.8 ? articlePath : x < 0.9 && canSearch ? searchPath() : '/';
  };
  await route('reader mix', '/', readerMix, { cacheable: true, headers: DOCUMENT });
  // The same readers while an editor saves a response to one of the claims they read every few hundred ms.
  if (wanted('reader mix with edits')) {
    const editor = startEditor(invites[0], editedClaims);
    await editor.ready;
    await route('reader mix with edits', '/', readerMix, { cacheable: true, headers: DOCUMENT, trace: true });
    const run = runs.find((r) => r.name === 'reader mix with edits');
    if (run) run.edits = await editor.done;
  }
  const withEdits = runs.find((r) => r.name === 'reader mix with edits');
  if (withEdits) {
    // The trace's replay at the configured s-maxage (60 s, longer than the run) and at shorter ones.
    withEdits.cdn = [0, 1, 10, 60].map((seconds) => simulateCdn(withEdits.trace, seconds));
    delete withEdits.trace;
  }

  const rssAfter = treeRss(server.pid);
  const perProcess = processesRss(server.pid);
  const baseline = runs[0]?.requestsPerSecond || 1;
  // Each page route beside the limit for its bytes (the revalidated claim page sends no body, so it has none).
  const limitFor = (name) => (name.startsWith('limit') ? undefined : name === 'claim page' || name === 'claim page through Varnish' ? limits['claim page'] : name.startsWith('article page') ? limits.article : undefined);
  const rows = runs.map((r) => ({
    ...r,
    ratio: round(r.requestsPerSecond / baseline, 2),
    ...(limitFor(r.name) ? { ratioToLimit: round(r.requestsPerSecond / limitFor(r.name).requestsPerSecond, 3) } : {}),
  }));
  const results = {
    at: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    hotPath: process.env.CLAIMLINE_HOT_PATH !== '0',
    // scripts/server.mjs's processes as they ran: reader processes (one when the server is a single process) and the editor process.
    readerProcesses: Math.max(perProcess.filter((p) => p.role === 'reader').length, 1),
    editorProcess: perProcess.some((p) => p.role === 'editor'),
    // Other work on the machine skews every number; the 1-minute load average says how much.
    loadAverageBefore: loadBefore,
    loadAverageAfter: Math.round(os.loadavg()[0] * 10) / 10,
    data: { articles: Number(values.articles), claims: Number(values.claims) },
    connections,
    durationSeconds: duration,
    routes: rows,
    skipped,
    search,
    statistics,
    serverRssMb: { before: rssBefore, after: rssAfter, perProcessAfter: perProcess },
    walBytes: fileSize(`${database}-wal`),
    databaseBytes: fileSize(database),
  };
  console.log('');
  console.table(
    Object.fromEntries(
      rows.map((r) => [
        r.name,
        { 'req/s': r.requestsPerSecond, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'to /api/health': r.ratio, 'to limit': r.ratioToLimit ?? '', 'B/resp': r.bytesPerResponse, errors: r.errors },
      ]),
    ),
  );
  skipped.forEach((s) => console.log(`skipped ${s}`));
  for (const [name, t] of Object.entries(search)) {
    console.log(`FTS ${name} over ${values.claims} claims, direct (${t.queries} queries): p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms`);
  }
  for (const [name, t] of Object.entries(statistics ?? {})) {
    console.log(`statistics ${name}, every chart computed without a cache (${t.queries} runs): p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms`);
  }
  for (const r of rows) {
    if (r.pageCacheHitShare !== undefined) console.log(`${r.name}: page cache answered ${Math.round(r.pageCacheHitShare * 100)} % without a render`);
  }
  if (withEdits?.edits) {
    const e = withEdits.edits;
    console.log(`edits: ${e.acknowledged} of ${e.attempted} acknowledged (one every ${e.intervalMs} ms), p50 ${e.p50} ms, p99 ${e.p99} ms`);
    for (const c of withEdits.cdn) {
      console.log(`CDN model, s-maxage ${c.sMaxAgeSeconds} s: ${Math.round(c.servedByEdge * 100)} % answered by the edge (${Math.round(c.revalidated304 * 100)} % after a 304), ${Math.round(c.fullOriginRender * 100)} % full origin responses`);
    }
  }
  for (const r of rows) {
    if (r.edits && r.name !== 'reader mix with edits') console.log(`${r.name}: ${r.edits.acknowledged} of ${r.edits.attempted} edits acknowledged, p50 ${r.edits.p50} ms, p99 ${r.edits.p99} ms`);
  }
  console.log(`server RSS ${rssBefore} MB before, ${rssAfter} MB after; WAL ${(results.walBytes / 1e6).toFixed(1)} MB`);
  console.log(`per process after: ${perProcess.map((p) => `${p.role} ${p.rssMb} MB`).join(', ')}`);
  console.log(`${results.readerProcesses} reader process${results.readerProcesses === 1 ? '' : 'es'}, editor process ${results.editorProcess ? 'on' : 'off'}`);
  console.log(`hot path for page-cache hits: ${results.hotPath ? 'on' : 'off (CLAIMLINE_HOT_PATH=0)'}`);
  console.log(`load average ${loadBefore} before, ${results.loadAverageAfter} after (${os.cpus().length} cores)`);
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
} finally {
  stop();
}
