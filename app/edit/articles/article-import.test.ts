import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { htmlToArticle } from '@/lib/server/html-to-text';
import { checkedPublicationDate } from './article-import';
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
