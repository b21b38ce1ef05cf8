// The production server (`npm start` runs it through scripts/start.mjs): Next's request
// handler behind a plain node:http server that owns the socket.
//
// - Hot path: a reader page the page cache holds (lib/server/page-cache.ts) is answered here,
//   from memory, before Next's router and proxy run: a lookup and a write of bytes compressed
//   when the page was stored. A page it could hold but does not is rendered from here too (one
//   request to Next over loopback, stored, then answered as a hit is). Everything else goes to Next.
// - Every core: CLAIMLINE_WORKERS reader processes (default: one per core but one) share the listening
//   socket (node:cluster) and the SQLite file (WAL). Each learns exactly what the others'
//   writes touched from the invalidation log (lib/server/cache.ts).
// - Editors first: on two cores or more (or with CLAIMLINE_EDITOR_PROCESS=1), one more process
//   serves the newsroom. The first process gives it every connection whose first request carries
//   a session cookie or is not a GET or HEAD (server actions, sign-in; scripts/connection-route.mjs),
//   so a save never waits in a busy reader process; such a request arriving later on a reader's
//   connection is passed on by the reader process over loopback. Reader processes run at a lower
//   CPU priority (nice 5) and leave the background jobs to the editor process, which runs at a
//   higher one where allowed (-5: takePriority).
//
// `node scripts/server.mjs` with PORT (default 3000) and HOST (default 0.0.0.0);
// CLAIMLINE_HOT_PATH=0 sends every request through Next (the bench compares both);
// CLAIMLINE_EDITOR_PROCESS=0 keeps editors in the reader processes (the bench compares both).
// One reader process without an editor process (CLAIMLINE_EDITOR_PROCESS=0 with
// CLAIMLINE_WORKERS=1, or a one-core machine) is the whole server in this one process.
//
// Idle keep-alive connections are kept 65 s, longer than clients and shared caches keep theirs
// (undici 4 s, Varnish's backend_idle_timeout 60 s), so the other side closes first; with Node's
// 5 s default a request sent on a connection the server was closing failed ('fetch failed',
// a 503 from Varnish).
import { AsyncLocalStorage } from 'node:async_hooks';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { CHECKED_ENV, checkedByParent, checkedToken } from '../db/start-check.mjs';
import { databaseFile, root, runTsOutput } from './lib.mjs';
import { processEnv, SESSION_COOKIE, sweepDuty, takePriority, wantsEditor } from './connection-route.mjs';
import { handovers, takeConnection } from './handover.mjs';
import { FORWARDED_HEADER as FORWARDED } from './peer-address.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
process.env.PORT = String(port);

// Hop-by-hop: they describe one connection, never passed on (RFC 9110, 7.6.1).
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

const cores = os.availableParallelism();

/**
 * A reader process's young generation: V8's semi-space at 64 MB instead of its 16 MB default. A
 * render allocates tens of megabytes (React's two passes, the page's streams), and each edit during
 * a spike renders a page in the middle of the hits; with the larger young generation the reader's
 * CPU per answer rose by 0.03 ms with edits instead of 0.07 in a paired run, for about 25 MB more
 * RSS (docs/performance.md, 1 December). Not the editor process, whose page is its whole work.
 */
const READER_V8_FLAGS = ['--max-semi-space-size=64'];

// CLAIMLINE_TIMING_LOG=file (npm run bench:layouts -- --timing): one JSON line per request that is
// not a GET or HEAD, from each process it passes, with where its time went (lib/timing.ts).
const timingLog = process.env.CLAIMLINE_TIMING_LOG;
const timing = timingLog ? (globalThis.claimlineTiming = new AsyncLocalStorage()) : null;
const round1 = (ms) => Math.round(ms * 10) / 10;

/**
 * CLAIMLINE_PROFILE_DIR=dir (npm run bench:layouts -- --profile): in a reader or the editor process,
 * SIGUSR2 starts a CPU profile and the next one writes it to dir as <role>-<pid>-<n>.cpuprofile, so
 * the bench profiles each of its slices (the mix, the mix with edits) apart rather than the whole run.
 */
async function profileOnSignal(role) {
  const dir = process.env.CLAIMLINE_PROFILE_DIR;
  if (!dir) return;
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  // V8's default, 1 ms: at 250 µs the sampling itself cost an idle process about a sixth of a core.
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  let running = false;
  let written = 0;
  process.on('SIGUSR2', () => {
    running = !running;
    if (running) return void post('Profiler.start');
    post('Profiler.stop').then(({ profile }) => {
      const file = `${dir}/${role}-${process.pid}-${++written}.cpuprofile`;
      fs.writeFileSync(`${file}.partial`, JSON.stringify(profile));
      fs.renameSync(`${file}.partial`, file);
    });
  });
}

