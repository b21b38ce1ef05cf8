import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { invalidate, tags } from './cache';
import { readerPageCaching } from './page-cache';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

const get = (path: string, headers: Record<string, string> = {}) =>
  readerPageCaching(new Request(`http://localhost${path}`, { headers }));

describe('reader page caching', () => {
  it('covers reader pages only', () => {
    for (const path of ['/', '/claims', '/claims/3', '/claims/3/some-slug', '/articles/a', '/parties/p']) {
      expect(get(path), path).not.toBeNull();
    }
    for (const path of ['/edit', '/edit/articles/1', '/api/v1/claims', '/claims/3/badge.svg', '/feeds/claims.atom', '/claims/3/feed.atom']) {
      expect(get(path), path).toBeNull();
    }
    expect(get('/claims/3', { rsc: '1' })).toBeNull();
    expect(get('/claims/3', { cookie: '__Host-claimline.session_token=abc' })).toBeNull();
  });

  it('answers 304 for the current ETag until something is invalidated', () => {
    const first = get('/claims/3')!;
    expect(first.headers['Cache-Control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(get('/claims/3', { 'if-none-match': first.headers.ETag! })!.notModified).toBe(true);
    invalidate([tags.claim(3)]);
    expect(get('/claims/3', { 'if-none-match': first.headers.ETag! })!.notModified).toBe(false);
  });
});
