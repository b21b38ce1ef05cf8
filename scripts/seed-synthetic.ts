// `npm run seed:synthetic -- --articles 2000 --claims 100000 [--seed 7]`: fills the
// (empty) database at DATABASE_PATH with invented newsroom data for load tests.
import { parseArgs } from 'node:util';
import { closeDb, databasePath, getDb } from '@/db';
import { countArticles, loadSynthetic } from '@/db/queries/synthetic';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '200' },
    claims: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
  },
});
const articles = Number(values.articles);
const claims = Number(values.claims);
const seed = Number(values.seed);
if (!(articles > 0 && claims >= 0 && Number.isInteger(seed))) {
  console.error('Usage: npm run seed:synthetic -- --articles N --claims M [--seed S]');
  process.exit(2);
}

const started = performance.now();
getDb();
if (countArticles() > 0) {
  console.error(`${databasePath()} already has articles; synthetic data goes into an empty database only.`);
  process.exit(1);
}
// A fixed "now" keeps the data identical from one run to the next.
const { parties, sources } = loadSynthetic({ articles, claims, seed, now: Date.UTC(2026, 0, 1) });
closeDb();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${databasePath()}: ${articles} articles, ${claims} claims, ${parties} parties, ${sources} sources in ${seconds} s`);
