// `npm run bench:saves [-- --seconds 4 --rounds 3 --load mix --mode nojs,js --compare ../other-checkout --profile]`:
// editors' saves alone, the way bench:layouts' "1+editor" layout makes them (one reader process and
// the editor process, scripts/server.mjs; the bench editor, scripts/bench-editor.ts, saving a
// response every 300 ms), with readers' load or without, and where the editor process's CPU goes.
//
// - Paired: with `--compare DIR` (another checkout of Claimline, built), both servers run side by
//   side on their own copies of the synthetic newsroom, and the saves go to one, then the other,
//   in slices of `--seconds` (ABBA), so a machine whose load moves favours neither; `--env-b
//   NAME=VALUE,…` runs the second server from this checkout with that environment instead. Each
//   slice reports the saves' p50 / p99 and the editor process's CPU per save, read from /proc.
// - `--mode js` saves as a browser with JavaScript does (a server action request, RSC answer);
//   `nojs` as one without (the form posted, the whole page back). Both by default.
// - `--profile`: the editor process runs with --cpu-prof; at the end its samples taken while the
//   saves ran are mapped through the build's source maps and summed by what they were doing
//   (decoding the request, the action's write, its settle commit, the RSC render, the HTML render,
//   compression, garbage collection, Next's own work). One arm only.
//
// Not part of `npm test`. Run it under the heavy lock like every bench.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSettings, BROWSER_ENCODINGS, DOCUMENT, load, pick, processesRss, round, startEditor, benchNewsroom, waitForHealth } from './bench-lib.mjs';
import { root, runTsOutput } from './lib.mjs';

