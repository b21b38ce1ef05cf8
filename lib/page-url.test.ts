import { describe, expect, it } from 'vitest';
import { pageUrlVariants, sourceAddress } from './page-url';

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

describe('sourceAddress', () => {
  it('is the same for the same page cited two ways: scheme and host case, default port, fragment, tracking parameters', () => {
    const same = [
      'https://Example.org/a?utm_source=x#top',
      'https://example.org/a',
      ' HTTPS://EXAMPLE.ORG:443/a?fbclid=IwAR0&gclid=Cj0&UTM_Campaign=z ',
      'https://example.org/a?mc_cid=1&msclkid=2#section-2',
      'https://example.org/a?',
    ];
    expect(new Set(same.map(sourceAddress))).toEqual(new Set(['https://example.org/a']));
  });

  it('keeps what may name another page: path case, trailing slash, other parameters in their order and encoding', () => {
    for (const url of ['https://example.org/A', 'https://example.org/a/', 'https://example.org/a?page=2&id=7', 'https://example.org/s?q=a%20b+c&utm=1', 'https://example.org/s?q=utm_source']) {
      expect(sourceAddress(url)).toBe(url);
    }
    expect(sourceAddress('https://example.org/a?page=2&utm_medium=email&id=7#x')).toBe('https://example.org/a?page=2&id=7');
    expect(sourceAddress('http://Example.org:80')).toBe('http://example.org/');
    expect(sourceAddress('http://example.org:8080/a')).toBe('http://example.org:8080/a');
  });
});
