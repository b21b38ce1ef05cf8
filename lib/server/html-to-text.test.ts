import { describe, expect, it } from 'vitest';
import { WIRE_BODY, heavyNewsPage } from '@/lib/testing/messy-articles';
import { htmlToArticle } from './html-to-text';

const page = `<!doctype html><html><head><title>Harbour fees to rise | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="article:published_time" content="2026-10-02T08:00:00Z">
<style>p { color: red }</style><script>window.alert('x')</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><h1>The Harbour Ledger</h1></header>
<article><h1>Harbour fees to rise by a tenth</h1>
<p class="byline">By Ines Calder</p>
<p>The port authority said on Tuesday that berthing fees would rise by 10 per cent in January, the first increase since 2019.</p>
<p>Fishing crews say the rise will cost a typical trawler &pound;4,000 a year. “We were not consulted,” said Bram Oyelaran, who skippers the <em>Morning Gull</em>.</p>
<p>The authority says the money will pay for dredging the inner basin, which has silted up faster than expected since the storms of last winter.</p>
<script>document.write('ad')</script>
<ul><li>Fees rise 10% in January</li><li>First rise since 2019</li></ul>
</article>
<aside>Most read: cats</aside><footer>© The Harbour Ledger</footer></body></html>`;

describe('htmlToArticle', () => {
  it('keeps the article text as paragraphs and drops scripts, styles and navigation', () => {
    const article = htmlToArticle(page);
    expect(article.body).toContain('berthing fees would rise by 10 per cent in January');
    expect(article.body).toContain('“We were not consulted,” said Bram Oyelaran, who skippers the Morning Gull.');
    expect(article.body).toContain('£4,000');
    expect(article.body).not.toMatch(/alert|document\.write|color: red|Most read|Home News/);
    const paragraphs = article.body.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(paragraphs).toContain('Fees rise 10% in January');
    expect(article.publishedAt).toBe('2026-10-02T08:00:00Z');
    expect(article.title).toMatch(/Harbour fees to rise/);
  });

  it('falls back to the page text for short documents', () => {
    const article = htmlToArticle('<p>Only one sentence here.</p><script>x()</script>');
    expect(article.body).toBe('Only one sentence here.');
  });

  it('returns an empty body for a page without text', () => {
    expect(htmlToArticle('<html><body><script>1</script></body></html>').body).toBe('');
  });

  it('drops controls and non-characters written as character references or raw, in the text and the metadata', () => {
    const hostile = `<html><head><title>Ferry&#1; fares&#xFFFE; frozen\u0008</title>
<meta property="og:site_name" content="Quay&#x1b; Post&#xFDD0;">
<meta property="article:published_time" content="2026-03-01&#0;">
</head><body><article><h1>Ferry fares frozen</h1>
<p>The council&#x7f; froze ferry fares&#xFFFF; for a year, &#x85;its leader said on Monday at the quayside meeting that ran late into the evening.</p>
<p>Commuters&#xD800; welcomed the freeze, but the operator warned of cuts to the winter timetable if the subsidy did not rise.</p>
</article></body></html>`;
    const article = htmlToArticle(hostile);
    for (const value of Object.values(article)) expect(value).not.toMatch(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udfff]/);
    expect(article.body).toContain('The council froze ferry fares for a year,');
    expect(article.title).toBe('Ferry fares frozen');
    expect(article.siteName).toBe('Quay Post');
  });

  it('finds the article in a 2 MB page that is mostly inline scripts, and keeps script-like text that is not a script', () => {
    const heavy = htmlToArticle(heavyNewsPage(2_000_000));
    for (const paragraph of WIRE_BODY.slice(3, 6)) expect(heavy.body).toContain(paragraph.slice(0, 60));
    expect(heavy.body).not.toMatch(/__analytics|cookies/);
    expect(heavy.title).toMatch(/Harbour dredging/);

    const tricky = htmlToArticle(`<article><h1>Tags</h1><p title="<script>">Editors write &lt;script&gt; when they mean the tag, and the text after it stays.</p>
<p>A second paragraph <noscript>never shown</noscript>follows the first one without losing a word of its own.</p></article>`);
    expect(tricky.body).toContain('Editors write <script> when they mean the tag, and the text after it stays.');
    expect(tricky.body).toContain('A second paragraph follows the first one');
  });
});
