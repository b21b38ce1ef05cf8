// The editor of the benchmark's "mix including edits" (scripts/bench.mjs, bench-layouts.mjs,
// bench-saves.mjs): joins through an invitation link, then records a response on one claim after
// another through the real server's "Add response" form at a steady rate, in one of two ways:
// - `--mode nojs` (the default): as a browser without JavaScript posts the form; the answer is the
//   whole editor's page (HTML) with "Response saved." in it;
// - `--mode js`: as the browser with JavaScript does, through React and Next's own client code (a
//   server action request: the action's id, the router's state, React's encoded reply; the answer
//   is RSC: the action's result and the page's new payload, no HTML).
// Prints "ready" once signed in (and, with `--cookie-file`, writes its session's Cookie header
// there), then, after `--seconds`, one JSON line: how many saves were acknowledged and how long
// they took. Each save invalidates the reader cache, as any edit does.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { FormClient, freshFormKey } from './lib/form-client';
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
    // Each slice waits for its line on stdin even when there is one (bench-layouts' default --rounds 1).
    paced: { type: 'boolean', default: false },
    // nojs: the form posted as a browser without JavaScript does; js: as React does it (a server action request).
    mode: { type: 'string', default: 'nojs' },
  },
});
const claimIds = (values.claims ?? '').split(',').filter(Boolean);
const mode = values.mode;
if (mode !== 'nojs' && mode !== 'js') throw new Error(`--mode: "${mode}" is not nojs or js`);
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

