// `npm run bench:editor-reads [-- --rounds 20]`: what the editors' own pages read on the
// 100,000-claim synthetic newsroom (the bench's, scripts/bench-lib.mjs), timed query by query in
// one process: the inbox, the workspace's article list and the board's article picker. Works on
// a copy, where it first gives an editor the work a busy newsroom would: claims assigned to them
// (old and new), verdicts of another editor's waiting for their review, and overdue requests on
// their claims. Prints one line per query: the median and the slowest of its rounds, and rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db';
import { inboxFor } from '@/db/queries/board';
import { countArticles, listArticleOptions, listArticlesForEditor } from '@/db/queries/editor';
import { syntheticDatabase } from './bench-lib.mjs';
import { baseEnv } from './lib.mjs';
import { quantile } from './lib/stats';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    articles: { type: 'string', default: '2000' },
    claims: { type: 'string', default: '100000' },
    // A synthetic newsroom already made (e.g. one the bench left in the temporary directory): measured on a copy.
    database: { type: 'string' },
  },
});
const rounds = Number(values.rounds);

async function main() {
const database = path.join(os.tmpdir(), `claimline-editor-reads-${process.pid}.db`);
if (values.database) fs.copyFileSync(values.database, database);
else fs.renameSync(await syntheticDatabase({ articles: values.articles, claims: values.claims, port: `editor-reads-${process.pid}`, env: baseEnv() }), database);
process.env.DATABASE_PATH = database;
const raw = getDb().$client;
const me = 'bench-editor-me';
const other = 'bench-editor-other';
raw.exec(`
  INSERT INTO users (id, name, email, role, email_verified, created_at, updated_at) VALUES
    ('${me}', 'Inbox Editor', 'me@newsroom.example', 'editor', 1, 0, 0),
    ('${other}', 'Other Editor', 'other@newsroom.example', 'editor', 1, 0, 0);
  -- 400 drafts assigned to me, spread from the oldest claims to the newest.
  UPDATE claims SET assignee_id = '${me}' WHERE workflow = 'draft' AND id % 25 = 0;
  -- 300 verdicts set by the other editor, waiting for review.
  UPDATE claims SET workflow = 'ready_for_review', verdict_set_by = '${other}' WHERE workflow = 'draft' AND id % 25 = 1;
  -- Open requests on my claims: make their claims mine.
  UPDATE claims SET assignee_id = '${me}' WHERE id IN (SELECT claim_id FROM responses WHERE stance IS NULL AND requested_at IS NOT NULL AND id % 40 = 0);
`);
const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
console.log(
  `${count('SELECT count(*) FROM claims')} claims; assigned to the editor: ${count(`SELECT count(*) FROM claims WHERE assignee_id = '${me}'`)}; waiting for review: ${count("SELECT count(*) FROM claims WHERE workflow = 'ready_for_review'")}; open requests: ${count('SELECT count(*) FROM responses WHERE stance IS NULL AND requested_at IS NOT NULL')}`,
);

function time(name: string, fn: () => unknown, size: (result: never) => string) {
  fn();
  const ms: number[] = [];
  let result: unknown;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  console.log(`${name.padEnd(28)} p50 ${quantile(ms, 0.5).toFixed(2).padStart(8)} ms  max ${Math.max(...ms).toFixed(2).padStart(8)} ms  ${size(result as never)}`);
}

const now = new Date('2026-01-01T00:00:00Z');
time('inbox', () => inboxFor({ userId: me, now }), (r: ReturnType<typeof inboxFor>) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]))));
time('workspace articles', () => ({ page: listArticlesForEditor({ now, limit: 50 }), total: countArticles() }), (r: { page: unknown[]; total: number }) => `${r.page.length} of ${r.total} articles`);
time('board article picker', () => listArticleOptions(), (r: ReturnType<typeof listArticleOptions>) => `${r.length} options`);
closeDb();
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
}
void main();