const { values, connections, port, env } = benchSettings({
  seconds: { type: 'string', default: '4' },
  rounds: { type: 'string', default: '3' },
  // Readers' load beside the saves: the reader mix's cached pages (mix); the edited claims' pages
  // (edited: one reader asking them in turn, each about as often as a save changes one, so the
  // reader process's CPU a save is about its render of the page the save changed); or none.
  load: { type: 'string', default: 'mix' },
  mode: { type: 'string', default: 'nojs,js' },
  compare: { type: 'string' },
  'env-b': { type: 'string' },
  profile: { type: 'boolean', default: false },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const modes = values.mode.split(',').map((m) => m.trim());
for (const m of modes) if (m !== 'nojs' && m !== 'js') throw new Error(`--mode: "${m}" is not nojs or js`);

const { database, targets, claimPaths, articlePath } = await benchNewsroom({ articles: values.articles, claims: values.claims, port, env });
const editedIds = targets.claims.slice(0, 20).map((c) => c.id);

// NAME=VALUE, split at the first '=' (a value may hold one: NODE_OPTIONS=--max-semi-space-size=64).
const parseEnv = (text) => Object.fromEntries((text ?? '').split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const arms = [{ name: 'A', dir: root, env: {} }];
if (values.compare) arms.push({ name: 'B', dir: path.resolve(values.compare), env: {} });
else if (values['env-b']) arms.push({ name: 'B', dir: root, env: parseEnv(values['env-b']) });
if (values.profile && arms.length > 1) throw new Error('--profile takes one arm');
const profileDir = path.join(os.tmpdir(), `claimline-saves-profile-${port}`);

const servers = [];
process.on('SIGINT', () => {
  for (const s of servers) s.child.kill('SIGTERM');
  process.exit(130);
});

async function startServer(arm, i) {
  const armPort = port + 10 * i;
  const working = `${database}.${arm.name}.db`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(working + suffix, { force: true });
  fs.copyFileSync(database, working);
  const base = `http://127.0.0.1:${armPort}`;
  // One invitation per bench editor started (one per slice and mode).
  const invites = (await runTsOutput('scripts/invite.ts', ['--role', 'editor', '--count', '50'], { env: { ...env, DATABASE_PATH: working, APP_URL: base } })).trim().split('\n');
  if (values.profile) fs.rmSync(profileDir, { recursive: true, force: true });
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; node:cluster gives the server's processes its own flags.
  const flags = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...flags, path.join(arm.dir, 'scripts', 'server.mjs')], {
    cwd: arm.dir,
    env: { ...env, ...arm.env, PORT: String(armPort), HOST: '127.0.0.1', DATABASE_PATH: working, CLAIMLINE_WORKERS: '1', CLAIMLINE_EDITOR_PROCESS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitForHealth(base);
  for (const p of [...claimPaths, articlePath, '/']) await (await fetch(base + p, { headers: DOCUMENT })).arrayBuffer();
  const editorPid = () => processesRss(child.pid).find((p) => p.role === 'editor');
  const readerPid = () => processesRss(child.pid).find((p) => p.role === 'reader');
  return { arm, base, working, invites, child, exited, editorPid, readerPid };
}

const readerMix = () => {
  const x = Math.random();
  return x < 0.7 ? pick(claimPaths) : x < 0.9 ? articlePath : '/';
};
if (!['mix', 'edited', 'none'].includes(values.load)) throw new Error(`--load: "${values.load}" is not mix, edited or none`);
const editedPaths = claimPaths.slice(0, 20);

/** One reader asking the edited claims' pages in turn, one every `interval / 20` ms: how each was answered (hit, miss…). */
async function editedReader(base, until) {
  const answers = {};
  for (let i = 0; Date.now() < until; i++) {
    const started = Date.now();
    const response = await fetch(base + editedPaths[i % editedPaths.length], { headers: { ...DOCUMENT, ...BROWSER_ENCODINGS } });
    await response.arrayBuffer();
    const how = response.headers.get('x-claimline-cache') ?? 'none';
    answers[how] = (answers[how] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, Math.max(0, Number(values['edit-interval']) / editedPaths.length - (Date.now() - started))));
  }
  return answers;
}

/** One slice: the bench editor saving for `seconds` on `server`, with the readers' load beside it. */
async function slice(server, mode) {
  const editor = startEditor({ base: server.base, invite: server.invites.shift(), claimIds: editedIds, seconds, interval: values['edit-interval'], env, database: server.working, mode });
  await editor.ready;
  const before = server.editorPid();
  const readerBefore = server.readerPid();
  const from = process.hrtime.bigint();
  const readers = values.load === 'mix' ? load('reader mix', readerMix, { headers: DOCUMENT, url: server.base, connections, duration: seconds }) : null;
  const edited = values.load === 'edited' ? editedReader(server.base, Date.now() + seconds * 1000) : null;
  const { saves, ...result } = await editor.done;
  const to = process.hrtime.bigint();
  const after = server.editorPid();
  const readerAfter = server.readerPid();
  const mix = readers ? await readers : null;
  const editedAnswers = edited ? await edited : null;
  const perSave = (a, b) => (result.acknowledged ? round(((b.cpuSeconds - a.cpuSeconds) * 1000) / result.acknowledged, 1) : null);
  return {
    ...result,
    latencies: Object.values(saves),
    cpuMsPerSave: perSave(before, after),
    // The reader process's CPU in the slice, per save: with --load edited, about its renders of the edited pages.
    readerCpuMsPerSave: perSave(readerBefore, readerAfter),
    readersPerSecond: mix?.requestsPerSecond ?? null,
    editedAnswers,
    window: [from, to],
  };
}

const q = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]) : null;
};

