// The benchmark's direct database part (run by scripts/bench.mjs): picks the pages to
// request and times full-text search without HTTP. Writes JSON to the file given.
import fs from 'node:fs';
import { closeDb } from '@/db';
import { benchmarkTargets } from '@/db/queries/synthetic';

const out = process.argv[2];
if (!out) throw new Error('usage: bench-db.ts <output.json>');
const targets = benchmarkTargets({ claims: 200, claimsPerArticle: 50 });
closeDb();
fs.writeFileSync(out, JSON.stringify({ targets }));
