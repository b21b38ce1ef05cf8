import { claimExportSchema } from '@/lib/api-schema';
import { apiJson } from '@/lib/server/api';
import { exportRows } from '@/lib/server/export';
import { preflight } from '@/lib/server/http';

/** Every published claim matching the filters, as one JSON document. */
export async function GET(request: Request) {
  const result = await exportRows(request);
  if (!result.ok) return result.response;
  return apiJson(request, claimExportSchema, { count: result.rows.length, data: result.rows }, { 'Content-Disposition': 'attachment; filename="claims.json"' });
}

export const OPTIONS = preflight;