/**
 * Reader processes: CLAIMLINE_WORKERS, by default one per core but one, which the editor process
 * gets (on two cores one reader process and the editor process; on one core a single process).
 * Measured on two cores (`npm run bench:layouts`, docs/performance.md): one reader process and
 * the editor process served cached pages as fast as one process and acknowledged twice the
 * editors' saves at half the latency; two reader processes and the editor process served
 * cached pages at a third of that rate (three processes, and the load generator, on two cores).
 */
function readerCount() {
  const raw = process.env.CLAIMLINE_WORKERS;
  if (raw === undefined || raw === '') return Math.max(cores - 1, 1);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    console.error(`Claimline cannot start: CLAIMLINE_WORKERS must be a whole number from 1 to 256 (it is "${raw}").`);
    process.exit(1);
  }
  return n;
}

if (cluster.isPrimary) {
  const readers = readerCount();
  // By default on with two cores or more, or more than one reader process; CLAIMLINE_EDITOR_PROCESS=1 or 0 decides.
  const editorProcess = process.env.CLAIMLINE_EDITOR_PROCESS ? process.env.CLAIMLINE_EDITOR_PROCESS === '1' : cores > 1 || readers > 1;
  if (readers === 1 && !editorProcess) await serve('single');
  else primary(readers, editorProcess, await checkDatabase());
} else {
  await serve(process.env.CLAIMLINE_ROLE);
}

/**
 * Starts the processes and keeps them running: a reader or the editor process that dies is
 * started again (at most 5 times a minute, then the server stops: something is wrong with
 * it, not with one request). SIGINT or SIGTERM stops them all, then this process.
 */
