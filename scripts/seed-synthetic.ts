// `npm run seed:synthetic -- --articles 2000 --claims 100000 [--seed 7]`: fills the
// (empty) database at DATABASE_PATH with invented newsroom data for load tests.
import { parseArgs } from 'node:util';
import { closeDb, databasePath, getDb } from '@/db';
import { countArticles, finishBulkLoad, insertSyntheticArticles, insertSyntheticDirectory } from '@/db/queries/synthetic';
import { claimCounts, generateArticle, generateParties, generateSources } from './synthetic/generate';

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
const now = Date.UTC(2026, 0, 1);
const parties = generateParties(seed, Math.max(20, Math.round(articles / 10)));
const sources = generateSources(seed, Math.max(50, Math.round(claims / 20)), now);
const { partyIds, sourceIds } = insertSyntheticDirectory({ parties, sources, now });
const counts = claimCounts(seed, articles, claims);
const BATCH = 100;
for (let first = 0; first < articles; first += BATCH) {
  const batch = counts
    .slice(first, first + BATCH)
    .map((claimCount, i) => generateArticle({ seed, index: first + i, claimCount, parties, sources, now }));
  insertSyntheticArticles({ articles: batch, partyIds, sourceIds });
}
finishBulkLoad();
closeDb();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${databasePath()}: ${articles} articles, ${claims} claims, ${parties.length} parties, ${sources.length} sources in ${seconds} s`);
