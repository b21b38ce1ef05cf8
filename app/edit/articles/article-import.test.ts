import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { htmlToArticle } from '@/lib/server/html-to-text';
import { checkedBody, checkedPublicationDate } from './article-import';
import { newArticleSchema } from './new/schema';

const page = (published: string) => `<!doctype html><html><head><title>Tide tables | Estuary Post</title>
<meta property="article:published_time" content="${published}"></head>
<body><article><h1>Tide tables move online</h1><p>The harbour office will publish its tide tables online only from January, it said.</p>
<p>Printed copies stay at the library.</p></article></body></html>`;

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors;
    throw error;
  }
  return null;
}

describe('a new article’s publication date', () => {
  it('comes from the imported page when it is a real date', () => {
    expect(checkedPublicationDate(htmlToArticle(page('2026-10-02T08:00:00Z')).publishedAt)?.toISOString()).toBe('2026-10-02T08:00:00.000Z');
  });

  it('from a page dated 99999-01-01 is refused beside the date field, for the editor to enter', () => {
    const errors = errorOf(() => checkedPublicationDate(htmlToArticle(page('99999-01-01')).publishedAt));
    expect(errors).toEqual({ publishedAt: [expect.stringContaining('“99999-01-01”')] });
  });

  it('is simply absent when the page gives none, or words instead of a date', () => {
    expect(checkedPublicationDate(htmlToArticle(page('')).publishedAt)).toBeNull();
    expect(checkedPublicationDate(htmlToArticle(page('last Tuesday')).publishedAt)).toBeNull();
  });

  it('typed in the form must lie between 1800 and today', () => {
    const form = { mode: 'text', title: 'Tide tables', text: 'Text.' };
    expect(newArticleSchema.safeParse({ ...form, publishedAt: '2026-01-31' }).success).toBe(true);
    for (const publishedAt of ['0001-01-01', '1799-12-31', '9999-12-31']) {
      const result = newArticleSchema.safeParse({ ...form, publishedAt });
      expect(result.success, publishedAt).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message]), publishedAt).toEqual([
        ['publishedAt', 'Enter a publication date between 1 Jan 1800 and today.'],
      ]);
    }
  });
});

describe('a new article’s text', () => {
  // A paste of blank lines with a zero-width space, a byte-order mark or a direction mark in them
  // (left behind by an empty element copied from a page) was stored as an article nobody can see.
  const invisible = ['  \n\n \u200b \n', '\ufeff\u200d', '\u200e\n\u00ad\n\u2060'];

  it('pasted with no visible character is refused beside the text, as an empty one is', () => {
    for (const text of ['', ...invisible]) {
      const result = newArticleSchema.safeParse({ mode: 'text', title: 'Tide tables', text });
      expect(result.success, JSON.stringify(text)).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['text', 'Paste the article text.']]);
    }
    expect(newArticleSchema.safeParse({ mode: 'text', title: 'Tide tables', text: '\u200bTides.' }).success).toBe(true);
  });

  it('extracted from a page with no visible character is refused beside the field it came from', () => {
    for (const body of invisible) expect(errorOf(() => checkedBody('html', body))).toEqual({ html: ['No article text was found there.'] });
  });
});
