// Where a server process's CPU went, from V8 CPU profiles (`npm run bench:layouts -- --profile`,
// profileOnSignal in scripts/server.mjs). Each sample is put in the category of the first frame,
// from the leaf up, that a rule below recognises, so a write to a socket made by React's render
// counts as the render and one made by the hot path as the hot path.
// `node scripts/cpu-profile.mjs file.cpuprofile…` prints the categories and the busiest functions.
import fs from 'node:fs';

/** [category, test of a frame]: checked in this order on each frame, leaf first. */
const RULES = [
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['SQLite and Drizzle', (f) => /better-sqlite3|drizzle-orm/.test(f.url) || /^(all|get|run|iterate|prepare|pragma)$/.test(f.functionName) && !f.url],
  ['compression (on the main thread)', (f) => /zlib/.test(f.url) || /^(brotliCompress|gzip|zlibBufferSync)/.test(f.functionName)],
  ['React render (Flight and HTML)', (f) => /react-dom|react-server-dom|react-server|\/react\//.test(f.url)],
  ['page cache and hot path', (f) => /page-cache|hotAnswer|pageAnswer|cachedPage|storedPage/.test(`${f.url} ${f.functionName}`)],
  ['reader cache (tags, log)', (f) => /lib\/server\/cache|invalidations/.test(f.url) || /^(readLog|unchangedSince|behindSince|tagVersions)$/.test(f.functionName)],
  ['Next request pipeline', (f) => /next\/dist/.test(f.url)],
  ['app code (.next chunks)', (f) => /\.next\/server/.test(f.url)],
  ['server.mjs (routing, forwarding)', (f) => /scripts\/server\.mjs|connection-route/.test(f.url)],
  ['Node HTTP and streams', (f) => /^node:/.test(f.url)],
  ['(program: V8 and native, unattributed)', (f) => f.functionName === '(program)'],
];

/** Sampled milliseconds per category (idle left out), and per function (self time). */
export function categorize(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const parent = new Map();
  const byId = new Map();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const categoryOf = new Map();
  const category = (id) => {
    if (categoryOf.has(id)) return categoryOf.get(id);
    const frame = byId.get(id).callFrame;
    const rule = RULES.find(([, test]) => test(frame));
    const found = rule ? rule[0] : parent.has(id) ? category(parent.get(id)) : 'other';
    categoryOf.set(id, found);
    return found;
  };
  const categories = {};
  const functions = {};
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // The time up to the next sample belongs to this one.
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(samples[i]).callFrame;
    if (frame.functionName === '(idle)') continue;
    total += ms;
    const c = category(samples[i]);
    categories[c] = (categories[c] ?? 0) + ms;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|\.next)\//, '$1/')}:${frame.lineNumber}`;
    functions[name] = (functions[name] ?? 0) + ms;
  }
  return { total, categories, functions };
}

/**
 * One table of several profiles ({ label: file }): a row per category, a column per profile,
 * each cell ms and, when `answersOf(label)` gives how many answers the slice had, µs per answer.
 * A profile's samples are wall time while its thread ran JavaScript or waited to, descheduled
 * time included (a starved process looks busier than it was): with `cpuOf(label)` ({ ms, share }:
 * the CPU its process used, from /proc; `share`, the files of the processes that CPU is split
 * between by their sampled time) each category is its share of the samples times that CPU.
 */
export function profileSummary(files, answersOf = () => undefined, cpuOf = () => undefined) {
  const summed = {};
  for (const [label, file] of Object.entries(files)) {
    // Slices of the same kind and process (rounds) are summed.
    const key = label.replace(/ r\d+ /, ' ');
    const { total, categories } = categorize(file);
    const cpu = cpuOf(label);
    const scale = cpu ? (cpu.ms * (cpu.share ? total / cpu.share.reduce((sum, f) => sum + categorize(f).total, 0) : 1)) / (total || 1) : 1;
    summed[key] ??= { total: 0, categories: {}, answers: 0 };
    summed[key].total += total * scale;
    summed[key].answers += answersOf(label) ?? 0;
    for (const [c, ms] of Object.entries(categories)) summed[key].categories[c] = (summed[key].categories[c] ?? 0) + ms * scale;
  }
  const cell = (ms, answers) => `${Math.round(ms)}${answers ? ` (${Math.round((ms * 1000) / answers)})` : ''}`;
  const rows = {};
  for (const [c] of [...RULES, ['other']]) {
    if (!Object.values(summed).some((s) => s.categories[c])) continue;
    rows[c] = Object.fromEntries(Object.entries(summed).map(([key, s]) => [key, cell(s.categories[c] ?? 0, s.answers)]));
  }
  rows.all = Object.fromEntries(Object.entries(summed).map(([key, s]) => [key, cell(s.total, s.answers)]));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { total, categories, functions } = categorize(file);
    console.log(`${file}: ${Math.round(total)} ms sampled`);
    console.table(Object.fromEntries(Object.entries(categories).sort((a, b) => b[1] - a[1]).map(([c, ms]) => [c, Math.round(ms)])));
    console.table(Object.fromEntries(Object.entries(functions).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([f, ms]) => [f, Math.round(ms * 10) / 10])));
  }
}
