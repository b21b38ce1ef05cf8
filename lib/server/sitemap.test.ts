import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { removeDemoContent } from '@/db/queries/demo';
import { createParty } from '@/db/queries/parties';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { parseSitemapFile, sitemapFiles, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS, urlsetXml } from '@/lib/sitemap';
import { demoRemovalTags, invalidate, tags } from './cache';
import { readSitemapFile, readSitemapIndex } from './sitemap';

const SITE = 'https://checks.example';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
// W3C Datetime as the protocol takes it: here always a full UTC instant.
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The document a strict XML parser makes of `xml` (a well-formedness error fails the test), with its root checked. */
function parsed(xml: string, root: 'urlset' | 'sitemapindex') {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror'), xml.slice(0, 300)).toHaveLength(0);
  expect([doc.documentElement.localName, doc.documentElement.namespaceURI]).toEqual([root, NS]);
  return doc;
}

/** Every URL of the site's sitemaps, reading the index and each file it names, as a crawler does. */
function crawl(site = SITE): { loc: string; lastmod: string | null }[] {
  const index = parsed(readSitemapIndex(site), 'sitemapindex');
  return [...index.getElementsByTagName('loc')].flatMap((loc) => {
    const name = loc.textContent!.replace(`${site}/sitemaps/`, '');
    const xml = readSitemapFile(site, parseSitemapFile(name)!)!;
    expect(Buffer.byteLength(xml)).toBeLessThan(SITEMAP_MAX_BYTES);
    const urls = [...parsed(xml, 'urlset').getElementsByTagName('url')];
    expect(urls.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
    return urls.map((u) => ({ loc: u.getElementsByTagName('loc')[0]!.textContent!, lastmod: u.getElementsByTagName('lastmod')[0]?.textContent ?? null }));
  });
}

let file: string;
const sqlite = () => getDb().$client;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterAll(() => removeDatabase(file));

describe('the sitemap', () => {
  it('lists every public page once, absolute, with W3C dates, and no editor page, draft or party known only from a draft', () => {
    // A newsroom's own article with a draft claim whose claimant is on nothing else, and a published one with "&" and RTL in its party.
    const body = 'The ferry “Nova” & its crew will run at 05:00, قال المتحدث.\n\nFares stay frozen until 2027.';
    const article = createArticle({ title: 'Ferry <Nova> & “fares”', outlet: 'Quay Courier', body, actorId: null });
    const at = (quote: string) => createAnchor(article.body, article.body.indexOf(quote), article.body.indexOf(quote) + quote.length)!;
    const hidden = createParty({ name: 'Draft-only Harbour Office', kind: 'government' });
    const shown = createParty({ name: 'Ferry Crews & Co — طاقم', kind: 'organization' });
    createClaim({ articleId: article.id, anchor: at('Fares stay frozen until 2027.'), claimantPartyId: hidden.id, published: false, actorId: null });
    createClaim({ articleId: article.id, anchor: at('will run at 05:00'), claimantPartyId: shown.id, published: true, actorId: null });
    invalidate([tags.lists]);

    const urls = crawl();
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const { loc, lastmod } of urls) {
      expect(loc.startsWith(`${SITE}/`), loc).toBe(true);
      expect(loc).not.toMatch(/\/(?:edit|sign-in|join|api)\b|\/history$|\/changes$/);
      if (lastmod !== null) expect(lastmod, loc).toMatch(W3C);
    }
    const paths = locs.map((l) => l.slice(SITE.length));
    for (const path of ['/', '/claims', '/parties', '/about', '/about/methodology', '/about/ratings', '/about/corrections', '/about/contact', '/corrections', '/stats']) {
      expect(paths).toContain(path);
    }
    const publicClaims = sqlite().prepare('SELECT id, slug FROM claims WHERE published = 1').all() as { id: number; slug: string }[];
    const articles = sqlite().prepare('SELECT slug FROM articles').pluck().all() as string[];
    expect(paths.filter((p) => p.startsWith('/claims/')).sort()).toEqual(publicClaims.map((c) => `/claims/${c.id}/${c.slug}`).sort());
    expect(paths.filter((p) => p.startsWith('/articles/')).sort()).toEqual(articles.map((s) => `/articles/${s}`).sort());
    expect(paths).toContain(`/parties/${shown.slug}`);
    expect(paths).not.toContain(`/parties/${hidden.slug}`);
    expect(paths).toContain('/parties/zoe-marchetti');
    // A claim's date is when it last changed; an article's is its own or its published claims' latest.
    const claim = publicClaims[0]!;
    const updated = sqlite().prepare('SELECT updated_at FROM claims WHERE id = ?').pluck().get(claim.id) as number;
    expect(urls.find((u) => u.loc === `${SITE}/claims/${claim.id}/${claim.slug}`)?.lastmod).toBe(new Date(updated).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('lists the demo while readers are shown it, and none of it once it is removed', () => {
    const demoArticles = sqlite().prepare('SELECT slug FROM articles WHERE demo = 1').pluck().all() as string[];
    expect(demoArticles.length).toBeGreaterThan(0);
    for (const slug of demoArticles) expect(crawl().map((u) => u.loc)).toContain(`${SITE}/articles/${slug}`);
    invalidate(demoRemovalTags(removeDemoContent()));
    const locs = crawl().map((u) => u.loc);
    for (const slug of demoArticles) expect(locs).not.toContain(`${SITE}/articles/${slug}`);
    expect(locs).not.toContain(`${SITE}/parties/zoe-marchetti`);
    expect(locs.some((l) => l.startsWith(`${SITE}/articles/ferry-nova-fares`))).toBe(true);
  });

  it('splits a kind into files of at most 50,000 URLs, which the index names, and answers nothing past the last', () => {
    expect(sitemapFiles({ claims: 100_001, articles: 50_000, parties: 0 }).map((f) => ('page' in f ? `${f.kind}-${f.page}` : f.kind))).toEqual([
      'pages',
      'claims-1',
      'claims-2',
      'claims-3',
      'articles-1',
    ]);
    expect(readSitemapFile(SITE, { kind: 'claims', page: 2 })).toBeNull();
    for (const name of ['claims-0.xml', 'claims-1.xml.gz', 'edit-1.xml', 'claims-01.xml', '../robots.txt']) expect(parseSitemapFile(name), name).toBeNull();
    // 50,000 of the longest addresses Claimline makes (a 16-digit id, a 60-character slug with a suffix, a long site address) stay well under 50 MB.
    const longest = { loc: `https://${'fact-checks.'.repeat(18)}example/claims/${'9'.repeat(16)}/${'a'.repeat(60)}-99999`, lastmod: new Date() };
    expect(Buffer.byteLength(urlsetXml(Array.from({ length: SITEMAP_MAX_URLS }, () => longest)))).toBeLessThan(SITEMAP_MAX_BYTES / 2);
  });
});
