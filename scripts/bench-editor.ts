// The editor of the benchmark's "mix including edits" (scripts/bench.mjs): joins through an
// invitation link, then records a response on one claim after another through the real
// server's form (as a browser without JavaScript posts it) at a steady rate. Prints "ready"
// once signed in (and, with `--cookie-file`, writes its session's Cookie header there), then,
// after `--seconds`, one JSON line: how many saves were acknowledged and how long they took.
// Each save invalidates the reader cache, as any edit does.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { FormClient } from './lib/form-client';
import { quantile } from './lib/stats';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    invite: { type: 'string' },
    claims: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    interval: { type: 'string', default: '300' },
    // Where to write the signed-in session's Cookie header, for requests of editor pages.
    'cookie-file': { type: 'string' },
    // Slices of `--seconds` each, every one started by a line on stdin and reported by a JSON line
    // of its own (the bench alternates the mix with and without edits: bench-layouts --rounds).
    slices: { type: 'string', default: '1' },
  },
});
const claimIds = (values.claims ?? '').split(',').filter(Boolean);
if (!values.base || !values.invite || !claimIds.length) throw new Error('--base, --invite and --claims are required');
const intervalMs = Number(values.interval);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What Chromium sends with a form posted without JavaScript, besides the cookie, Origin and the
 * multipart body FormClient sends: a document is wanted (text/html), compressed as browsers accept
 * it, from the page the form is on. The answer is the page the editor then sees, read whole.
 */
const BROWSER_POST = (path: string): Record<string, string> => ({
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br, zstd',
  referer: new URL(path, values.base).toString(),
});

async function main() {
  const client = new FormClient(values.base!);
  const joined = await client.submit(
    new URL(values.invite!).pathname,
    { name: 'Bench Editor', email: `bench-editor-${Date.now()}@newsroom.example`, password: 'a long bench password', confirm: 'a long bench password' },
    'name',
  );
  if (joined.status !== 303) throw new Error(`joining failed (HTTP ${joined.status})`);
  if (values['cookie-file']) fs.writeFileSync(values['cookie-file'], [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  // Any party will do; reading it from the file is setup, not part of what is measured.
  const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
  const partyId = String(db.prepare('select id from parties order by id limit 1').pluck().get());
  db.close();
  const page = (id: string) => `/edit/claims/${id}`;
  // The "Add response" form's hidden action fields are the same on every claim's page.
  const form = await client.readForm(page(claimIds[0]!), 'stance', /^Add response$/);
  console.log('ready');

  const input = Number(values.slices) > 1 ? readline.createInterface({ input: process.stdin }) : null;
  const lines = input?.[Symbol.asyncIterator]();
  let attempted = 0;
  for (let slice = 0; slice < Number(values.slices); slice++) {
    if (lines && (await lines.next()).done) break;
    const latencies: number[] = [];
    // Each save's time by its trace id (sent as x-claimline-trace, which the server's timing log repeats).
    const saves: Record<string, number> = {};
    const first = attempted;
    let failed = 0;
    const end = Date.now() + Number(values.seconds) * 1000;
    while (Date.now() < end) {
      const claimId = claimIds[attempted % claimIds.length]!;
      attempted++;
      const started = performance.now();
      const trace = `save-${attempted}`;
      try {
        const saved = await client.post(
          page(claimId),
          form,
          { claimId, partyId, stance: 'disputes', quote: `Bench edit ${attempted}: the figure leaves out the weekend services.` },
          { ...BROWSER_POST(page(claimId)), 'x-claimline-trace': trace },
        );
        // A form posted without JavaScript gets the page back with the action's state in it.
        if (saved.status === 200 && saved.html.includes('Response saved.')) {
          latencies.push(performance.now() - started);
          saves[trace] = Math.round(performance.now() - started);
        } else failed++;
      } catch {
        failed++;
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - started)));
    }
    const ms = (x: number) => Math.round(x);
    console.log(
      JSON.stringify({
        attempted: attempted - first,
        acknowledged: latencies.length,
        failed,
        intervalMs,
        p50: ms(quantile(latencies, 0.5)),
        p99: ms(quantile(latencies, 0.99)),
        saves,
      }),
    );
  }
  input?.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
