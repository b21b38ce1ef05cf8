import { exportRows } from '@/lib/server/export';
import { jsonResponse, preflight } from '@/lib/server/http';

/** Every published claim matching the filters, as one JSON document. */
export async function GET(request: Request) {
  const result = await exportRows(request);
  if (!result.ok) return result.response;
  return jsonResponse(
    request,
    { count: result.rows.length, data: result.rows },
    { headers: { 'Content-Disposition': 'attachment; filename="claims.json"' } },
  );
}

export const OPTIONS = preflight;
