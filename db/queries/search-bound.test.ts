import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { SEARCH_BOUND, parseClaimFilters, type ClaimFilters } from '@/lib/claim-filters';
import { allWordsQuery } from '@/lib/fts-query';
import { seedDemoOnFirstRun } from '../seed';
import { removeDatabase, useFreshDatabase } from '../testing';
import { searchClaims } from './search';
import { loadSynthetic } from './synthetic';

// The demo's claims first (so they are the oldest), then more synthetic claims than
// SEARCH_BOUND, nearly all of them with "the" in them.
let file: string;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  loadSynthetic({ articles: 25, claims: 1250, seed: 7, now: Date.UTC(2026, 0, 1) });
});
afterAll(() => removeDatabase(file));

function filters(query: string): ClaimFilters {
  const parsed = parseClaimFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filters;
}

/** Every page's ids, following the cursor. */
function allPages(query: string): number[] {
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const page: ReturnType<typeof searchClaims> = searchClaims({ filters: filters(`${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`) });
    seen.push(...page.hits.map((h) => h.id));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

/** Published claims the words match, straight from the index, newest first. */
function matches(words: string, where = 'true'): number[] {
  return getDb()
    .$client.prepare(
      `select c.id from claims_fts f join claims c on c.id = f.rowid
       where claims_fts match ? and c.published = 1 and ${where} order by c.id desc`,
    )
    .pluck()
    .all(allWordsQuery(words)) as number[];
}

describe('word searches with more matches than the bound', () => {
  it('count up to the bound and say there are more', () => {
    expect(matches('the').length).toBeGreaterThan(SEARCH_BOUND);
    const result = searchClaims({ filters: filters('q=the') });
    expect(result).toMatchObject({ total: SEARCH_BOUND, capped: true });
    expect(result.hits).toHaveLength(20);
  });

  it('rank the most recently added matches by relevance, page after page, and stop there', () => {
    const seen = allPages('q=the');
    expect(seen).toHaveLength(SEARCH_BOUND);
    expect(new Set(seen)).toEqual(new Set(matches('the').slice(0, SEARCH_BOUND)));
  });

  it('sorted by date, page through every match', () => {
    const everything = matches('the');
    for (const sort of ['oldest', 'newest', 'updated']) {
      const seen = allPages(`q=the&sort=${sort}`);
      expect(seen).toHaveLength(everything.length);
      expect(new Set(seen)).toEqual(new Set(everything));
    }
  });

  it('apply filters before the bound, so a filtered search still finds old claims', () => {
    const disputed = matches('the', "c.status = 'disputed'");
    expect(disputed.length).toBeLessThan(SEARCH_BOUND);
    const oldest = disputed[disputed.length - 1]!;
    // Unfiltered, the oldest disputed claim is beyond the bound…
    expect(allPages('q=the')).not.toContain(oldest);
    // …filtered, every disputed match is ranked.
    const found = searchClaims({ filters: filters('q=the&status=disputed') });
    expect(found).toMatchObject({ total: disputed.length, capped: false });
    expect(new Set(allPages('q=the&status=disputed'))).toEqual(new Set(disputed));

    const party = getDb().$client.prepare("select slug from parties where slug = 'riverside-city-council'").pluck().get() as string;
    const byParty = matches(
      'the',
      `(c.claimant_party_id = (select id from parties where slug = '${party}')
        or exists (select 1 from responses r join parties p on p.id = r.party_id where r.claim_id = c.id and p.slug = '${party}'))`,
    );
    expect(byParty.length).toBeGreaterThan(0);
    expect(new Set(allPages(`q=the&party=${party}`))).toEqual(new Set(byParty));
  });

  it('a rare word beside a common one finds an old claim', () => {
    const result = searchClaims({ filters: filters('q=the+ridership') });
    expect(result).toMatchObject({ total: 1, capped: false });
    expect(result.hits[0]!.quote).toContain('ridership');
  });

  it('rank exactly as bm25 over every match when there are no more than the bound', () => {
    for (const words of ['bus', 'riverside', 'budget', 'hospital']) {
      const all = matches(words);
      expect(all.length).toBeGreaterThan(20);
      expect(all.length).toBeLessThanOrEqual(SEARCH_BOUND);
      const best = getDb()
        .$client.prepare(
          `select c.id from claims_fts f join claims c on c.id = f.rowid where claims_fts match ? and c.published = 1
           order by bm25(claims_fts, 4.0, 3.0, 1.0, 1.0), c.id limit 20`,
        )
        .pluck()
        .all(allWordsQuery(words));
      expect(searchClaims({ filters: filters(`q=${words}`) }).hits.map((h) => h.id)).toEqual(best);
    }
  });
});
