import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, parseClaimFilters, type ClaimFilters } from '@/lib/claim-filters';
import { seedDemoOnFirstRun } from '../seed';
import { removeDatabase, useFreshDatabase } from '../testing';
import { listOutlets, searchClaims } from './search';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterAll(() => removeDatabase(file));

function filters(query: string): ClaimFilters {
  const parsed = parseClaimFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filters;
}

describe('claim search', () => {
  it('finds a claim by a word from its quote, with the word marked in the snippet', () => {
    const { hits } = searchClaims({ filters: filters('q=ridership') });
    expect(hits.map((h) => h.quote)).toEqual(['ridership on the number 7 route had doubled since the lanes opened']);
    expect(hits[0]!.snippet).toContain(`${MATCH_START}ridership${MATCH_END}`);
  });

  it('matches word prefixes and ignores accents', () => {
    expect(searchClaims({ filters: filters('q=riders') }).total).toBe(1);
    expect(searchClaims({ filters: filters('q=Zoe') }).total).toBeGreaterThan(0);
  });

  it('never returns drafts', () => {
    expect(searchClaims({ filters: filters('q=measuring+the+one+road') }).total).toBe(0);
    const all = searchClaims({ filters: filters(''), all: true });
    expect(all.hits.some((h) => h.quote.includes('ignoring the five it broke'))).toBe(false);
  });

  it('narrows by status, party and outlet', () => {
    const everything = searchClaims({ filters: filters('') }).total;
    const disputed = searchClaims({ filters: filters('status=disputed') });
    expect(disputed.total).toBe(2);
    expect(disputed.hits.every((h) => h.status === 'disputed')).toBe(true);
    const council = searchClaims({ filters: filters('party=riverside-city-council') }).total;
    expect(council).toBeGreaterThan(0);
    expect(council).toBeLessThan(everything);
    const outlet = listOutlets()[0]!;
    expect(searchClaims({ filters: filters(`outlet=${encodeURIComponent(outlet)}`) }).total).toBeLessThan(everything);
    expect(searchClaims({ filters: filters('from=2999-01-01') }).total).toBe(0);
  });

  it('pages through every claim once with the cursor', () => {
    for (const sort of ['updated', 'newest', 'oldest']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = searchClaims({ filters: filters(query) });
        seen.push(...page.hits.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(searchClaims({ filters: filters('') }).total);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});
