import 'server-only';
import type { StatsScope } from '@/db/queries/stats';
import { parsePeriod, type Dataset } from '@/lib/stats';
import { invalidParams } from './api';
import { datasetCsv } from './export';
import { cachedResponse } from './http';
import { isDashboardDataset, isStatsDataset, readDashboard, readStats } from './stats';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** One chart's figures as a CSV download (`/stats/<chart>.csv?from=…&to=…`), or a 404 / 400 answer. */
export function statsCsvResponse(request: Request, file: string, scope: StatsScope): Response {
  const id = file.endsWith('.csv') ? file.slice(0, -4) : '';
  if (!isStatsDataset(id) && !(scope === 'newsroom' && isDashboardDataset(id))) return notFound();
  const now = Date.now();
  const parsed = parsePeriod(new URL(request.url).searchParams, now);
  if (!parsed.ok) return invalidParams(parsed.errors);
  let dataset: Dataset;
  if (isStatsDataset(id)) dataset = readStats(scope, parsed.period, now)[id];
  else if (isDashboardDataset(id)) dataset = readDashboard(parsed.period, now)[id];
  else return notFound();
  const name = `${scope === 'public' ? '' : 'newsroom-'}${id}-${parsed.period.from}-to-${parsed.period.to}.csv`;
  return cachedResponse(request, datasetCsv(dataset), {
    contentType: 'text/csv; charset=utf-8',
    headers: {
      'Content-Disposition': `attachment; filename="${name}"`,
      // The editors' figures include drafts: never kept by a shared cache.
      ...(scope === 'public' ? {} : { 'Cache-Control': 'private, no-store' }),
    },
  });
}
