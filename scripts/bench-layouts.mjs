// `npm run bench:layouts [-- --layouts 1,1+editor,2+editor --duration 10 --connections 32]`:
// the server's process layouts side by side, in one run, on one copy of the synthetic newsroom
// (2,000 articles, 100,000 claims). For each layout (N reader processes, with or without the
// editor process: scripts/server.mjs) it starts the server, warms every reader process's page
// cache, and measures with autocannon, every request with a browser's Accept-Encoding:
// /api/health, the JSON API list, a cached claim page and the article page (beside a plain
// node:http server sending the same pages: the machine's limit, measured three ways on the first
// layout, below), the reader mix, and the reader
// mix while an editor saves a response every 300 ms through the real form (the saves' latency
// is what "editors first" is about), once with the bench editor posting the form as a browser
// without JavaScript and once saving as React does with it (--editor-modes). It records each process's memory and the load average
// before and after each layout, prints a table and writes bench/layouts.json. Not part of
// `npm test`: about 80 s a layout at the default duration.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchSettings, captureAnswer, cpuSeconds, cpuUsed, DOCUMENT, load, pick, processesRss, round, startEditor, startLimitServer, benchNewsroom, timingBreakdown, waitForHealth } from './bench-lib.mjs';
import { profileSummary } from './cpu-profile.mjs';
import { root, runTsOutput } from './lib.mjs';

const { values, duration, connections, port, base, env } = benchSettings({
  layouts: { type: 'string', default: '1,1+editor,2+editor' },
  // Where the editor's saves spend their time during the mix with edits (timingBreakdown in bench-lib.mjs).
  timing: { type: 'boolean', default: false },
  // Rounds of the cached pages measured alternately with the limit (same answer, nice 5), 2 s each: pairedRatios below.
  paired: { type: 'string', default: '0' },
  // What the page cache answered in the mix with edits, route by route (x-claimline-cache: hit, stale, miss, pass, or none).
  trace: { type: 'boolean', default: false },
  // The mix and the mix with edits measured alternately, this many times each (mixSlices below).
  rounds: { type: 'string', default: '1' },
  // How the bench editor saves (scripts/bench-editor.ts): nojs posts the form and gets the whole page
  // back (the figures of earlier runs); js saves as React does in the browser (a server action request,
  // an RSC answer). With both, the mixes are measured once per mode, nojs first.
  'editor-modes': { type: 'string', default: 'nojs,js' },
  // Only the two mixes: no limits, no single routes (a shorter run, for the mix with edits).
  'mix-only': { type: 'boolean', default: false },
  // A CPU profile of each server process in each slice of the mixes, summed up (scripts/cpu-profile.mjs).
  profile: { type: 'boolean', default: false },
  // Renices the reader processes once started (they take nice 5 themselves: scripts/connection-route.mjs), to measure what their priority costs the mix.
  'reader-nice': { type: 'string' },
  // NODE_OPTIONS for the server's processes only (not the load generator), e.g. "--max-semi-space-size=64".
  'node-options': { type: 'string' },
  // The load generator (this process: autocannon) and the bench editor on the first core, the server's
  // processes on the others (taskset), as clients on other machines would be: unpinned, on two cores,
  // the CPU an editor's save takes comes partly out of the load generator's core, and the mix's rate is
  // the load generator's. With --mix-only only (a limit server started from here would share the load
  // generator's core).
  pin: { type: 'boolean', default: false },
});
const cores = os.cpus().length;
if (values.pin) {
  if (!values['mix-only']) throw new Error('--pin: with --mix-only only');
  if (cores < 2) throw new Error('--pin needs two cores or more');
  // Every thread of this process; the bench editor (tsx, spawned from here) inherits it.
  execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
}
const serverCommand = (script) => (values.pin ? ['taskset', ['-c', `1-${cores - 1}`, process.execPath, script]] : [process.execPath, [script]]);
const loadAverage = () => round(os.loadavg()[0], 1);
// Where the server's processes write their CPU profiles (--profile).
const profileDir = values.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-profiles-')) : null;

