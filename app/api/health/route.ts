// A constant answer with no database work: Playwright waits on it, the benchmark uses it as its baseline.
export function GET() {
  return Response.json({ ok: true, service: 'claimline' });
}
