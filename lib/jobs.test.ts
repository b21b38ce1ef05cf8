import { describe, expect, it } from 'vitest';
import { isFetchableUrl } from './jobs';

describe('isFetchableUrl', () => {
  it.each([
    ['https://records.example/matrix/1', false],
    ['https://Harbour-Authority.EXAMPLE./report', false],
    ['http://demo.test:8080/a', false],
    ['https://localhost/admin', false],
    ['https://gazette.invalid/2026/11/30/quay', false],
    ['javascript:alert(1)//https://news.example.net/', false],
    ['mailto:desk@news.example.net', false],
    ['not an address at all', false],
    ['', false],
    // Reserved second-level names under real top-level domains are the test site's (CLAIMLINE_FETCH_TEST_HOSTS).
    ['http://fixture.example.net:3202/harbour', true],
    ['https://www.bbc.co.uk/news/uk-12345678', true],
    ['https://xn--bcher-kva.de/über?q=“quay”', true],
    ['http://[2606:4700::1111]/', true],
  ])('%s: %s', (url, fetchable) => {
    expect(isFetchableUrl(url)).toBe(fetchable);
  });
});