// React's and Next's own client code, which the browser runs to save: the same encoding, byte for byte.
const requireFromApp = createRequire(import.meta.url);
const { encodeReply } = requireFromApp('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};
const { prepareFlightRouterStateForRequest } = requireFromApp('next/dist/client/flight-data-helpers') as {
  prepareFlightRouterStateForRequest: (tree: unknown) => string;
};
const { transportNodeToFlightRouterState } = requireFromApp('next/dist/shared/lib/rsc-transport') as {
  transportNodeToFlightRouterState: (node: unknown, renderedSearch: string) => unknown;
};
const { omitUnusedArgs, extractInfoFromServerReferenceId } = requireFromApp('next/dist/shared/lib/server-reference-info') as {
  omitUnusedArgs: (args: unknown[], info: unknown) => unknown[];
  extractInfoFromServerReferenceId: (id: string) => unknown;
};

/**
 * The router state a browser holds on a page it loaded, as Next's client derives it
 * (createInitialRouterState): from the tree of the page's RSC payload (row 0's `t.t` and `q`), read
 * from the scripts of its HTML (`self.__next_f.push([1, "…"])`).
 */
function routerTree(html: string): unknown {
  let payload = '';
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) payload += JSON.parse(m[1]!) as string;
  const rows = new Map<string, string>();
  for (const line of payload.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const row0 = rows.get('0');
  if (!row0) throw new Error('no RSC payload in the page');
  const payload0 = JSON.parse(row0) as { t?: { t: unknown }; q?: string };
  if (!payload0.t) throw new Error("the page's RSC payload has no tree (t.t): another version of Next?");
  // A node's children are a Map, which Flight sends as a row of its own ("$Q<row>"): resolved here,
  // as React's client does; the rest of a node (its rendered output, `d`) is not needed for the state.
  type Node = { s: unknown; h?: unknown; c?: unknown };
  const resolve = (node: Node): Node => {
    const ref = typeof node.c === 'string' && /^\$Q([0-9a-f]+)$/.exec(node.c)?.[1];
    const entries = ref ? (JSON.parse(rows.get(ref) ?? '[]') as [string, Node][]) : (node.c as [string, Node][] | undefined);
    return { s: node.s, ...(node.h === undefined ? {} : { h: node.h }), ...(entries ? { c: entries.map(([key, child]) => [key, resolve(child)]) } : {}) };
  };
  return transportNodeToFlightRouterState(resolve(payload0.t.t as Node), payload0.q ?? '');
}

/**
 * A save as the browser with JavaScript makes it: React calls the action with the form's state and
 * a FormData of the form (hidden fields included), Next's client encodes them with React's
 * encodeReply and posts them to the page with the action's id and the router's state; the answer
 * is RSC (the action's result, and the page's new payload, since the action refreshes it), no HTML.
 */
async function jsSave(client: FormClient, path: string, tree: string, actionId: string, fields: [string, string][], extra: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const body = await encodeReply(omitUnusedArgs([{ ok: true }, form], extractInfoFromServerReferenceId(actionId)));
  const response = await fetch(new URL(path, values.base), {
    method: 'POST',
    body,
    headers: client.headers({
      accept: 'text/x-component',
      'next-action': actionId,
      'next-router-state-tree': tree,
      'next-url': path,
      origin: values.base!,
      ...extra,
    }),
    redirect: 'manual',
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

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
  // What the saves stored, to check each slice's acknowledged saves against (a save answered "saved" that wrote nothing measures nothing).
  const stored = db.prepare("select count(*) from responses where quote like 'Bench edit %'").pluck();
  const page = (id: string) => `/edit/claims/${id}`;
  // The "Add response" form's hidden action fields are the same on every claim's page.
  const form = await client.readForm(page(claimIds[0]!), 'stance', /^Add response$/);
  // The action's id, from the hidden field of the form as drawn for browsers without JavaScript.
  const actionId = form.map(([, v]) => /"id":"([0-9a-f]+)"/.exec(v)?.[1]).find(Boolean);
  if (mode === 'js' && !actionId) throw new Error('no server action id in the "Add response" form');
  // Each claim's page as the browser loaded it, for its router state.
  const trees = new Map<string, string>();
  if (mode === 'js') {
    for (const id of claimIds) {
      const { html } = await client.get(page(id));
      try {
        trees.set(id, prepareFlightRouterStateForRequest(routerTree(html)));
      } catch (error) {
        if (process.env.BENCH_EDITOR_DUMP) fs.writeFileSync(process.env.BENCH_EDITOR_DUMP, html);
        throw error;
      }
    }
  }
  console.log('ready');

  const input = Number(values.slices) > 1 || values.paced ? readline.createInterface({ input: process.stdin }) : null;
  const lines = input?.[Symbol.asyncIterator]();
  let attempted = 0;
  for (let slice = 0; slice < Number(values.slices); slice++) {
    if (lines && (await lines.next()).done) break;
    const latencies: number[] = [];
    const storedBefore = Number(stored.get());
    // Each save's time by its trace id (sent as x-claimline-trace, which the server's timing log repeats).
    const saves: Record<string, number> = {};
    const first = attempted;
    let failed = 0;
    const end = Date.now() + Number(values.seconds) * 1000;
    while (Date.now() < end) {
      const claimId = claimIds[attempted % claimIds.length]!;
      attempted++;
      const started = performance.now();
      const trace = `save-${mode}-${attempted}`;
      // A key of its own for each save: the form's one key sent again is the same form sent twice,
      // which gets the first save's answer (and saved nothing, 85e7066) or is refused (da6fde9).
      const fields = { claimId, partyId, stance: 'disputes', quote: `Bench edit ${attempted}: the figure leaves out the weekend services.`, ...freshFormKey(form) };
      try {
        let ok: boolean;
        if (mode === 'js') {
          const replaced = new Set(Object.keys(fields));
          const all: [string, string][] = [...form.filter(([name]) => !replaced.has(name)), ...Object.entries(fields)];
          // Next's client asks for RSC (text/x-component), not a document.
          const headers = Object.fromEntries(Object.entries(BROWSER_POST(page(claimId))).filter(([name]) => name !== 'accept'));
          const saved = await jsSave(client, page(claimId), trees.get(claimId)!, actionId!, all, { ...headers, 'x-claimline-trace': trace });
          // The action's result (its message) comes back in the RSC answer, with the page's new payload.
          ok = saved.status === 200 && saved.type.startsWith('text/x-component') && saved.text.includes('Response saved.');
        } else {
          const saved = await client.post(page(claimId), form, fields, { ...BROWSER_POST(page(claimId)), 'x-claimline-trace': trace });
          // A form posted without JavaScript gets the page back with the action's state in it.
          ok = saved.status === 200 && saved.html.includes('Response saved.');
        }
        if (ok) {
          latencies.push(performance.now() - started);
          saves[trace] = Math.round(performance.now() - started);
        } else failed++;
      } catch {
        failed++;
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - started)));
    }
    const ms = (x: number) => Math.round(x);
    const written = Number(stored.get()) - storedBefore;
    if (written < latencies.length) throw new Error(`${latencies.length} saves were answered "Response saved." but ${written} responses were stored`);
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
  db.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
