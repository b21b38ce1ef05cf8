// `npm run crash-test:purge` (and e2e/crash.spec.ts): a save whose process is killed between its
// commit and its purge of the shared cache is still purged there. The production server runs
// behind a real Varnish (deploy/varnish/claimline.vcl); its purges go through a relay that holds
// them. An editor adds a response to a published claim; when its purge reaches the relay (the
// save committed and named its tags), the editor process is killed with SIGKILL. Through Varnish
// the claim page is then still the old one; once the server has started the editor process
// again, the purge it left due is done: the next request through Varnish has the response, and
// an unrelated claim page is still a Varnish hit. Exits non-zero and says what was wrong otherwise.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FormClient } from './lib/form-client';
import { editorProcess, freePort, sleep, startServer } from './lib/server-process';
import { baseEnv, run, runTs, runTsOutput } from './lib.mjs';
import { ensureVarnish, startVarnish } from './varnish.mjs';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, br' };

/** A stand-in for the network between the app and Varnish: passes PURGEs on, or holds them after hold(). */
async function purgeRelay(varnish: string) {
  let held: ((keys: string) => void) | null = null;
  const server = http.createServer(async (req, res) => {
    const keys = String(req.headers['xkey-purge'] ?? '');
    if (held) return held(keys); // never answered: the process that sent it dies waiting
    const answer = await fetch(varnish, { method: 'PURGE', headers: { 'xkey-purge': keys } });
    res.writeHead(answer.status).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    /** From now on PURGEs are held; resolves with the keys of the first. */
    hold: () => new Promise<string>((resolve) => (held = resolve)),
    pass: () => (held = null),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function crashPurge(log: (line: string) => void) {
  const missing = ensureVarnish({ log });
  if (missing.length) return { skipped: missing.join('; ') };
  const database = path.join(os.tmpdir(), `claimline-crash-purge-${randomUUID()}.db`);
  const [port, varnishPort] = [await freePort(), await freePort()];
  const app = `http://127.0.0.1:${port}`;
  const varnish = await startVarnish({ port: varnishPort, backendPort: port, memory: '32m', stdio: 'ignore' });
  const relay = await purgeRelay(varnish.url);
  const env = { ...baseEnv(), DATABASE_PATH: database, APP_URL: app, PORT: String(port), VARNISH_URL: relay.url };
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await runTs('scripts/prepare-db.ts', [], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const invite = (await runTsOutput('scripts/invite.ts', ['--role', 'editor'], { env })).trim();
    server = await startServer({ port, env });
    if (editorProcess(server.pid) === null) throw new Error('the server runs no editor process here (one core?): nothing to kill between commit and purge');
    const editor = new FormClient(app);
    const joined = await editor.submit(new URL(invite).pathname, { name: 'Purge Tester', email: 'purge@example.org', password: 'a long test password', confirm: 'a long test password' }, 'name');
    if (joined.status !== 303) throw new Error(`joining failed (HTTP ${joined.status})`);

    // The first start with a shared cache purges everything once (a cache may have stood in front of
    // the app before), and loading the demo is a script's write, of unknown extent: let those go first.
    const db = new Database(database, { readonly: true });
    const due = () => db.prepare('SELECT count(*) FROM cache_tags WHERE purge_due IS NOT NULL').pluck().get() as number;
    for (let waited = 0; due() > 0; waited += 200) {
      if (waited > 30_000) throw new Error('the purges of setting up were never done');
      await sleep(200);
    }

    const viaVarnish = async (page: string) => {
      const response = await fetch(`${varnish.url.replace(/\/$/, '')}${page}`, { headers: BROWSER });
      return { cache: response.headers.get('x-varnish-cache'), html: await response.text() };
    };
    const keysOf = async (page: string) => ((await fetch(`${app}${page}`, { headers: BROWSER })).headers.get('xkey') ?? '').split(' ');
    const claimPages = [...new Set([...(await editor.get('/claims')).html.matchAll(/href="(\/claims\/\d+\/[^"?#]+)"/g)].map((m) => m[1]!))];
    const edited = claimPages[0];
    if (!edited) throw new Error('the demo newsroom lists no published claim');
    const editedKeys = await keysOf(edited);
    let unrelated: string | undefined;
    for (const page of claimPages.slice(1)) {
      const keys = await keysOf(page);
      if (!keys.some((key) => editedKeys.includes(key) || key.startsWith('lists') || key === 'untagged')) {
        unrelated = page;
        break;
      }
    }
    if (!unrelated) throw new Error('no claim page shares no tag with the edited one');
    for (const page of [edited, unrelated]) {
      await viaVarnish(page);
      if ((await viaVarnish(page)).cache !== 'hit') throw new Error(`${page} is not kept by Varnish`);
    }

    const quote = `The harbour authority’s figures were revised — 改訂 ${randomUUID().slice(0, 8)}`;
    const claimId = /\/claims\/(\d+)\//.exec(edited)![1];
    const form = await editor.readForm(`/edit/claims/${claimId}`, 'newPartyName');
    const held = relay.hold();
    const saving = editor.post(`/edit/claims/${claimId}`, form, { newPartyName: 'Harbour Pilots’ Guild', stance: 'disputes', quote }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const keys = await Promise.race([held, sleep(30_000).then(() => null)]);
    if (keys === null) throw new Error(`the save's purge never came (${JSON.stringify(await saving)})`);
    const killedAt = Date.now();
    process.kill(editorProcess(server.pid)!, 'SIGKILL');
    const answer = await saving;
    // Cut off, or a 502 from a reader process that passed it on: never the save's own answer.
    if (!(answer instanceof Error) && answer.status !== 502) throw new Error(`the save was answered (HTTP ${answer.status}) although its process was killed before its purge`);
    log(`killed the editor process with its save committed and its purge of ${keys} on the way`);

    const stale = await viaVarnish(edited);
    if (stale.cache !== 'hit' || stale.html.includes(quote)) throw new Error('Varnish already had the new page: the purge was not caught in flight');
    relay.pass();
    let fresh = stale;
    while (!fresh.html.includes(quote)) {
      if (Date.now() - killedAt > 40_000) throw new Error('through Varnish the edited claim page stayed old for 40 s after the editor process was killed (unpurged, until its copy expires: a minute)');
      await sleep(250);
      fresh = await viaVarnish(edited);
    }
    const seconds = (Date.now() - killedAt) / 1000;
    const other = await viaVarnish(unrelated);
    if (other.cache !== 'hit') throw new Error(`the unrelated claim page ${unrelated} was purged too (${other.cache})`);
    if (due() !== 0) throw new Error(`${due()} purges are still due after the recovery`);
    db.close();
    return { seconds, edited, unrelated };
  } finally {
    await server?.kill('SIGTERM');
    await relay.close();
    await varnish.stop();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
  }
}

run(process.execPath, ['scripts/build-if-needed.mjs'])
  .then(() => crashPurge(console.log))
  .then((result) => {
    if ('skipped' in result) return console.log(`SKIPPED: Varnish is not installed: ${result.skipped}`);
    console.log(
      `\nOK: a save killed between its commit and its purge was purged after the restart: through Varnish ${result.edited} was new ${result.seconds.toFixed(1)} s after the kill, and ${result.unrelated} still a hit.`,
    );
  })
  .catch((error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