/**
 * "2+editor" → 2 reader processes and the editor process; "1" → the single process; a ":fresh"
 * suffix turns off sending edited pages out of date under load (CLAIMLINE_STALE_UNDER_LOAD=0).
 */
function parseLayout(text) {
  const match = /^(\d+)(\+editor)?(:fresh)?$/.exec(text.trim());
  if (!match) throw new Error(`--layouts: "${text}" is not N or N+editor, with or without :fresh`);
  return { name: text.trim(), readers: Number(match[1]), editor: Boolean(match[2]), fresh: Boolean(match[3]) };
}
const layouts = values.layouts.split(',').map(parseLayout);
const editorModes = values['editor-modes'].split(',').map((m) => m.trim());
if (!editorModes.length || editorModes.some((m) => m !== 'nojs' && m !== 'js')) throw new Error('--editor-modes: nojs, js or both (nojs,js)');

const { database, targets, claimPaths, articlePath } = await benchNewsroom({ articles: values.articles, claims: values.claims, port, env });
const searchTerms = ['bus lanes', 'hospital', 'flood defences', 'jobs', 'Ørnebakke', 'budget', 'tram', 'recycling'];
const searchPaths = searchTerms.map((q) => `/claims?q=${encodeURIComponent(q)}`);
const statuses = ['unverified', 'confirmed', 'partly_true', 'disputed', 'false', 'retracted'];
// The claims the bench editor saves responses to (startEditor below): their pages are never sent out of date.
const editedPaths = new Set(claimPaths.slice(0, 20));
const readerMix = () => {
  const x = Math.random();
  return x < 0.6 ? pick(claimPaths) : x < 0.8 ? articlePath : x < 0.9 ? pick(searchPaths) : '/';
};

let server;
let limitServer;
process.on('SIGINT', () => {
  server?.kill('SIGTERM');
  limitServer?.kill('SIGTERM');
  process.exit(130);
});

/** Every page of the mix, asked on as many connections at once as there are reader processes (each keeps its own page cache). */
async function warm(readers) {
  for (const p of [...claimPaths, articlePath, '/', ...searchPaths]) {
    await Promise.all(
      Array.from({ length: readers * 2 }, async () => {
        // A connection of its own each: the cluster hands connections to reader processes in turn.
        const res = await fetch(base + p, { headers: { ...DOCUMENT, connection: 'close' } });
        await res.arrayBuffer();
      }),
    );
  }
}

/** Answers of a traced load per kind of route: how many, how the page cache answered them, and their time. */
function byRoute(trace, edited) {
  const kind = (p) => (edited.has(p) ? 'claim page, edited' : p.startsWith('/claims/') ? 'claim page, other' : p === articlePath ? 'article page' : p.startsWith('/claims?') ? 'search' : 'home');
  const groups = new Map();
  for (const r of trace) {
    const k = kind(r.path);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  const q = (list, p) => (list.length ? list[Math.min(list.length - 1, Math.floor(p * list.length))] : null);
  return Object.fromEntries(
    [...groups].map(([k, list]) => {
      const ms = list.map((r) => r.ms).sort((a, b) => a - b);
      const count = (c) => list.filter((r) => r.cache === c).length;
      return [k, { answers: list.length, hit: count('hit'), stale: count('stale'), miss: count('miss'), pass: count('pass'), none: count(null), p50: q(ms, 0.5), p90: q(ms, 0.9), max: q(ms, 1) }];
    }),
  );
}

/** Answers of a traced load second by second, by how the page cache answered them. */
function bySecond(trace) {
  const start = trace.reduce((min, r) => Math.min(min, r.t), Infinity);
  const seconds = [];
  for (const r of trace) {
    const i = Math.floor((r.t - start) / 1000);
    seconds[i] ??= { answers: 0, hit: 0, stale: 0, miss: 0, pass: 0, none: 0 };
    seconds[i].answers++;
    seconds[i][r.cache ?? 'none']++;
  }
  return seconds;
}

/**
 * The cached claim and article pages against the limit (the app's own answer, at nice 5) in
 * alternating 2 s slices, `rounds` times each, a ratio per pair: the machine's load moves within a
 * run (other work on the same cores), and a limit measured once at the start, a minute before the
 * page, was sometimes twice or half what it was when the page ran.
 */
async function pairedRatios(rounds) {
  const same = {};
  for (const p of [claimPaths[0], articlePath]) same[p] = await captureAnswer(base, p);
  limitServer = await startLimitServer(same, port + 1, { nice: 5 });
  const url = `http://127.0.0.1:${port + 1}`;
  const ratios = { claim: [], article: [] };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const [key, paths] of [['claim', () => claimPaths[0]], ['article', () => articlePath]]) {
        // Which goes first alternates, so a load that rises or falls through the run favours neither.
        const limitRun = () => load('paired limit', paths, { headers: DOCUMENT, url, connections, duration: 2 });
        const pageRun = () => load('paired page', paths, { headers: DOCUMENT, url: base, connections, duration: 2 });
        const [limit, page] = i % 2 ? (([p, l]) => [l, p])([await pageRun(), await limitRun()]) : [await limitRun(), await pageRun()];
        ratios[key].push(round(page.requestsPerSecond / (limit.requestsPerSecond || 1), 2));
      }
    }
  } finally {
    limitServer.kill('SIGTERM');
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { ...ratios, claimMedian: median(ratios.claim), articleMedian: median(ratios.article) };
}

