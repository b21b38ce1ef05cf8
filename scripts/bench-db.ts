// The benchmark's direct database part (run by scripts/bench.mjs): picks the pages to
// request and times full-text queries without HTTP. Writes JSON to the file given.
import fs from 'node:fs';
import { closeDb } from '@/db';
import { searchClaims } from '@/db/queries/search';
import { findSimilarClaims } from '@/db/queries/similar';
import { benchmarkTargets } from '@/db/queries/synthetic';
import { parseClaimFilters } from '@/lib/claim-filters';
import { quantile } from './lib/stats';

const out = process.argv[2];
if (!out) throw new Error('usage: bench-db.ts <output.json>');

/** p50 and p95 in milliseconds of `run` over every input (after one untimed warm-up pass). */
function percentiles<T>(inputs: T[], run: (input: T) => unknown) {
  inputs.forEach(run);
  const times = inputs.map((input) => {
    const started = performance.now();
    run(input);
    return performance.now() - started;
  });
  const at = (q: number) => Math.round(quantile(times, q) * 100) / 100;
  return { queries: times.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

const targets = benchmarkTargets({ claims: 200, claimsPerArticle: 50 });
// What readers type into the claims index: one or two words, a name, a place.
const terms = ['bus lanes', 'hospital', 'flood defences', 'jobs', 'Ørnebakke', 'budget', 'tram', 'recycling', 'Haddad', 'night trains'];
const searches = (extra: Record<string, string>) =>
  terms.map((q) => {
    const parsed = parseClaimFilters(new URLSearchParams({ q, ...extra }), { strict: true });
    if (!parsed.ok) throw new Error(`bad search ${q}`);
    return parsed.filters;
  });
const five = <T>(list: T[]) => [...list, ...list, ...list, ...list, ...list];
const search = {
  // The claims index search (FTS5 MATCH, best match first, first page), as /claims?q= runs it.
  claimsIndex: percentiles(five(searches({})), (f) => searchClaims({ filters: f })),
  // The same searches sorted by date: not bounded, every match is read and sorted.
  claimsIndexByDate: percentiles(five(searches({ sort: 'newest' })), (f) => searchClaims({ filters: f })),
  // The annotator's "already tracked elsewhere?" lookup: an OR of the new claim's words, ranked by bm25.
  similarClaims: percentiles(targets.claims.slice(0, 40), (c) => findSimilarClaims({ text: c.statement, articleId: 0 })),
};
closeDb();
fs.writeFileSync(out, JSON.stringify({ targets, search }));
