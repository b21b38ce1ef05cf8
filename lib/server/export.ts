import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { parseClaimFilters } from '@/lib/claim-filters';
import type { Dataset } from '@/lib/stats';
import { safeText } from '@/lib/text';
import { claimSummary, invalidParams } from './api';
import { readAllClaims } from './reader';
import { siteUrl } from './site';

/** Published claims for an export: the claims index's filters (no paging), each as in the API list. */
export async function exportRows(request: Request) {
  const params = new URL(request.url).searchParams;
  for (const key of ['cursor', 'limit']) {
    if (params.has(key)) return { ok: false as const, response: invalidParams({ [key]: 'Exports have no pages.' }) };
  }
  const parsed = parseClaimFilters(params, { strict: true });
  if (!parsed.ok) return { ok: false as const, response: invalidParams(parsed.errors) };
  const site = await siteUrl();
  return { ok: true as const, rows: readAllClaims(parsed.filters).hits.map((h) => claimSummary(h, site)) };
}

// A cell a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection),
// checked after dropping controls, which could otherwise hide a leading "=".
const FORMULA = /^[=+\-@\t\r]/;
export const safeCell = (raw: string) => {
  const value = safeText(raw);
  return FORMULA.test(value) ? `'${value}` : value;
};

export function claimsCsv(rows: ReturnType<typeof claimSummary>[]): string {
  return stringify(
    rows.map((r) => ({
      id: r.id,
      url: r.url,
      statement: r.statement,
      status: r.status,
      status_label: r.statusLabel,
      status_note: r.statusNote,
      quote: r.quote,
      claimant: r.claimant?.name ?? '',
      article_title: r.article.title,
      outlet: r.article.outlet,
      article_url: r.article.url,
      claim_date: r.claimDate ?? '',
      updated_at: r.updatedAt ?? '',
    })),
    {
      header: true,
      columns: ['id', 'url', 'statement', 'status', 'status_label', 'status_note', 'quote', 'claimant', 'article_title', 'outlet', 'article_url', 'claim_date', 'updated_at'],
      cast: { string: safeCell },
    },
  );
}


/** A statistics chart's figures as CSV: a header of column names, then the rows as the data table shows them, unformatted. */
export function datasetCsv(dataset: Dataset): string {
  return stringify(
    dataset.rows.map((row) => row.map((cell) => (cell === null ? '' : cell))),
    { header: true, columns: dataset.columns.map((c) => ({ key: String(dataset.columns.indexOf(c)), header: c.key })), cast: { string: safeCell } },
  );
}