const ratio = (a, b) => (a && b ? round(a.requestsPerSecond / (b.requestsPerSecond || 1)) : undefined);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const mean = (list) => list.reduce((sum, x) => sum + x, 0) / (list.length || 1);
const quantile = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
const tryCell = (f, r) => {
  try {
    return f(r) ?? '–';
  } catch {
    return '–';
  }
};

/** Several slices of one load as one: the mean rate, the median percentiles, every trace; each slice's rate kept. */
function combined(list) {
  if (list.length === 1) return list[0];
  const traced = list.filter((r) => r.trace);
  return {
    ...list[0],
    requestsPerSecond: Math.round(mean(list.map((r) => r.requestsPerSecond))),
    p50: median(list.map((r) => r.p50)),
    p95: median(list.map((r) => r.p95)),
    p99: median(list.map((r) => r.p99)),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
    pageCacheHitShare: round(mean(list.map((r) => r.pageCacheHitShare ?? 0))),
    pageCacheStaleShare: round(mean(list.map((r) => r.pageCacheStaleShare ?? 0))),
    cpuSeconds: Object.fromEntries(Object.keys(list[0].cpuSeconds).map((k) => [k, round(list.reduce((sum, r) => sum + (r.cpuSeconds[k] ?? 0), 0), 2)])),
    slices: list.map((r) => r.requestsPerSecond),
    ...(traced.length ? { trace: traced.flatMap((r) => r.trace) } : {}),
  };
}

/** The server's processes that CPU profiles are taken of (profileOnSignal in scripts/server.mjs): every one but the primary. */
const profiled = () => processesRss(server.pid).filter((p) => ['reader', 'editor', 'single'].includes(p.role));

/** Stops the profiles started in `procs` and waits for each file, named after the slice. */
async function collectProfiles(procs, dir, label) {
  const before = new Set(fs.readdirSync(dir));
  for (const p of procs) process.kill(p.pid, 'SIGUSR2');
  const found = {};
  for (let i = 0; i < 200 && Object.keys(found).length < procs.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    for (const name of fs.readdirSync(dir)) {
      if (before.has(name) || !name.endsWith('.cpuprofile')) continue;
      const p = procs.find((x) => name.startsWith(`${x.role}-${x.pid}-`));
      if (p) found[`${label} ${p.role}${procs.filter((x) => x.role === p.role).length > 1 ? ` ${p.pid}` : ''}`] = path.join(dir, name);
    }
  }
  return found;
}

