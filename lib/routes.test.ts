import { describe, expect, it } from 'vitest';
import { claimIdFromReference, claimPath, externalHref } from './routes';

describe('externalHref', () => {
  it('links http and https addresses as they are', () => {
    expect(externalHref('https://records.example/report?id=4#p2')).toBe('https://records.example/report?id=4#p2');
    expect(externalHref('http://news.example/a')).toBe('http://news.example/a');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    '/relative',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(externalHref(url)).toBeUndefined();
  });
});

describe('claimPath', () => {
  it('is the id and the slug', () => {
    expect(claimPath({ id: 42, slug: 'ferry-fares-rose-by-40-per-cent' })).toBe('/claims/42/ferry-fares-rose-by-40-per-cent');
  });

  it('never names one of the claim’s own routes, so a claim whose statement slugs to one stays reachable', () => {
    expect(claimPath({ id: 7, slug: 'card' })).toBe('/claims/7/card-claim');
    expect(claimPath({ id: 7, slug: 'archive' })).toBe('/claims/7/archive-claim');
    expect(claimPath({ id: 7, slug: 'card-game' })).toBe('/claims/7/card-game');
  });
});

describe('claimIdFromReference', () => {
  const site = 'https://claims.example';
  it.each([
    ['42', 42],
    [' #42 ', 42],
    ['https://claims.example/claims/42/ferry-fares-rose', 42],
    ['http://claims.example/claims/42', 42],
    ['https://claims.example/claims/42/ferry-fares-rose?utm_source=mail#history', 42],
    ['https://claims.example/edit/claims/42', 42],
    ['/claims/42/ferry-fares-rose', 42],
  ])('reads %j as claim %i', (text, id) => {
    expect(claimIdFromReference(text, site)).toBe(id);
  });

  it.each([
    '',
    '0',
    '-4',
    '4.5',
    '99999999999999999999',
    'https://other.example/claims/42/x',
    'https://claims.example/articles/ferry-report',
    'https://claims.example/claims/42/card/extra',
    'javascript:alert(1)//claims/42',
    'forty-two',
    '٤٢',
  ])('refuses %j', (text) => {
    expect(claimIdFromReference(text, site)).toBeNull();
  });
});
