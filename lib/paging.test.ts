import { describe, expect, it } from 'vitest';
import { pageHref, pageWindow, parsePageParam, resolvePage } from './paging';

describe('a page number from the address', () => {
  it('takes plain digits and nothing else', () => {
    expect(parsePageParam(undefined)).toEqual({ page: 1 });
    expect(parsePageParam('2')).toEqual({ page: 2 });
    expect(parsePageParam('1000000')).toEqual({ page: 1_000_000 });
    // What people and crawlers send: signs, spaces, exponents, hex, other scripts' digits,
    // full-width digits, a leading zero, a number past any list, a repeated parameter, an emoji.
    for (const raw of ['', '0', '-1', '+2', ' 2', '2 ', '2.0', '1e3', '0x10', '٣', '３', '02', '99999999', 'Infinity', 'NaN', '2;drop', '2\u0000', '🔢', ['2', '3']]) {
      expect(parsePageParam(raw), JSON.stringify(raw)).toEqual({ invalid: true });
    }
  });

  it('sends every request that is not a page’s one address to the page it meant', () => {
    const at = (raw: string | undefined, total = 60) => {
      const { page, redirect } = resolvePage(raw, total, 25);
      return { page, redirect };
    };
    expect(at(undefined)).toEqual({ page: 1, redirect: false });
    expect(at('2')).toEqual({ page: 2, redirect: false });
    expect(at('3')).toEqual({ page: 3, redirect: false });
    // Past the end: the last page (a list that shrank since the link was made), or the only one.
    expect(at('4')).toEqual({ page: 3, redirect: true });
    expect(at('2', 0)).toEqual({ page: 1, redirect: true });
    // Not a page number, or page 1 by name: the address without the parameter.
    expect(at('abc')).toEqual({ page: 1, redirect: true });
    expect(at('1')).toEqual({ page: 1, redirect: true });
  });
});

describe('the slice a page shows', () => {
  it('counts from 1 and keeps a last, shorter page', () => {
    expect(pageWindow(1, 60, 25)).toEqual({ page: 1, pages: 3, total: 60, size: 25, offset: 0, first: 1, last: 25 });
    expect(pageWindow(3, 60, 25)).toMatchObject({ offset: 50, first: 51, last: 60 });
    expect(pageWindow(2, 50, 25)).toMatchObject({ pages: 2, first: 26, last: 50 });
  });

  it('has one page for an empty list, and never runs past either end', () => {
    expect(pageWindow(1, 0, 25)).toMatchObject({ pages: 1, offset: 0, first: 0, last: 0 });
    expect(pageWindow(9, 60, 25)).toMatchObject({ page: 3, offset: 50 });
    expect(pageWindow(0, 60, 25)).toMatchObject({ page: 1, offset: 0 });
  });
});

describe('the address of a page', () => {
  it('leaves the parameter out on page 1 and keeps the others', () => {
    expect(pageHref('/parties/a', {}, 'page', 1)).toBe('/parties/a');
    expect(pageHref('/parties/a', {}, 'page', 2)).toBe('/parties/a?page=2');
    expect(pageHref('/', { q: 'Ørnebakke & co', page: 7, empty: '' }, 'page', 3)).toBe('/?q=%C3%98rnebakke+%26+co&page=3');
  });
});
