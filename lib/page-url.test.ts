import { describe, expect, it } from 'vitest';
import { pageUrlVariants } from './page-url';

describe('pageUrlVariants', () => {
  it('lists the address as given first, then its usual spellings', () => {
    const variants = pageUrlVariants('https://www.harbour-herald.example/news/ferry-fares/?utm_source=feed&page=2#comments')!;
    expect(variants[0]).toBe('https://www.harbour-herald.example/news/ferry-fares/?page=2');
    expect(variants).toContain('https://harbour-herald.example/news/ferry-fares?page=2');
    expect(variants).toContain('http://www.harbour-herald.example/news/ferry-fares/?page=2');
    expect(variants).toHaveLength(8);
    expect(variants.every((v) => !v.includes('utm_') && !v.includes('#'))).toBe(true);
  });

  it('keeps the port and a site root', () => {
    expect(pageUrlVariants('http://127.0.0.1:3402/')).toEqual(
      expect.arrayContaining(['http://127.0.0.1:3402/', 'https://127.0.0.1:3402/', 'http://www.127.0.0.1:3402/']),
    );
  });

  it('refuses what is not a web page address', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.com/a', 'not a url', '', 'data:text/html,hi']) {
      expect(pageUrlVariants(bad)).toBeNull();
    }
  });
});
