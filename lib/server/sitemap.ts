import 'server-only';
import { countSitemapRows, listPolicyDates, listSitemapRows } from '@/db/queries/sitemap';
import { POLICY_PAGES } from '@/lib/policies';
import { articlePath, claimPath, partyPath } from '@/lib/routes';
import { SITEMAP_MAX_URLS, sitemapFiles, sitemapIndexXml, sitemapPath, urlsetXml, type SitemapEntry, type SitemapFile } from '@/lib/sitemap';
import { cached, tags } from './cache';

// Which pages exist and when they changed: every claim write passes `lists` or `lists:updated`, a
// new article or party `lists` (demo content included: it is listed while readers are shown it).
const SITEMAP_TAGS = [tags.lists, tags.listUpdates, tags.policies];

/** The fixed reader pages; the policy pages with the date of their current text. Not the editors' pages, sign-in, or pages marked noindex (histories, revision comparisons). */
const FIXED_PAGES = ['/', '/claims', '/parties', '/corrections', '/stats', '/about'];

/** The sitemap index of the site at `site` (its origin, for absolute URLs). */
export function readSitemapIndex(site: string): string {
  return cached(`sitemap-index:${site}`, SITEMAP_TAGS, () =>
    sitemapIndexXml(sitemapFiles(countSitemapRows()).map((file) => ({ loc: `${site}${sitemapPath(file)}` }))),
  );
}

const PATHS = { claims: claimPath, articles: articlePath, parties: partyPath };

/** One sitemap file, or null for a page of a kind past its last. */
export function readSitemapFile(site: string, file: SitemapFile): string | null {
  return cached(`sitemap:${site}:${sitemapPath(file)}`, SITEMAP_TAGS, () => {
    if (file.kind === 'pages') {
      const saved = new Map(listPolicyDates().map((p) => [p.page, p.savedAt]));
      const entries: SitemapEntry[] = [
        ...FIXED_PAGES.map((path) => ({ loc: `${site}${path}` })),
        ...POLICY_PAGES.map((page) => ({ loc: `${site}/about/${page}`, lastmod: dateOf(saved.get(page)) })),
      ];
      return urlsetXml(entries);
    }
    const rows = listSitemapRows({ kind: file.kind, offset: (file.page - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS });
    if (!rows.length && file.page > 1) return null;
    return urlsetXml(rows.map((row) => ({ loc: `${site}${PATHS[file.kind](row)}`, lastmod: dateOf(row.updatedAt) })));
  });
}

const dateOf = (ms: number | null | undefined) => (ms ? new Date(ms) : null);