const started = [];
const loadBefore = round(os.loadavg()[0], 1);
try {
  for (const [i, arm] of arms.entries()) started.push(await startServer(arm, i));
  servers.push(...started);
  const results = [];
  const windows = [];
  for (let r = 0; r < rounds; r++) {
    for (const mode of modes) {
      // ABBA: which arm goes first alternates by round.
      const order = r % 2 ? [...started].reverse() : started;
      for (const server of order) {
        const s = await slice(server, mode);
        windows.push({ mode, window: s.window });
        results.push({ round: r + 1, mode, arm: server.arm.name, ...s });
        console.log(`round ${r + 1}, ${mode}, ${server.arm.name}: ${s.acknowledged} of ${s.attempted} saves, p50 ${s.p50} ms, p99 ${s.p99} ms, editor CPU ${s.cpuMsPerSave} ms a save, reader CPU ${s.readerCpuMsPerSave} ms a save, readers ${s.readersPerSecond ?? '–'}/s${s.editedAnswers ? ` ${JSON.stringify(s.editedAnswers)}` : ''}`);
      }
    }
  }
  const loadAfter = round(os.loadavg()[0], 1);
  console.log(`\nload average ${loadBefore} → ${loadAfter}; ${seconds} s slices, ${rounds} rounds, readers' load: ${values.load}`);
  const summary = {};
  for (const mode of modes) {
    for (const arm of arms) {
      const mine = results.filter((x) => x.mode === mode && x.arm === arm.name);
      const all = mine.flatMap((x) => x.latencies);
      const cpu = mine.map((x) => x.cpuMsPerSave).filter((x) => x !== null);
      const readerCpu = mine.map((x) => x.readerCpuMsPerSave).filter((x) => x !== null);
      summary[`${mode} ${arm.name}${arm.env && Object.keys(arm.env).length ? ` (${values['env-b']})` : arm.dir !== root ? ` (${path.basename(arm.dir)})` : ''}`] = {
        saves: all.length,
        p50: q(all, 0.5),
        p90: q(all, 0.9),
        p99: q(all, 0.99),
        max: q(all, 1),
        'CPU ms a save (by slice)': cpu.join(' / '),
        'reader CPU ms a save (by slice)': readerCpu.join(' / '),
      };
    }
    if (arms.length === 2) {
      // Per round, B's over A's: the pair ran one right after the other.
      const ratio = (key) =>
        Array.from({ length: rounds }, (_, r) => {
          const [a, b] = ['A', 'B'].map((name) => results.find((x) => x.mode === mode && x.arm === name && x.round === r + 1));
          return a?.[key] && b?.[key] ? round(b[key] / a[key], 2) : null;
        });
      console.log(`${mode}, B ÷ A by round: p50 ${ratio('p50').join(', ')}; CPU a save ${ratio('cpuMsPerSave').join(', ')}; reader CPU a save ${ratio('readerCpuMsPerSave').join(', ')}`);
    }
  }
  console.table(summary);
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'saves.json'), `${JSON.stringify({ at: new Date().toISOString(), loadBefore, loadAfter, seconds, rounds, load: values.load, arms: arms.map((a) => ({ ...a, dir: path.relative(root, a.dir) || '.' })), summary, slices: results.map(({ window: _window, ...x }) => x) }, null, 2)}\n`);

  if (values.profile) {
    const pids = { editor: started[0].editorPid().pid, reader: started[0].readerPid().pid };
    for (const s of started) s.child.kill('SIGTERM');
    await Promise.all(started.map((s) => s.exited));
    const breakdowns = {};
    // The editor process's saves, and the reader process's work beside them (with --load edited, its renders of the edited pages).
    for (const [role, pid] of Object.entries(pids)) {
      const file = fs.readdirSync(profileDir).find((f) => f.includes(`.${pid}.`));
      if (!file) throw new Error(`no profile of the ${role} process (${pid}) in ${profileDir}`);
      for (const mode of modes) {
        const saves = results.filter((x) => x.mode === mode).reduce((n, x) => n + x.acknowledged, 0);
        const breakdown = (breakdowns[`${role} ${mode}`] = profileBreakdown(path.join(profileDir, file), windows.filter((w) => w.mode === mode).map((w) => w.window), saves));
        console.log(`\nThe ${role} process's time during the ${mode} saves (${saves} saves, ${breakdown.busyMsPerSave} ms a save busy; ms a save, share of the busy time):`);
        console.table(breakdown.categories);
        console.log(`Drizzle building SQL text (every heading): ${breakdown.drizzleBuildMsPerSave} ms a save, by the app's caller:`);
        console.table(breakdown.drizzleBuildByCaller);
        console.log('Largest self times outside React and the action (source, ms a save):');
        console.table(breakdown.otherSources);
      }
    }
    fs.writeFileSync(path.join(root, 'bench', 'saves-profile.json'), `${JSON.stringify(breakdowns, null, 2)}\n`);
  }
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
}

/**
 * The samples of a .cpuprofile taken within `windows` (process.hrtime, ns; the profile's clock is
 * the same monotonic clock in µs), each put under one heading by the code on its stack, mapped
 * through the bundles' source maps to the files they were built from.
 */
