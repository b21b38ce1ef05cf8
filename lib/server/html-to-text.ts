import 'server-only';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { normalizeBody, normalizeLine, safeText } from '@/lib/text';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';
const NOISE = 'script, style, noscript, template, iframe, nav, header, footer, aside, form, button, svg, [hidden], [aria-hidden="true"]';

/** Elements that never hold article text and make up most of a heavy page's weight. */
const INERT = new Set(['script', 'style', 'noscript', 'template']);

type ParsedNode = DefaultTreeAdapterMap['node'];

function dropInert(node: ParsedNode): void {
  if (!('childNodes' in node)) return;
  node.childNodes = node.childNodes.filter((child) => !('tagName' in child && INERT.has(child.tagName)));
  node.childNodes.forEach(dropInert);
}

/**
 * The page's HTML without scripts, styles and templates. They are dropped from parse5's plain
 * tree before jsdom sees the page: removing 20,000 inline scripts through jsdom's DOM, or letting
 * Readability do it, took over 20 s on a 2 MB page, during which the server answered no one;
 * parsed, pruned and serialised here it takes about a second (docs/intake.md).
 */
function withoutInert(html: string): string {
  const tree = parse(html);
  dropInert(tree);
  return serialize(tree);
}

export type ExtractedArticle = { title: string; byline: string; siteName: string; publishedAt: string; body: string };

/** Paragraph text of the block elements under `root`, one paragraph per innermost block. */
function blockText(root: Element): string {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const paragraphs = (blocks.length ? blocks : [root]).map((el) => normalizeLine(el.textContent ?? '')).filter(Boolean);
  return normalizeBody(paragraphs.join('\n\n'));
}

/**
 * Turns an article's HTML into Claimline's plain text: the main content found
 * by Mozilla's Readability (navigation, scripts, styles and ads dropped), one
 * paragraph per block, NFC with blank lines between paragraphs. No script runs
 * and nothing is loaded: jsdom only parses.
 */
export function htmlToArticle(html: string, url?: string): ExtractedArticle {
  const dom = new JSDOM(withoutInert(html), { url: url ?? 'https://example.invalid/' });
  const doc = dom.window.document;
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
  const publishedAt = meta('meta[property="article:published_time"]') || meta('meta[name="date"]') || doc.querySelector('time[datetime]')?.getAttribute('datetime') || '';
  const parsed = new Readability(doc.cloneNode(true) as Document, { keepClasses: false }).parse();
  let body = '';
  if (parsed?.content) {
    const content = new JSDOM(parsed.content).window.document.body;
    body = blockText(content);
  }
  if (!body) {
    doc.querySelectorAll(NOISE).forEach((el) => el.remove());
    body = blockText(doc.body ?? doc.documentElement);
  }
  dom.window.close();
  return {
    title: normalizeLine(parsed?.title || doc.title || ''),
    byline: normalizeLine(parsed?.byline ?? ''),
    siteName: normalizeLine(parsed?.siteName || meta('meta[property="og:site_name"]')),
    publishedAt: safeText(publishedAt),
    body,
  };
}
