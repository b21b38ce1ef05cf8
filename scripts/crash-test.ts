// `npm run crash-test [-- --rounds 20]` (3 rounds in e2e/crash.spec.ts): editors save
// through the real production server in the process layout `npm start` runs (scripts/server.mjs:
// on two or more cores two reader processes and the editor process; CLAIMLINE_WORKERS and
// CLAIMLINE_EDITOR_PROCESS choose another), while it is killed with SIGKILL at random moments
// and restarted, again and again: in odd rounds every process at once, in even rounds only the
// editor process (when there is one), which the server must start again by itself. Afterwards every save the server
// had acknowledged must be there, the database must pass PRAGMA integrity_check, and no
// claim may lack its history. Then a background job (archiving a slow source) is killed
// halfway through its fetch: after a restart it must complete, exactly once. Exits
// non-zero and says what was wrong otherwise.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureArticle, startFixtureSite } from '../lib/testing/fixture-site';
import { FormClient, freshFormKey } from './lib/form-client';
import { editorProcess, freePort, sleep, startServer } from './lib/server-process';
import { baseEnv, run, runTs, runTsOutput } from './lib.mjs';

type JobStatus = { snapshots: { id: number }[]; job: { state: string; attempts: number; lastError: string | null } | null };

/**
 * Cites a source that answers slowly, kills the server with SIGKILL while its job is halfway
 * through the fetch, and restarts it: the job must run again once its lease has run out and
 * store exactly one copy. Throws otherwise; resolves with what it saw.
 */
async function killMidJob({ port, env, log }: { port: number; env: NodeJS.ProcessEnv; log: (line: string) => void }) {
  const site = await startFixtureSite();
  // About 5 s to send, a byte at a time: long enough to kill the server in the middle.
  site.set('/slow-source', { body: fixtureArticle('Slow source', ['The harbour report says 26 minutes.'.repeat(8)]), dripMs: 10 });
  const jobEnv = { ...env, CLAIMLINE_FETCH_ALLOW_LOOPBACK: '1', CLAIMLINE_JOB_POLL_MS: '200', CLAIMLINE_JOB_LEASE_MS: '3000' };
  const status = async (sourceId: number) =>
    JSON.parse(await runTsOutput('scripts/crash-job.ts', ['status', String(sourceId)], { env: jobEnv })) as JobStatus;
  try {
    const { sourceId } = JSON.parse(await runTsOutput('scripts/crash-job.ts', ['cite', site.url('/slow-source')], { env: jobEnv })) as {
      sourceId: number;
    };
    const first = await startServer({ port, env: jobEnv });
    for (let waited = 0; site.requestsTo('/slow-source').length === 0; waited += 50) {
      if (waited > 30_000) throw new Error('the server never started the snapshot job');
      await sleep(50);
    }
    await sleep(1000);
    await first.kill('SIGKILL');
    const killed = await status(sourceId);
    if (killed.snapshots.length !== 0 || killed.job?.state !== 'running') {
      throw new Error(`the job was not caught mid-fetch: ${JSON.stringify(killed)}`);
    }
    log('job: killed the server halfway through a snapshot fetch');
    const second = await startServer({ port, env: jobEnv });
    let after = killed;
    for (let waited = 0; after.job?.state !== 'done'; waited += 500) {
      if (waited > 60_000) throw new Error(`the job did not complete after the restart: ${JSON.stringify(after)}`);
      await sleep(500);
      after = await status(sourceId);
    }
    // Long enough for a second run to show, were there one.
    await sleep(4000);
    after = await status(sourceId);
    await second.kill('SIGTERM');
    const fetches = site.requestsTo('/slow-source').length;
    if (after.snapshots.length !== 1 || after.job?.attempts !== 2 || fetches !== 2) {
      throw new Error(`the killed job did not complete exactly once: ${after.snapshots.length} copies, ${after.job?.attempts} attempts, ${fetches} fetches`);
    }
    return { copies: after.snapshots.length, attempts: after.job.attempts, fetches };
  } finally {
    await site.close();
  }
}

