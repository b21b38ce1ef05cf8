// Articles as they arrive from a newsroom's clipboard, for the intake tests (vitest and
// Playwright): copied from web pages with their furniture, in several scripts, and large.
// Every word is invented for these tests.

import { utf8Length } from '../limits';

/** The article proper of WIRE_PASTE: what is stored once the page furniture is removed. */
export const WIRE_BODY = [
  'Harbour authority says dredging will finish by June',
  'By Maren Ostrova',
  'Updated 14 March 2026, 09:41',
  'The Kestrel Bay harbour authority said on Thursday that dredging of the main channel would be “complete by the end of June”, two months later than it promised last year.',
  'Its chief executive, Tomas Ferreira-Lund, told councillors the delay was caused by “unexpectedly hard clay” under the outer berth. He said the cost would stay within the £14 million budget.',
  'Fishing crews disputed that. “They’ve said June before,” said Aileen Brody, who skippers a trawler out of the bay. “We’ve lost two seasons already.”',
  'Advertisement',
  'The authority’s own board papers, published in February, put the remaining work at 38 per cent of the channel.',
  'Reporting by Maren Ostrova; editing by Jo Kettle',
];

/** Wire-style text copied from a news page: one line break per paragraph, curly quotes, furniture at both ends. */
export const WIRE_PASTE = [
  'Skip to main content',
  'Menu',
  ...WIRE_BODY.slice(0, 3),
  'Share this article',
  '5 min read',
  ...WIRE_BODY.slice(3),
  'Read more: Ferry timetable cut to four crossings a day',
  'Sign up for our newsletter',
  'Comments',
  '© 2026 Kestrel Bay Courier',
].join('\r\n');

/** The lines of WIRE_PASTE the intake should offer for removal (the in-body "Advertisement" marker included). */
export const WIRE_CHROME = [
  'Skip to main content',
  'Menu',
  'Share this article',
  '5 min read',
  'Advertisement',
  'Read more: Ferry timetable cut to four crossings a day',
  'Sign up for our newsletter',
  'Comments',
  '© 2026 Kestrel Bay Courier',
];

/** A right-to-left article (Arabic), copied with one line break per paragraph and a furniture line at the end. */
export const ARABIC_PASTE = [
  'المجلس البلدي يعد بفتح الجسر الجديد قبل الصيف',
  'قال رئيس المجلس البلدي يوم الثلاثاء إن الجسر الجديد فوق النهر «سيفتح أمام السيارات قبل بداية الصيف»، بعد تأخير دام ثمانية أشهر.',
  'وأضاف أن تكلفة المشروع بلغت ٤٢ مليون دينار، أي أقل من الميزانية المعتمدة بمليوني دينار.',
  'لكن مهندسة في الشركة المنفذة قالت إن أعمال الطلاء لم تبدأ بعد.',
  'Comments',
].join('\n');

/** A local-news paste with emoji, flags and skin tones (surrogate pairs and joiners), blank-line paragraphs. */
export const EMOJI_PASTE = [
  'Bakery’s 🥐 record: 12,000 croissants in a day, owner says',
  'The owner of Flour & Tide 🌊 said the shop sold “12,000 croissants 🥐🥐 in one Saturday” — a figure neighbours doubt 🤔.',
  'A regular, who gave her name as Priya 👩🏽‍🍳, said the queue “went round the block twice 🇬🇧”.',
  'Share on Facebook',
].join('\n\n');

/** `chars` characters of Chinese text in paragraphs of about 120 characters, one line break apart. */
export function cjkArticle(chars: number): string {
  const sentence = '市议会周二表示，新渡轮航线将于明年春季开通，每天往返六次，票价保持不变。';
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = `第${i + 1}段：${sentence.repeat(3)}`;
    paragraphs.push(p);
    length += p.length + 1;
  }
  return paragraphs.join('\n').slice(0, chars);
}

/**
 * A news page's HTML of about `bytes` bytes, as a browser's "view source" gives it: the
 * article in an <article> among navigation, a cookie banner, inline scripts and styles
 * that make up most of the weight, and a comments section.
 */
export function heavyNewsPage(bytes: number, paragraphs: readonly string[] = WIRE_BODY.slice(3, 6)): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour dredging to finish by June | Kestrel Bay Courier</title>
<meta property="og:site_name" content="Kestrel Bay Courier"><meta property="article:published_time" content="2026-03-14T09:41:00Z">
<style>${'.nav a{color:#123;margin:0 4px}.teaser{display:grid;gap:8px}'.repeat(200)}</style></head>
<body><div class="cookie">We use cookies <button>Accept all cookies</button></div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour authority says dredging will finish by June</h1><p class="byline">By Maren Ostrova</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<aside>Advertisement</aside></article>
<section class="comments"><h2>Comments</h2><p>Be the first to comment.</p></section>`;
  const filler: string[] = [];
  let size = utf8Length(head);
  for (let i = 0; size < bytes - 200; i++) {
    const chunk = `<script>window.__analytics_${i}=${JSON.stringify({ id: i, slot: `teaser-${i}`, weights: [0.1, 0.2, 0.3, 0.4] })};</script>\n`;
    filler.push(chunk);
    size += chunk.length;
  }
  return `${head}\n${filler.join('')}</body></html>`;
}