/**
 * The reader mix and the mix with edits, `--rounds` times each, alternately (mix first in even
 * rounds, edits first in odd ones), each slice `duration` seconds: the machine's load moves within
 * a run (other work, the load generator's own state), and measured once each, one after the other,
 * the ratio of the two was partly that drift. After a slice with edits the load signal is let go
 * (BUSY_LINGER_MS) and every page of the mix is warmed again, so each slice starts from a current
 * page cache. One bench editor for all the slices (signed in once), saving only in those with edits.
 * The ratio is the median of the rounds'; CPU seconds are summed over each kind's slices.
 */
async function mixSlices(layout, invite, working, mode) {
  const rounds = Math.max(1, Number(values.rounds) || 1);
  const editor = startEditor({ base, invite, claimIds: targets.claims.slice(0, 20).map((c) => c.id), seconds: duration, interval: values['edit-interval'], env, database: working, slices: rounds, paced: true, mode });
  await editor.ready;
  const editorPid = editor.pid;
    const slices = { mix: [], edits: [] };
  const saveSlices = [];
  const profileFiles = {};
  // Answers in the slice each profile was taken in, and the CPU its process used there, by its label.
  const answers = {};
  const cpu = {};
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? ['edits', 'mix'] : ['mix', 'edits']) {
      const procs = profileDir ? profiled() : [];
      for (const p of procs) process.kill(p.pid, 'SIGUSR2');
      const cpuBefore = { ...cpuSeconds(server.pid), bench: benchCpu(editorPid) };
      const saving = kind === 'edits' ? editor.slice() : null;
      const name = kind === 'edits' ? 'reader mix with edits' : 'reader mix';
      console.log(`… ${name}${rounds > 1 ? `, round ${i + 1} of ${rounds}` : ''} (${duration} s, ${connections} connections)`);
      const result = await load(name, readerMix, { url: base, connections, duration, headers: DOCUMENT, trace: kind === 'edits' && values.trace });
      if (saving) saveSlices.push(await saving);
      result.cpuSeconds = cpuUsed(cpuBefore, { ...cpuSeconds(server.pid), bench: benchCpu(editorPid) });
      if (profileDir) {
        const files = await collectProfiles(procs, profileDir, `${kind}${mode === 'nojs' ? '' : ` ${mode}`} r${i + 1}`);
        Object.assign(profileFiles, files);
        for (const [label, file] of Object.entries(files)) {
          answers[label] = result.requestsPerSecond * duration;
          // A profile counts wall time while its thread is not idle, descheduled time included: each is scaled to the CPU its process used (by role; split by sampled time when a role has several).
          const role = procs.find((p) => file.includes(`${p.role}-${p.pid}-`)).role;
          const sameRole = Object.entries(files).filter(([, f]) => path.basename(f).startsWith(`${role}-`));
          cpu[label] = { ms: (result.cpuSeconds[role] ?? 0) * 1000, share: sameRole.length > 1 ? sameRole.map(([, f]) => f) : null };
        }
      }
      slices[kind].push(result);
      if (kind === 'edits' && !(i === rounds - 1 && i % 2 === 0)) {
        await new Promise((r) => setTimeout(r, 6000));
        await warm(layout.readers);
      }
    }
  }
  editor.end();
  await editor.done;
  const ratios = slices.mix.map((mix, i) => round(slices.edits[i].requestsPerSecond / (mix.requestsPerSecond || 1)));
  const saves = Object.assign({}, ...saveSlices.map((x) => x.saves));
  const times = Object.values(saves);
  const edits = {
    attempted: saveSlices.reduce((sum, x) => sum + x.attempted, 0),
    acknowledged: times.length,
    failed: saveSlices.reduce((sum, x) => sum + x.failed, 0),
    intervalMs: saveSlices[0]?.intervalMs,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
  };
  const profiles = profileDir ? profileSummary(profileFiles, (label) => answers[label], (label) => cpu[label]) : undefined;
  return { mix: combined(slices.mix), withEdits: combined(slices.edits), edits, saves, ratios, profiles };
}

/** CPU seconds of this process (autocannon runs in it) and of the bench editor's processes (tsx and its node). */
function benchCpu(editorPid) {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + processesRss(editorPid).reduce((sum, p) => sum + p.cpuSeconds, 0);
}

