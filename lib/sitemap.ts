/** Sitemaps (sitemaps.org protocol 0.9): the files' names, their limits and their XML. */

/** The most URLs one sitemap file may list; the protocol's other limit, 50 MB, is far off (see MAX_ENTRY_BYTES). */
export const SITEMAP_MAX_URLS = 50_000;
/** The protocol's size limit for one file, uncompressed. */
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;

/** Kinds of reader page listed a file per SITEMAP_MAX_URLS; `pages` is the fixed pages and policy pages, in one file. */
export const SITEMAP_KINDS = ['claims', 'articles', 'parties'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];
export type SitemapFile = { kind: 'pages' } | { kind: SitemapKind; page: number };

export type SitemapEntry = { loc: string; lastmod?: Date | null };

/** The path of a sitemap file (under the site), as the index lists it. */
export const sitemapPath = (file: SitemapFile) => (file.kind === 'pages' ? '/sitemaps/pages.xml' : `/sitemaps/${file.kind}-${file.page}.xml`);

/** The files that list `counts` rows of each kind: pages.xml, then each kind's files (none for a kind with no rows). */
export function sitemapFiles(counts: Record<SitemapKind, number>): SitemapFile[] {
  return [
    { kind: 'pages' },
    ...SITEMAP_KINDS.flatMap((kind) => Array.from({ length: Math.ceil(counts[kind] / SITEMAP_MAX_URLS) }, (_, i) => ({ kind, page: i + 1 }))),
  ];
}

/** The sitemap file a `/sitemaps/<name>` address names, or null (the route answers 404). */
export function parseSitemapFile(name: string): SitemapFile | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const match = /^(claims|articles|parties)-([1-9]\d{0,5})\.xml$/.exec(name);
  return match ? { kind: match[1] as SitemapKind, page: Number(match[2]) } : null;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

// W3C Datetime (the protocol's lastmod): an ISO 8601 instant in UTC, seconds included.
const w3cDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function entryXml(tag: 'url' | 'sitemap', entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${w3cDate(entry.lastmod)}</lastmod>` : '';
  return `<${tag}><loc>${escapeXml(entry.loc)}</loc>${lastmod}</${tag}>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** A sitemap: at most SITEMAP_MAX_URLS absolute URLs, with their last change where known. */
export function urlsetXml(entries: readonly SitemapEntry[]): string {
  return `${XML_HEAD}<urlset ${NS}>\n${entries.map((e) => `${entryXml('url', e)}\n`).join('')}</urlset>\n`;
}

/** A sitemap index: the absolute URLs of the sitemap files. */
export function sitemapIndexXml(entries: readonly SitemapEntry[]): string {
  return `${XML_HEAD}<sitemapindex ${NS}>\n${entries.map((e) => `${entryXml('sitemap', e)}\n`).join('')}</sitemapindex>\n`;
}
