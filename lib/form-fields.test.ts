import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dayValue, fetchUrl as importAddress, httpUrl, optionalDay, optionalHttpUrl, optionalText, requiredText } from './form-fields';
import { createClaimSchema } from '@/app/edit/articles/[id]/(annotate)/schema';
import { withdrawClaimSchema } from '@/app/edit/articles/[id]/(annotate)/lifecycle-schema';
import { responseSchema } from '@/app/edit/claims/[id]/_components/responses-schema';
import { sourceSchema } from '@/app/edit/claims/[id]/_components/sources-schema';
import { partySchema } from '@/app/edit/parties/schema';
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

describe('a required text readers see', () => {
  // A zero-width space, a byte-order mark or a direction mark is not text: a statement, party name,
  // source title or withdrawal note of nothing else showed readers an empty link or an empty reason.
  // Nor are the Hangul fillers, the blank Braille cell, the grapheme joiner or a lone variation
  // selector: each draws nothing, and a name of one showed readers an empty party.
  const invisible = ['\u200b', ' \ufeff ', '\u200e\u200f', '\u00ad\u2060', '\u3164', '\u115f\u1160', '\uffa0', '\u2800', '\u034f', '\ufe0f'];
  const cases = [
    [createClaimSchema, 'statement', 'Write the claim as a statement.'],
    [partySchema, 'name', 'Give the party a name.'],
    [sourceSchema, 'title', 'Give the source a title.'],
    [withdrawClaimSchema, 'note', 'Tell readers why the claim was withdrawn.'],
  ] as const;

  it.each(cases)('%#: is refused with its message when it holds no visible character', (schema, field, message) => {
    for (const value of invisible) {
      const issues = (schema as z.ZodType).safeParse({ [field]: value }).error?.issues.filter((i) => i.path[0] === field);
      expect(issues?.map((i) => i.message), JSON.stringify(value)).toEqual([message]);
    }
    expect((schema as z.ZodType).safeParse({ [field]: '\u200bHarbour board' }).error?.issues.filter((i) => i.path[0] === field) ?? []).toEqual([]);
  });

  it('keeps its length limit and message', () => {
    expect(requiredText(5, 'Name it.').safeParse('Harbours').error?.issues.map((i) => i.message)).toEqual(['At most 5 characters.']);
    expect(requiredText(2000, 'Name it.').safeParse('x'.repeat(2001)).error?.issues.map((i) => i.message)).toEqual(['At most 2,000 characters.']);
  });
});

describe('an optional text', () => {
  // "Or a new party" holding only a zero-width space made a party with an invisible name; a headline
  // of one stored an article whose link on the home page showed nothing.
  it('with no visible character is empty', () => {
    for (const value of ['\u200b', ' \ufeff\u200e ']) expect(optionalText(200).parse(value), JSON.stringify(value)).toBe('');
    expect(optionalText(200).parse(' \u200bHarbour ')).toBe('\u200bHarbour');
    expect(optionalText(3).safeParse('Harbour').error?.issues.map((i) => i.message)).toEqual(['At most 3 characters.']);
  });

  it('so a response naming a new party of nothing asks for a party, and a new claimant of nothing is none', () => {
    const response = responseSchema.safeParse({ claimId: '1', partyId: '', newPartyName: '\u200b', stance: 'disputes', quote: '', respondedAt: '', sourceUrl: '', requestedAt: '', deadlineAt: '' });
    expect(response.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['partyId', 'Choose a party, or type the name of a new one.']]);
    expect(createClaimSchema.safeParse({ articleId: '1', start: '0', end: '5', exact: 'Tides', newPartyName: '\u200b\u200d' }).data?.newParty).toBeNull();
    expect(newArticleSchema.safeParse({ mode: 'text', text: 'Tides.', title: '\u200b' }).data?.title).toBe('');
  });
});