const results = [];
let limits;
try {
  for (const layout of layouts) {
    const before = loadAverage();
    console.log(`\n== ${layout.name}: ${layout.readers} reader process${layout.readers === 1 ? '' : 'es'}, editor process ${layout.editor ? 'on' : 'off'} (load average ${before})`);
    // Every layout starts from the same database: the previous layout's edits are undone.
    const working = `${database}.layout.db`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(working + suffix, { force: true });
    fs.copyFileSync(database, working);
    const timingLog = path.join(os.tmpdir(), `claimline-bench-timing-${port}.jsonl`);
    fs.rmSync(timingLog, { force: true });
    const invite = (await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env: { ...env, DATABASE_PATH: working, APP_URL: base } })).trim();
    server = spawn(...serverCommand(path.join(root, 'scripts', 'server.mjs')), {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: working, CLAIMLINE_WORKERS: String(layout.readers), CLAIMLINE_EDITOR_PROCESS: layout.editor ? '1' : '0', ...(values.timing ? { CLAIMLINE_TIMING_LOG: timingLog } : {}), ...(profileDir ? { CLAIMLINE_PROFILE_DIR: profileDir } : {}), ...(values['node-options'] ? { NODE_OPTIONS: values['node-options'] } : {}), ...(layout.fresh ? { CLAIMLINE_STALE_UNDER_LOAD: '0' } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => server.once('exit', resolve));
    await waitForHealth(base);
    if (values['reader-nice'] !== undefined) for (const p of processesRss(server.pid)) if (p.role === 'reader') os.setPriority(p.pid, Number(values['reader-nice']));
    await warm(layout.readers);

    if (!limits && !values['mix-only']) {
      // Three limits, each a plain node:http server in its own process (scripts/bench-limit.mjs):
      // - "four headers": the pages' HTML compressed there, four headers, at nice 0 (the limit as
      //   first measured, kept to compare runs with earlier ones);
      // - "same answer": the app's own bytes and headers (its ~15, a long policy among them);
      // - "same answer, nice 5": that, at the reader processes' CPU priority. A reader process runs at
      //   nice 5, and on a machine busy with other work a nice-0 server gets more of the CPU than it
      //   does: compared with this one, a page is measured against what the reader process itself
      //   could have done with the CPU it got.
      const captured = {};
      const same = {};
      for (const p of [claimPaths[0], articlePath]) {
        captured[p] = await (await fetch(base + p, { headers: DOCUMENT })).text();
        same[p] = await captureAnswer(base, p);
      }
      const url = `http://127.0.0.1:${port + 1}`;
      const measure = async (label, pages, options) => {
        limitServer = await startLimitServer(pages, port + 1, options);
        console.log(`… the machine's limit, plain node:http, ${label} (${duration} s each)`);
        const claim = await load(`limit (${label}): claim page`, () => claimPaths[0], { headers: DOCUMENT, url, connections, duration });
        const article = await load(`limit (${label}): article page`, () => articlePath, { headers: DOCUMENT, url, connections, duration });
        limitServer.kill('SIGTERM');
        return { claim, article };
      };
      const four = await measure('four headers', captured);
      const sameAnswer = await measure('same answer', same);
      const sameNice = await measure('same answer, nice 5', same, { nice: 5 });
      limits = { claim: four.claim, article: four.article, same: sameAnswer, sameNice };
    }

    const runs = {};
    const route = async (key, name, paths, options = {}) => {
      console.log(`… ${name} (${duration} s, ${connections} connections)`);
      runs[key] = await load(name, paths, { url: base, connections, duration, ...options });
    };
    if (!values['mix-only']) {
      await route('health', '/api/health', () => '/api/health');
      await route('apiList', 'JSON API list', () => `/api/v1/claims?status=${pick(statuses)}&limit=50`);
      await route('claim', 'claim page', () => pick(claimPaths), { headers: DOCUMENT });
      await route('article', 'article page', () => articlePath, { headers: DOCUMENT });
    }
    const paired = Number(values.paired) > 0 && !values['mix-only'] ? await pairedRatios(Number(values.paired)) : undefined;
    if (paired) console.log(`paired with the limit (same answer, nice 5), ratio per round: claim ${paired.claim.join(', ')}; article ${paired.article.join(', ')}`);
    const byMode = {};
    for (const mode of editorModes) {
      if (editorModes.length > 1) console.log(`… the mixes with the bench editor saving ${mode === 'js' ? 'with' : 'without'} JavaScript (${mode})`);
      // Each mode's editor joins with an invitation of its own.
      const modeInvite = mode === editorModes[0] ? invite : (await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env: { ...env, DATABASE_PATH: working, APP_URL: base } })).trim();
      byMode[mode] = await mixSlices(layout, modeInvite, working, mode);
    }
    const { mix, withEdits, edits, saves, ratios: roundRatios, profiles } = byMode[editorModes[0]];
    runs.mix = mix;
    runs.mixWithEdits = withEdits;
    console.log(`CPU seconds (${duration} s on ${os.cpus().length} cores): the mix ${JSON.stringify(runs.mix.cpuSeconds)}, with edits ${JSON.stringify(runs.mixWithEdits.cpuSeconds)}`);
    if (roundRatios.length > 1) console.log(`mix with edits ÷ mix, round by round: ${roundRatios.join(', ')}`);
    if (values.trace) {
      runs.mixWithEdits.byRoute = byRoute(runs.mixWithEdits.trace, editedPaths);
      runs.mixWithEdits.bySecond = bySecond(runs.mixWithEdits.trace);
      delete runs.mixWithEdits.trace;
      console.log(`What the page cache answered in the mix with edits (${layout.name}), by route, then second by second:`);
      console.table(runs.mixWithEdits.byRoute);
      console.table(runs.mixWithEdits.bySecond);
    }
    if (profiles) {
      console.log(`Where each process's CPU went (${layout.name}; sampled ms, and µs per answer; the profiles are in ${profileDir}):`);
      console.table(profiles);
    }
    const timing = values.timing ? timingBreakdown(timingLog, saves) : undefined;
    if (timing) {
      console.log(`Where the saves' time went (${layout.name}), ms:`);
      console.table(timing);
    }
    const processes = processesRss(server.pid);
    const after = loadAverage();
    server.kill('SIGTERM');
    await exited;

    const row = {
      layout: layout.name,
      readers: layout.readers,
      editorProcess: layout.editor,
      loadAverageBefore: before,
      loadAverageAfter: after,
      editSaves: edits,
      // Each mode's saves and its mix with edits ÷ mix (editSaves and the ratios below are the first mode's).
      editSavesByMode: Object.fromEntries(Object.entries(byMode).map(([mode, m]) => [mode, { ...m.edits, mixWithEditsToMix: median(m.ratios), mixWithEditsRounds: m.ratios, cpuSecondsWithEdits: m.withEdits.cpuSeconds }])),
      ratios: {
        // The median of the rounds' ratios, each of a mix and a mix with edits measured one right after the other.
        mixWithEditsToMix: median(roundRatios),
        mixWithEditsRounds: roundRatios,
        claimToLimit: ratio(runs.claim, limits?.claim),
        articleToLimit: ratio(runs.article, limits?.article),
        // Against the app's own bytes and headers, at nice 0 and at the reader processes' nice 5.
        claimToSameLimit: ratio(runs.claim, limits?.same.claim),
        articleToSameLimit: ratio(runs.article, limits?.same.article),
        claimToSameNiceLimit: ratio(runs.claim, limits?.sameNice.claim),
        articleToSameNiceLimit: ratio(runs.article, limits?.sameNice.article),
        apiListToHealth: ratio(runs.apiList, runs.health),
      },
      routes: runs,
      ...(paired ? { paired } : {}),
      processes,
      ...(timing ? { timing } : {}),
    };
    results.push(row);
    console.log(
      `${layout.name}: saves p50 ${edits.p50} ms, p99 ${edits.p99} ms (${edits.acknowledged} of ${edits.attempted}); mix with edits ${row.ratios.mixWithEditsToMix} of the mix; ` +
        `claim page ${row.ratios.claimToLimit} and article ${row.ratios.articleToLimit} of the limit; API list ${row.ratios.apiListToHealth} of /api/health; ` +
        `RSS ${processes.map((p) => `${p.role} ${p.rssMb} MB`).join(', ')}; load average ${before} → ${after}`,
    );
  }
} finally {
  server?.kill('SIGTERM');
  limitServer?.kill('SIGTERM');
}