function primary(readers, editorProcess, checked) {
  const env = {
    // The database file passed its full check in this start: the processes skip quick_check (db/open.ts).
    [CHECKED_ENV]: checkedToken(checked),
    // One value for the whole server: reader ETags are the same whichever process answers.
    CLAIMLINE_BOOT: randomBytes(6).toString('hex'),
    // Lets the editor process trust the client address a reader process passes on.
    CLAIMLINE_FORWARD_SECRET: randomBytes(24).toString('hex'),
  };
  const roles = new Map();
  const duty = sweepDuty(editorProcess);
  let sweeper = null;
  const ready = new Set();
  let editorPort = null;
  let editorWorker = null;
  let turn = 0;
  let stopping = false;
  let started = false;
  const restarts = [];
  const want = readers + (editorProcess ? 1 : 0);
  const handed = handovers();

  const send = (worker, message) => {
    if (worker.isConnected()) worker.send(message);
  };
  const fork = (workerRole) => {
    cluster.setupPrimary({ execArgv: [...process.execArgv, ...(workerRole === 'reader' ? READER_V8_FLAGS : [])] });
    const sweeps = duty.take(workerRole);
    const worker = cluster.fork({ ...env, ...processEnv(workerRole, editorProcess, sweeps) });
    roles.set(worker.id, workerRole);
    if (sweeps) sweeper = worker.id;
    worker.on('message', (message) => {
      if (message?.type === 'taken') {
        handed.taken(worker, message.id);
      } else if (message?.type === 'editor') {
        editorPort = message.port;
        editorWorker = worker;
        for (const w of Object.values(cluster.workers)) if (roles.get(w.id) === 'reader') send(w, { type: 'editor', port: editorPort });
      } else if (message?.type === 'ready') {
        if (workerRole === 'reader' && editorPort) send(worker, { type: 'editor', port: editorPort });
        ready.add(worker.id);
        if (!started && ready.size >= want) {
          started = true;
          const editors = editorProcess ? ' and the editor process' : '';
          // Only once every process is ready: before, a connection would have nowhere to go.
          server.listen({ port, host: hostname }, () =>
            console.log(`Claimline listening on http://${hostname}:${port} (${readers} reader process${readers === 1 ? '' : 'es'}${editors})`),
          );
        }
      }
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const workerRole = roles.get(worker.id);
    roles.delete(worker.id);
    ready.delete(worker.id);
    const untaken = handed.exited(worker);
    if (worker.id === sweeper) {
      sweeper = null;
      duty.release();
    }
    if (stopping) return;
    if (workerRole === 'editor') {
      editorPort = null;
      editorWorker = null;
      for (const w of Object.values(cluster.workers)) send(w, { type: 'editor', port: null });
    }
    const how = signal ? `was killed (${signal})` : `exited (code ${code})`;
    if (!started) {
      console.error(`Claimline could not start: a ${workerRole} process ${how}. See its message above.`);
      return stop(1);
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > 5) {
      console.error(`Claimline stops: its processes exited ${restarts.length} times in a minute (the last: a ${workerRole} process ${how}).`);
      return stop(1);
    }
    const closed = untaken ? ` (${untaken} connection${untaken === 1 ? '' : 's'} it had not taken yet closed)` : '';
    console.error(`A Claimline ${workerRole} process ${how}${closed}; starting another.`);
    fork(workerRole);
  });

  async function stop(code) {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers);
    for (const worker of alive) worker.process.kill('SIGTERM');
    const gone = Promise.all(alive.map((w) => new Promise((resolve) => (w.isDead() ? resolve() : w.once('exit', resolve)))));
    const late = setTimeout(() => alive.forEach((w) => w.isDead() || w.process.kill('SIGKILL')), 5000);
    await gone;
    clearTimeout(late);
    process.exit(code);
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(0));

  if (editorProcess) fork('editor');
  for (let i = 0; i < readers; i++) fork('reader');

  /**
   * This process owns the public socket and gives each new connection to a process by its first
   * request: a signed-in person's (a session cookie) or a form post goes straight to the editor
   * process, the rest to the reader processes in turn. So an editor's requests never wait in a
   * busy reader process's event loop, on the way in or out (measured: docs/performance.md). A
   * reader process still passes on the editor requests that reach it later on a reader's
   * connection (someone signing in).
   */
  const pick = (head) => {
    const live = Object.values(cluster.workers).filter((w) => ready.has(w.id) && w.isConnected());
    if (editorWorker && ready.has(editorWorker.id) && editorWorker.isConnected() && wantsEditor(head)) return editorWorker;
    const readersNow = live.filter((w) => roles.get(w.id) === 'reader');
    return readersNow.length ? readersNow[turn++ % readersNow.length] : null;
  };
  const server = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    // A connection that never sends a request is closed, as node:http's headersTimeout would.
    socket.setTimeout(66_000, () => socket.destroy());
    socket.once('data', (first) => {
      // Nothing more is read here: the rest of the request (a 2 MB form post) is the chosen process's to read.
      socket.pause();
      socket._handle?.readStop();
      const chunks = [first];
      for (let more = socket.read(); more !== null; more = socket.read()) chunks.push(more);
      const head = Buffer.concat(chunks);
      socket.setTimeout(0);
      const worker = pick(head);
      if (!worker) return socket.destroy();
      handed.give(worker, socket, head);
    });
  });
  server.on('error', (error) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Claimline cannot listen on ${hostname}:${port}: another program uses that port. Set PORT to a free one.`
        : `Claimline cannot listen on ${hostname}:${port}: ${error.message}`,
    );
    stop(1);
  });
}


/**
 * The database checks once for the whole server, before any process opens the file (db/open.ts):
 * already made when the process that started this one says so (scripts/start.mjs ran prepare-db;
 * db/start-check.mjs), otherwise here. Resolves with the checked file's path; a file refused
 * (damaged, another application's, a newer version's) stops the server with the reason, as each
 * process would have.
 */
async function checkDatabase() {
  const file = databaseFile();
  if (checkedByParent(process.env[CHECKED_ENV], file)) return file;
  try {
    return (await runTsOutput('scripts/check-db.ts', [], { env: process.env })).trim();
  } catch {
    console.error('Claimline could not start: its database was refused (the reason is above).');
    process.exit(1);
  }
}

/** One server process: 'single' (the whole server), 'reader' or 'editor'. */
async function serve(as) {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const hotPath = process.env.CLAIMLINE_HOT_PATH !== '0';
  const secret = process.env.CLAIMLINE_FORWARD_SECRET ?? '';
  let editorPort = null;
  // Idle connections to the editor process are closed by this side first (after 30 s; the
  // editor process keeps them 10 minutes), so a request never goes out on one it just closed.
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000 });

  const toNext = (req, res) => {
    // As `next start` does: an error that escapes Next's handler is a 500 and a log line, never a crash.
    handle(req, res).catch((error) => {
      console.error(`Failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end(res.headersSent ? undefined : 'Internal Server Error');
    });
  };

  const onRequest = (req, res) => {
    if (!timing || req.method === 'GET' || req.method === 'HEAD') return answer(req, res);
    const start = performance.now();
    const record = { role: as, pid: process.pid, trace: req.headers['x-claimline-trace'] ?? null, phases: {} };
    // How long this process's event loop was busy with other work when the request arrived.
    setImmediate(() => (record.phases[`${as}.loopWait`] = round1(performance.now() - start)));
    res.on('close', () => {
      record.total = round1(performance.now() - start);
      fs.appendFileSync(timingLog, `${JSON.stringify(record)}\n`);
    });
    timing.run(record, () => answer(req, res));
  };

  const answer = (req, res) => {
    if (editorPort && (!(req.method === 'GET' || req.method === 'HEAD') || SESSION_COOKIE.test(req.headers.cookie ?? ''))) {
      return forward(req, res, editorPort);
    }
    // Installed by the page cache once Next has loaded it (the first reader request does).
    const hit = hotPath ? globalThis.claimlineHotPath?.(req) : null;
    if (hit) return send(res, hit);
    // A miss of the page cache rendered here, in one pass through Next instead of two (hotMiss).
    const miss = hit === null ? globalThis.claimlineHotMiss?.(req) : null;
    if (!miss) return toNext(req, res);
    miss.then(
      (answer) => (answer ? send(res, answer) : toNext(req, res)),
      (error) => {
        console.error(`Failed to render ${req.url} for the page cache:`, error);
        toNext(req, res);
      },
    );
  };

  // The answer's headers listed once for every hit like it (pageAnswer in lib/server/page-cache.ts).
  const send = (res, answer) => {
    res.writeHead(answer.status, answer.raw);
    res.end(answer.body ?? undefined);
  };

  /** Passes a request to the editor process and its answer back, streamed both ways. */
  function forward(req, res, to) {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP.has(name)));
    // The client address this process stamped (scripts/peer-address.mjs), vouched for by the secret.
    headers[FORWARDED] = secret;
    let upstream;
    try {
      upstream = http.request({ host: '127.0.0.1', port: to, method: req.method, path: req.url, headers, agent }, onAnswer);
    } catch {
      // A path or header node:http accepted from the client but will not send on.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request\n');
      return;
    }
    const sent = performance.now();
    const record = timing?.getStore();
    function onAnswer(answer) {
      if (record) record.phases['reader.editorHeaders'] = round1(performance.now() - sent);
      const kept = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!HOP.has(answer.rawHeaders[i].toLowerCase())) kept.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
      }
      // Closed after this answer: the client's next connection starts with the request it sends next
      // (signed in now), which the first process gives straight to the editor process.
      res.shouldKeepAlive = false;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, kept);
      answer.pipe(res);
    }
    let clientGone = false;
    upstream.on('error', (error) => {
      // The client went away first (a prefetch the browser dropped when it navigated): nothing failed.
      if (clientGone) return;
      if (res.headersSent) return res.destroy();
      console.error(`The editor process did not answer ${req.method} ${req.url}: ${error.message}`);
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
      res.end('Claimline is restarting its editor process. Try again in a moment.\n');
    });
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    req.pipe(upstream);
  }

  const publicServer = () => {
    const server = http.createServer(onRequest);
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    return server;
  };

  const listenError = (where) => (error) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Claimline cannot listen on ${where}: another program uses that port. Set PORT to a free one.`
        : `Claimline cannot listen on ${where}: ${error.message}`,
    );
    process.exit(1);
  };
  const listen = (server, options, where) =>
    new Promise((resolve) => {
      server.on('error', listenError(where));
      server.listen(options, () => resolve(server.address().port));
    });

  if (as === 'single') {
    const server = publicServer();
    await profileOnSignal(as);
    await listen(server, { port, host: hostname }, `${hostname}:${port}`);
    console.log(`Claimline listening on http://${hostname}:${port}`);
  } else {
    // This process's own loopback port (not shared with the others): the page cache renders a
    // miss by asking its own process, which alone knows the render's secret and collects its tags.
    const internal = http.createServer(onRequest);
    internal.keepAliveTimeout = 600_000;
    const own = await listen(internal, { port: 0, host: '127.0.0.1', exclusive: true }, '127.0.0.1');
    process.env.CLAIMLINE_RENDER_PORT = String(own);
    // Connections to the public port, handed over by the first process with the bytes it read of them.
    const server = publicServer();
    process.on('message', (message, socket) => {
      if (message?.type === 'editor') editorPort = message.port;
      if (message?.type === 'connection') takeConnection(server, message, socket);
    });
    takePriority(as);
    await profileOnSignal(as);
    if (as === 'editor') process.send({ type: 'editor', port: own });
    process.send({ type: 'ready' });
    // The primary is gone (killed): so are we, no orphan keeps the port.
    process.on('disconnect', () => process.exit(0));
  }

  // In a cluster the primary stops everyone (Ctrl+C reaches every process of the group).
  if (as === 'single') process.on('SIGINT', () => process.exit(0));
  else process.on('SIGINT', () => {});
  process.on('SIGTERM', () => process.exit(0));
}
