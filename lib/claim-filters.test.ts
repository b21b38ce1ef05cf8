import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, filterQuery, parseClaimFilters, snippetParts } from './claim-filters';

const parse = (query: string, strict = false) => parseClaimFilters(new URLSearchParams(query), { strict });

describe('claim filters', () => {
  it('reads a plain GET form, treating empty fields as absent', () => {
    const result = parse('q=bus+lanes&status=disputed&status=false&party=&outlet=&from=2026-01-01&to=&sort=');
    expect(result).toEqual({
      ok: true,
      filters: { q: 'bus lanes', status: ['disputed', 'false'], from: '2026-01-01', sort: 'relevance', limit: 20 },
    });
  });

  it('sorts by last update when there is no search', () => {
    expect(parse('')).toEqual({ ok: true, filters: { sort: 'updated', limit: 20 } });
  });

  it('names each bad parameter', () => {
    const result = parse('status=maybe&from=2026-02-31&limit=500&sort=random');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['from', 'limit', 'sort', 'status']);
    expect(parse('from=2026-02-31&to=31.05.2026')).toEqual({ ok: false, errors: { from: 'Not a real date.', to: 'Use a date like 2026-05-31.' } });
  });

  it('refuses unknown parameters only when strict', () => {
    expect(parse('utm_source=x').ok).toBe(true);
    expect(parse('utm_source=x', true)).toEqual({ ok: false, errors: { utm_source: 'Unknown parameter.' } });
  });

  it('takes prototype names for unknown parameters, never for known ones', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(parse(`${name}=1`, true), name).toEqual({ ok: false, errors: { [name]: 'Unknown parameter.' } });
      expect(parse(`${name}=1`), name).toEqual({ ok: true, filters: { sort: 'updated', limit: 20 } });
    }
  });

  it('refuses an undecodable cursor when strict; a page starts again at page 1', () => {
    expect(parse('cursor=AAAA', true)).toEqual({ ok: false, errors: { cursor: 'Use the cursor from the previous page.' } });
    expect(parse('cursor=AAAA&status=false')).toEqual({ ok: true, filters: { status: ['false'], sort: 'updated', limit: 20 } });
    const cursor = encodeCursor({ key: 5, id: 2 });
    expect(parse(`cursor=${cursor}`, true)).toEqual({ ok: true, filters: { cursor, sort: 'updated', limit: 20 } });
  });

  it('refuses a range that ends before it starts', () => {
    expect(parse('from=2026-05-02&to=2026-05-01')).toEqual({ ok: false, errors: { to: 'Must not be before “from”.' } });
  });

  it('round-trips cursors and rejects forged ones', () => {
    expect(decodeCursor(encodeCursor({ key: -1.25, id: 7 }))).toEqual({ key: -1.25, id: 7 });
    expect(decodeCursor('bm90IGpzb24')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,-2]').toString('base64url'))).toBeNull();
  });

  it('writes filters back into a query string', () => {
    expect(filterQuery({ q: 'jobs', status: ['confirmed'], sort: 'newest' }, { cursor: 'abc' })).toBe(
      '?q=jobs&status=confirmed&sort=newest&cursor=abc',
    );
  });
});

describe('search snippets', () => {
  it('split into plain and matched parts', () => {
    expect(snippetParts('…the \uE000bus\uE001 \uE000lanes\uE001 had')).toEqual([
      { text: '…the ', match: false },
      { text: 'bus', match: true },
      { text: ' ', match: false },
      { text: 'lanes', match: true },
      { text: ' had', match: false },
    ]);
  });
});
