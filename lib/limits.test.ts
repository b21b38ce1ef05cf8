import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_HTML, ARTICLE_HTML_BYTES, ARTICLE_TEXT, ARTICLE_TEXT_CHARS, SERVER_ACTION_BODY_BYTES, overLimit, utf8Length } from './limits';
import { cjkArticle, heavyNewsPage } from './testing/messy-articles';

const nextConfig = createRequire(import.meta.url)('../next.config.js') as {
  experimental: { serverActions: { bodySizeLimit: number }; proxyClientMaxBodySize?: number };
};

/** The bytes a browser sends for these form fields (multipart/form-data, as a server action posts them). */
const posted = async (fields: Record<string, string>) => {
  const form = new FormData();
  form.set('$ACTION_ID_0123456789abcdef0123456789abcdef01234567', '');
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return (await new Response(form).arrayBuffer()).byteLength;
};

const metadata = { title: 'T'.repeat(300), outlet: 'O'.repeat(200), author: 'A'.repeat(200), publishedAt: '2026-03-14', canonicalUrl: `https://example.com/${'p'.repeat(1980)}` };

describe('size limits', () => {
  it('counts UTF-8 bytes as TextEncoder writes them', () => {
    const encoder = new TextEncoder();
    // ASCII, 2-, 3- and 4-byte characters, a joined emoji, and lone surrogates (written as U+FFFD, 3 bytes).
    const unit = fc.constantFrom('a', '\n', 'é', 'ع', '市', '😀', '👩🏽‍🍳', '\ud800', '\udc00');
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
      expect(utf8Length(text)).toBe(encoder.encode(text).length);
    }));
    expect(utf8Length('市')).toBe(3);
    expect(utf8Length('👩🏽‍🍳')).toBe(15);
  });

  it('names the limit a person can act on', () => {
    expect(overLimit('a'.repeat(ARTICLE_TEXT_CHARS), ARTICLE_TEXT)).toBeNull();
    expect(overLimit('a'.repeat(ARTICLE_TEXT_CHARS + 1), ARTICLE_TEXT)).toBe(
      'The text is 500,001 characters long; the limit is 500,000. Remove what is not part of the article, or split it.',
    );
    // 400,000 CJK characters are 1.2 MB, inside both limits.
    expect(overLimit(cjkArticle(400_000), ARTICLE_TEXT)).toBeNull();
    expect(overLimit(heavyNewsPage(2_000_000), ARTICLE_HTML)).toBeNull();
    expect(overLimit('市'.repeat(ARTICLE_HTML_BYTES / 3 + 1), ARTICLE_HTML)).toMatch(/^This is 5 MB; the limit is 5 MB/);
    expect(overLimit('<p>x</p>'.repeat(700_000), ARTICLE_HTML)).toMatch(/^This is 5.6 MB; the limit is 5 MB/);
  });

  it('lets Next accept the largest form any field limit allows, so no form reaches its "Body exceeded" page', async () => {
    const limit = nextConfig.experimental.serverActions.bodySizeLimit;
    expect(limit).toBe(SERVER_ACTION_BODY_BYTES);
    // The worst case of the text limit: every character 3 bytes (CJK), or line breaks sent as CRLF.
    expect(await posted({ mode: 'text', text: '市'.repeat(ARTICLE_TEXT_CHARS), paragraphs: 'line', ...metadata })).toBeLessThanOrEqual(limit);
    expect(await posted({ mode: 'text', articleId: '1', body: '\n'.repeat(ARTICLE_TEXT_CHARS) })).toBeLessThanOrEqual(limit);
    expect(await posted({ mode: 'html', html: 'x'.repeat(ARTICLE_HTML_BYTES), ...metadata })).toBeLessThanOrEqual(limit);
    // proxy.ts buffers request bodies up to proxyClientMaxBodySize (10 MB unless set): past it an action would get a cut body.
    expect(limit).toBeLessThan(nextConfig.experimental.proxyClientMaxBodySize ?? 10 * 1024 * 1024);
  });
});
