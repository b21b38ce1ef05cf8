import { describe, expect, it } from 'vitest';
import { dayValue, fetchUrl as importAddress, httpUrl, optionalDay, optionalHttpUrl } from './form-fields';
import { newArticleSchema } from '@/app/edit/articles/new/schema';
import { importSchema } from '@/app/edit/external-reviews/schema';

describe('form fields', () => {
  it.each(['https://stats.example.org/a?b=1', 'http://example.com', ' https://example.com/path#x '])('accepts the web address %s', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(true);
  });

  it.each(['https://www.bürgerbüro-köln.example/sitzung?datum=2026-03-02', 'https://пример.рф/путь', 'https://例子.中国/页面'])(
    'accepts the address of a site named in its own script: %s',
    (url) => {
      expect(httpUrl.parse(url)).toBe(url);
      expect(optionalHttpUrl.parse(url)).toBe(url);
    },
  );

  it.each(['http://192.168.0.1/admin', 'http://[::1]/x', 'http://localhost:3000/', 'https://exa mple.com', 'https://-bad-.example/'])('refuses %j as a source address', (url) => {
    expect(httpUrl.safeParse(url).error?.issues.map((i) => i.message)).toEqual(['Enter a web address starting with http:// or https://.']);
  });

  it.each(['', 'example.com', 'javascript:alert(1)', 'ftp://example.com/file', 'data:text/html,hi', 'https://', 'file:///etc/passwd'])(
    'refuses %j as a web address',
    (url) => {
      expect(httpUrl.safeParse(url).success).toBe(false);
    },
  );

  it('says what is wrong with an optional address too, never just "Invalid input"', () => {
    expect(optionalHttpUrl.safeParse('ftp://archive.example.org/x').error?.issues.map((i) => i.message)).toEqual([
      'Enter a web address starting with http:// or https://.',
    ]);
    expect(optionalHttpUrl.parse('  https://archive.example.org/x ')).toBe('https://archive.example.org/x');
    expect(optionalHttpUrl.parse('   ')).toBeNull();
    const canonical = newArticleSchema.safeParse({ mode: 'text', text: 'The ferry sailed.', canonicalUrl: 'courier.example/ferry' });
    expect(canonical.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['canonicalUrl', 'Enter a web address starting with http:// or https://.']]);
  });

  // One address check for every address readers are sent to: the new article's canonical address had
  // one of its own, which took an IP address or a broken host name and linked readers to it.
  it.each(['http://192.168.0.1/ferry', 'http://[::1]/x', 'https://-bad-.example/', 'http://localhost:3000/'])(
    'refuses %j as a new article’s canonical address, as for a source',
    (url) => {
      const canonical = newArticleSchema.safeParse({ mode: 'text', text: 'The ferry sailed.', canonicalUrl: url });
      expect(canonical.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['canonicalUrl', 'Enter a web address starting with http:// or https://.']]);
    },
  );

  it('takes an address to import from with an IP address or a local name: the fetcher says why it will not fetch a private one', () => {
    for (const url of ['http://203.0.113.9/feed.json', 'http://192.168.0.1/article', 'http://localhost:3000/']) {
      expect(newArticleSchema.parse({ mode: 'url', url }).mode).toBe('url');
      expect(importSchema.parse({ mode: 'url', url: ` ${url} ` })).toEqual({ mode: 'url', url });
    }
    expect(newArticleSchema.safeParse({ mode: 'url', url: 'courier.example/ferry' }).error?.issues.map((i) => i.message)).toEqual([
      'Enter a web address starting with http:// or https://.',
    ]);
  });

  it('turns empty optional fields into null', () => {
    expect(optionalHttpUrl.parse('')).toBeNull();
    expect(optionalDay.parse('')).toBeNull();
  });

  it('reads a day as UTC midnight and writes it back the same', () => {
    const date = optionalDay.parse('2026-02-28');
    expect(date).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(dayValue(date)).toBe('2026-02-28');
    expect(optionalDay.safeParse('2026-02-30').success).toBe(false);
    expect(optionalDay.safeParse('28/02/2026').success).toBe(false);
  });

  it('says how long a too long address is, and what to do, instead of a bare limit', () => {
    // A search engine's redirect link, as editors copy it from the results page.
    const redirect = `https://search.example.com/url?q=https%3A%2F%2Fstats.example.org%2Freport&usg=${'AOvVaw3'.repeat(400)}`;
    for (const schema of [httpUrl, optionalHttpUrl, importAddress]) {
      const result = schema.safeParse(redirect);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        `This address is ${redirect.length.toLocaleString('en')} characters long; the limit is 2,000. Links copied from a search result or an e-mail carry tracking after the “?”: open the link and copy the page’s own address, or remove that part.`,
      ]);
    }
    const path = `https://archive.example.org/${'a'.repeat(2100)}`;
    expect(httpUrl.safeParse(path).error?.issues[0]?.message).toMatch(/^This address is 2,128 characters long; the limit is 2,000\. Open the page/);
    expect(httpUrl.safeParse(`https://stats.example.org/${'a'.repeat(1974)}`).success).toBe(true);
  });

  it('refuses a value that is not text with field errors, never throwing (a posted form read into an object)', () => {
    // zod still runs the length check on an object with a `length`: the message must not read it as an address.
    const posted = Object.assign(Object.create(null) as Record<string, unknown>, { length: 'http://127.0.0.1/' });
    for (const schema of [httpUrl, importAddress]) {
      const result = schema.safeParse(posted);
      expect(result.success).toBe(false);
      expect(result.error?.issues.length).toBeGreaterThan(0);
    }
  });
});
