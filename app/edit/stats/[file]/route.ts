import { isAppError } from '@/lib/errors';
import { authorize } from '@/lib/server/session';
import { statsCsvResponse } from '@/lib/server/stats-csv';

/** The editors' version of a chart's figures (drafts included) as CSV; editors only. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    await authorize('editor');
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    throw error;
  }
  return statsCsvResponse(request, (await params).file, 'newsroom');
}
