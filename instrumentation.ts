// Runs once when a Next server process starts (node_modules/next/dist/docs/01-app/02-guides/instrumentation.md).
export async function register() {
  // The build imports this file too: it must not open the database or fetch anything.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.CLAIMLINE_JOBS === '0') return;
  const { startJobRunner } = await import('./lib/server/jobs');
  startJobRunner();
  // Purges of shared caches a crash or an outage left undone (lib/server/purge.ts), with the jobs: in the editor process when there is one.
  const { startPurgeSweeper } = await import('./lib/server/purge');
  startPurgeSweeper();
}
