// The benchmark's direct database part (run by scripts/bench.mjs): picks the pages to
// request and times full-text queries without HTTP. Writes JSON to the file given
// (with --targets-only, only the pages to request, for scripts/bench-layouts.mjs).
import fs from 'node:fs';
import { closeDb } from '@/db';
import { searchClaims } from '@/db/queries/search';
import { findSimilarClaims } from '@/db/queries/similar';
import { countCheckedByWeek, countCorrectionsByMonth, countRepliesByMonth, countVerdictsByClaimantKind, countVerdictsByOutlet, countVerdictWaits, type StatsScope } from '@/db/queries/stats';
import { benchmarkTargets } from '@/db/queries/synthetic';
import { checkedPerWeek, correctionsPerMonth, parsePeriod, rightOfReply, timeToVerdict, verdictsByClaimantKind, verdictsByOutlet } from '@/lib/stats';
import { parseClaimFilters } from '@/lib/claim-filters';
import { quantile } from './lib/stats';

const out = process.argv[2];
if (!out) throw new Error('usage: bench-db.ts <output.json> [--targets-only]');
// scripts/bench-layouts.mjs needs only the pages to request.
const targetsOnly = process.argv.includes('--targets-only');

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
const search = targetsOnly ? {} : {
  // The claims index search (FTS5 MATCH, best match first, first page), as /claims?q= runs it.
  claimsIndex: percentiles(five(searches({})), (f) => searchClaims({ filters: f })),
  // The same searches sorted by date: not bounded, every match is read and sorted.
  claimsIndexByDate: percentiles(five(searches({ sort: 'newest' })), (f) => searchClaims({ filters: f })),
  // The annotator's "already tracked elsewhere?" lookup: an OR of the new claim's words, ranked by bm25.
  similarClaims: percentiles(targets.claims.slice(0, 40), (c) => findSimilarClaims({ text: c.statement, articleId: 0 })),
};

// A statistics page's figures computed without any cache (what a render after an edit costs):
// every chart for a year and for five years of the synthetic newsroom (its "now" is 2026-01-01).
const NOW = Date.UTC(2026, 0, 1);
const statsPage = ({ from, to, scope }: { from: string; to: string; scope: StatsScope }) => {
  const { period } = parsePeriod({ from, to }, NOW);
  const args = { period, scope };
  return [
    checkedPerWeek(period, countCheckedByWeek(args)),
    timeToVerdict(period, countVerdictWaits(args)),
    rightOfReply(period, countRepliesByMonth({ ...args, now: NOW })),
    correctionsPerMonth(period, countCorrectionsByMonth(args)),
    verdictsByClaimantKind(countVerdictsByClaimantKind(args)),
    verdictsByOutlet(countVerdictsByOutlet(args)),
  ];
};
const statistics = targetsOnly ? {} : {
  publicYear: percentiles(Array(10).fill({ from: '2025-01', to: '2025-12', scope: 'public' }), statsPage),
  publicFiveYears: percentiles(Array(10).fill({ from: '2021-02', to: '2026-01', scope: 'public' }), statsPage),
  newsroomFiveYears: percentiles(Array(10).fill({ from: '2021-02', to: '2026-01', scope: 'newsroom' }), statsPage),
};
closeDb();
fs.writeFileSync(out, JSON.stringify({ targets, search, statistics }));