const cell = (r) => (r ? `${r.requestsPerSecond}/s, p99 ${r.p99} ms${r.errors ? `, ${r.errors} errors` : ''}` : '–');
console.log('');
console.table(
  Object.fromEntries(
    [
      ...editorModes.flatMap((mode) => [
        [`editor saves in the mix (${mode}): p50 / p99`, (r) => `${r.editSavesByMode[mode].p50} / ${r.editSavesByMode[mode].p99} ms (${r.editSavesByMode[mode].acknowledged} saves)`],
        [`reader mix with edits (${mode}) ÷ without`, (r) => r.editSavesByMode[mode].mixWithEditsToMix],
        [`CPU s with edits (${mode}): reader, editor, machine`, (r) => ['reader', 'editor', 'machine'].map((k) => r.editSavesByMode[mode].cpuSecondsWithEdits[k] ?? '–').join(' / ')],
      ]),
      ['reader mix', (r) => cell(r.routes.mix)],
      ['reader mix with edits', (r) => cell(r.routes.mixWithEdits)],
      ['page cache in the mix with edits: hits / out of date', (r) => `${r.routes.mixWithEdits.pageCacheHitShare ?? 0} / ${r.routes.mixWithEdits.pageCacheStaleShare ?? 0}`],
      ['claim page ÷ node:http limit (four headers)', (r) => `${r.ratios.claimToLimit} (${cell(r.routes.claim)})`],
      ['article page ÷ node:http limit (four headers)', (r) => `${r.ratios.articleToLimit} (${cell(r.routes.article)})`],
      ['claim / article ÷ limit (same answer)', (r) => `${r.ratios.claimToSameLimit} / ${r.ratios.articleToSameLimit}`],
      ['claim / article ÷ limit (same answer, nice 5)', (r) => `${r.ratios.claimToSameNiceLimit} / ${r.ratios.articleToSameNiceLimit}`],
      ['claim / article ÷ limit, paired slices (median)', (r) => (r.paired ? `${r.paired.claimMedian} / ${r.paired.articleMedian}` : '')],
      ['JSON API list ÷ /api/health', (r) => `${r.ratios.apiListToHealth} (${r.routes.apiList.requestsPerSecond} / ${r.routes.health.requestsPerSecond})`],
      ['CPU s in the mix / with edits: reader, editor, machine', (r) => ['reader', 'editor', 'machine'].map((k) => `${r.routes.mix.cpuSeconds[k] ?? '–'} / ${r.routes.mixWithEdits.cpuSeconds[k] ?? '–'}`).join(', ')],
      ['RSS per process, MB', (r) => r.processes.map((p) => `${p.role} ${p.rssMb}`).join(', ')],
      ['load average before → after', (r) => `${r.loadAverageBefore} → ${r.loadAverageAfter}${values.pin ? ' (pinned: load generator and bench editor on core 0, server on the rest)' : ''}`],
    ].map(([label, f]) => [label, Object.fromEntries(results.map((r) => [r.layout, tryCell(f, r)]))]),
  ),
);
const limitCell = (l) => `claim page ${l.claim.requestsPerSecond}/s (p99 ${l.claim.p99} ms), article page ${l.article.requestsPerSecond}/s (p99 ${l.article.p99} ms)`;
if (limits) console.log(`limits (plain node:http): four headers: ${limitCell(limits)}; same answer: ${limitCell(limits.same)}; same answer at nice 5: ${limitCell(limits.sameNice)}; ${os.cpus().length} cores`);
fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench', 'layouts.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, connections, durationSeconds: duration, pinned: values.pin, limits, layouts: results }, null, 2)}\n`,
);
console.log('wrote bench/layouts.json');