/** How long the crash test waits for any one answer: far longer than a save takes on a loaded machine, far shorter than e2e/crash.spec.ts's timeout. */
const ANSWER_MS = 30_000;

type Health = {
  integrity: string;
  claimsWithoutEvents: number[];
  articlesWithoutText: number[];
  missingTitles: string[];
  missingStatements: string[];
  articles: number;
};

/**
 * Runs `rounds` kill-and-restart rounds; resolves with what it saw. Throws on a
 * lost acknowledged save, a failed integrity check or a claim without history.
 */
async function crashTest({ rounds, writers = 4, log = console.log }: { rounds: number; writers?: number; log?: (line: string) => void }) {
  const database = path.join(os.tmpdir(), `claimline-crash-${randomUUID()}.db`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The layout npm start runs here (CLAIMLINE_WORKERS and CLAIMLINE_EDITOR_PROCESS pass through).
  const env = { ...baseEnv(), DATABASE_PATH: database, APP_URL: base, PORT: String(port) };
  // What the server confirmed: article titles (a redirect to the new article) and claim
  // statements (a redirect to the new claim), half of the claims with a new party.
  const acknowledged = { titles: [] as string[], statements: [] as string[] };
  const count = () => acknowledged.titles.length + acknowledged.statements.length;
  let unexpected = 0;
  // Where the test is, for the message of a failure: a round stuck anywhere says which and at what.
  let at = 'preparing the database';
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await runTs('scripts/prepare-db.ts', [], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const invite = (await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env })).trim();
    // A request the server neither answers nor closes fails after ANSWER_MS instead of waiting for good.
    const client = new FormClient(base, ANSWER_MS);

    for (let round = 1; round <= rounds; round++) {
      at = `round ${round}, starting the server`;
      server ??= await startServer({ port, env });
      if (round === 1) {
        at = 'round 1, joining';
        log(`layout: ${editorProcess(server.pid) === null ? 'one process' : 'reader processes and the editor process'}`);
        const joined = await client.submit(new URL(invite).pathname, {
          name: 'Crash Tester',
          email: 'crash@example.org',
          password: 'a long test password',
          confirm: 'a long test password',
        }, 'name');
        if (joined.status !== 303) throw new Error(`joining failed (HTTP ${joined.status})`);
      }
      // After the editor process alone was killed, the server answers editors again once it has started another.
      at = `round ${round}, waiting for the editor process to answer`;
      for (const until = Date.now() + 60_000; ; await sleep(200)) {
        const { status } = await client.get('/edit').catch(() => ({ status: 0 }));
        if (status === 200) break;
        if (Date.now() > until) throw new Error(`/edit did not answer 200 within 60 s (the last try: ${status ? `HTTP ${status}` : 'no answer'})`);
      }
      at = `round ${round}, reading the forms`;
      const form = await client.readForm('/edit/articles/new', 'text');
      const claimPage = '/edit/articles/1?start=0&end=40';
      const claimForm = await client.readForm(claimPage, 'exact');
      let killed = false;
      const unanswered: string[] = [];
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const label = `Crash round ${round} writer ${w} save ${i}`;
          try {
            if (i % 2 === 0) {
              const saved = await client.post('/edit/articles/new', form, {
                ...freshFormKey(form),
                mode: 'text',
                title: label,
                text: `The council said the ${label.toLowerCase()} was on time.\n\nNobody disputed it.`,
              });
              if (saved.status === 303 && /^\/edit\/articles\/\d+$/.test(new URL(saved.location ?? '/', base).pathname)) {
                acknowledged.titles.push(label);
              } else if (!killed) unexpected++;
            } else {
              // Each save another drawing of the form (its own one-time key), as each editor's would be.
              const saved = await client.post(claimPage, claimForm, {
                ...freshFormKey(claimForm),
                statement: label,
                ...(i % 4 === 1 ? { newPartyName: `Party of ${label}`, newPartyKind: 'organization' } : {}),
              });
              if (saved.status === 303 && /[?&]claim=\d+/.test(saved.location ?? '')) acknowledged.statements.push(label);
              else if (!killed) unexpected++;
            }
          } catch (error) {
            // Killed or not, the server must answer or close the connection: a save left waiting fails the test.
            if (error instanceof Error && error.name === 'TimeoutError') unanswered.push(`writer ${w}'s save ${i}`);
            else if (!killed) log(`writer ${w}: ${error instanceof Error ? error.message : String(error)}`);
            return; // the server is gone: this save was never acknowledged
          }
        }
      };
      at = `round ${round}, saving`;
      const before = count();
      const running = Array.from({ length: writers }, (_, w) => writer(w));
      // Kill at a random moment once saves are flowing (a cold server answers its first request slowly).
      for (let waited = 0; count() === before && waited < 30_000; waited += 50) await sleep(50);
      await sleep(Math.random() * 1000);
      killed = true;
      const editor = round % 2 === 0 ? editorProcess(server.pid) : null;
      const editorOnly = editor !== null;
      at = `round ${round}, after killing ${editorOnly ? `the editor process (pid ${editor})` : `every process (primary pid ${server.pid})`}`;
      if (editorOnly) {
        process.kill(editor, 'SIGKILL');
      } else {
        await server.kill('SIGKILL');
        server = null;
      }
      await Promise.all(running);
      if (unanswered.length) throw new Error(`${unanswered.join(', ')} got neither an answer nor a closed connection within ${ANSWER_MS / 1000} s`);
      log(`round ${round}: killed ${editorOnly ? 'the editor process' : 'every process'} with ${count()} saves acknowledged so far`);
    }

    await server?.kill('SIGKILL');
    server = null;
    at = 'killing a job mid-fetch';
    // Its first start, on the database the last round killed, also proves the server comes back on it.
    const job = await killMidJob({ port, env, log });
    at = 'checking the database';
    const titlesFile = `${database}.titles.json`;
    fs.writeFileSync(titlesFile, JSON.stringify(acknowledged));
    const health = JSON.parse(await runTsOutput('scripts/crash-check.ts', [titlesFile], { env })) as Health;
    fs.rmSync(titlesFile, { force: true });
    const result = { rounds, acknowledged: count(), unexpected, job, ...health };
    const problems = [
      health.integrity !== 'ok' && `integrity_check: ${health.integrity}`,
      health.missingTitles.length && `${health.missingTitles.length} acknowledged articles lost: ${health.missingTitles.slice(0, 3).join('; ')}`,
      health.missingStatements.length && `${health.missingStatements.length} acknowledged claims lost: ${health.missingStatements.slice(0, 3).join('; ')}`,
      health.claimsWithoutEvents.length && `claims without their created event: ${health.claimsWithoutEvents.join(', ')}`,
      health.articlesWithoutText.length && `articles without their text: ${health.articlesWithoutText.join(', ')}`,
      (acknowledged.titles.length === 0 || acknowledged.statements.length === 0) && 'no article or no claim save was acknowledged: the test proved nothing',
      unexpected > 0 && `${unexpected} saves were answered with something other than success`,
    ].filter(Boolean);
    if (problems.length) throw new Error(problems.join(' | '));
    return result;
  } catch (error) {
    throw new Error(`crash test failed (${at}): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // A round that failed leaves its server running.
    await server?.kill('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
  }
}

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
run(process.execPath, ['scripts/build-if-needed.mjs'])
  .then(() => crashTest({ rounds }))
  .then((result) => {
    console.log(
      `\nOK: ${result.acknowledged} acknowledged saves over ${rounds} SIGKILLs, all present; integrity ok; every claim has its history.`,
    );
    console.log(`OK: a job killed mid-fetch completed once after the restart (${result.job.attempts} attempts, ${result.job.fetches} fetches, ${result.job.copies} copy).`);
  })
  .catch((error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