function profileBreakdown(file, windows, saves) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const maps = new Map();
  const sourceOf = (frame) => {
    const url = frame.url;
    if (!url) return frame.functionName || '(native)';
    if (url.startsWith('node:')) return url;
    const filePath = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (!maps.has(filePath)) {
      let map = null;
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${filePath}.map`, 'utf8')));
      } catch {
        // no map: the file itself
      }
      maps.set(filePath, map);
    }
    const map = maps.get(filePath);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
    const original = entry?.originalSource ?? path.relative(root, filePath);
    return original.replace(/^.*\[project\]\//, '').replace(/^.*node_modules\//, 'node_modules/');
  };
  const frameSource = new Map();
  const stackOf = (id) => {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = nodes.get(at);
      if (!frameSource.has(at)) frameSource.set(at, `${sourceOf(n.callFrame)}|${n.callFrame.functionName}`);
      stack.push(frameSource.get(at));
    }
    return stack; // leaf first
  };
  const has = (stack, re) => stack.some((f) => re.test(f));
  const RULES = [
    ['idle', (s) => /^\(idle\)/.test(s[0])],
    ['garbage collection', (s) => /^\(garbage collector\)/.test(s[0])],
    // invalidate() (lib/server/cache.ts): the settle commit naming the write's tags, and this process's own drops.
    ['action: invalidation (settle commit, own drops)', (s) => has(s, /lib\/server\/action\.ts/) && has(s, /lib\/server\/cache\.ts/)],
    ['action: the write (transaction)', (s) => has(s, /lib\/server\/action\.ts/) && has(s, /db\/queries\/(sources|tx|index)|db\/index\.ts|better-sqlite3|drizzle-orm/)],
    ['action: session check, parsing, the rest', (s) => has(s, /lib\/server\/action\.ts/)],
    ['compression of the answer', (s) => has(s, /^node:zlib|compiled\/compression|^zlib/)],
    ['HTML render (react-dom/server, SSR)', (s) => has(s, /react-dom[^|]*server|react-dom-server/)],
    ['RSC render: queries', (s) => has(s, /react-server-dom[^|]*server/) && has(s, /db\/|better-sqlite3|drizzle-orm/)],
    ['RSC render: the rest', (s) => has(s, /react-server-dom[^|]*server/)],
    ['decoding the request (multipart, reply, action lookup)', (s) => has(s, /busboy|decodeReply|decodeAction|decodeFormState|action-handler/)],
    ['session check and proxy', (s) => has(s, /proxy\.ts|better-auth|better-call|lib\/server\/session/)],
    ['(program), native', (s) => /^\(program\)|^\(native\)/.test(s[0])],
    ['Next and Node, the rest', () => true],
  ];
  const counts = new Map(RULES.map(([name]) => [name, 0]));
  const otherSelf = new Map();
  // Drizzle turning a query into its SQL text and parameters, across every heading, by the app's
  // function that asked for it (the first frame from the leaf outside node_modules and Next).
  const DRIZZLE_BUILD = /drizzle-orm[^|]*\|(getSQL|sqlToQuery|buildQueryFromSourceParams|_prepare|buildSelectQuery|buildInsertQuery|buildUpdateQuery|buildDeleteQuery|toSQL|mergeQueries)$/;
  const drizzleBuild = new Map();
  const ranges = windows.map(([a, b]) => [Number(a / 1000n), Number(b / 1000n)]);
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (!ranges.some(([a, b]) => t >= a && t <= b)) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const stack = stackOf(profile.samples[i]);
    const [name] = RULES.find(([, test]) => test(stack));
    counts.set(name, counts.get(name) + dt);
    if (name !== 'idle') total += dt;
    if (has(stack, DRIZZLE_BUILD)) {
      const caller = stack.find((f) => /^(\.\.\/)*(db|lib|app|components)\//.test(f)) ?? '(unknown)';
      drizzleBuild.set(caller, (drizzleBuild.get(caller) ?? 0) + dt);
    }
    if (name === 'Next and Node, the rest') {
      const leaf = stack[0].split('|')[0];
      otherSelf.set(leaf, (otherSelf.get(leaf) ?? 0) + dt);
    }
  }
  const perSave = (us) => round(us / 1000 / Math.max(saves, 1), 2);
  return {
    file,
    // The saves' windows on the profile's clock (µs), to look further into the same samples.
    windows: ranges,
    saves,
    busyMsPerSave: perSave(total),
    categories: Object.fromEntries([...counts].map(([name, us]) => [name, { 'ms a save': perSave(us), share: name === 'idle' ? '' : round(us / Math.max(total, 1), 3) }])),
    drizzleBuildMsPerSave: perSave([...drizzleBuild.values()].reduce((a, b) => a + b, 0)),
    drizzleBuildByCaller: Object.fromEntries([...drizzleBuild].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([caller, us]) => [caller, perSave(us)])),
    otherSources: Object.fromEntries([...otherSelf].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([source, us]) => [source, perSave(us)])),
  };
}
