import { statsCsvResponse } from '@/lib/server/stats-csv';

/** A public chart's figures as CSV: /stats/checked.csv?from=2026-01&to=2026-06. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return statsCsvResponse(request, (await params).file, 'public');
}
