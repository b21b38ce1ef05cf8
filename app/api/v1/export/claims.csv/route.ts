import { cachedResponse, preflight } from '@/lib/server/http';
import { claimsCsv, exportRows } from '@/lib/server/export';

/** Every published claim matching the filters, as CSV (one row per claim, with a header row). */
export async function GET(request: Request) {
  const result = await exportRows(request);
  if (!result.ok) return result.response;
  return cachedResponse(request, claimsCsv(result.rows), {
    contentType: 'text/csv; charset=utf-8',
    cors: true,
    headers: { 'Content-Disposition': 'attachment; filename="claims.csv"' },
  });
}

export const OPTIONS = preflight;
