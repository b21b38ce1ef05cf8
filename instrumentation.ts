// Runs once when a Next server process starts (node_modules/next/dist/docs/01-app/02-guides/instrumentation.md).
export async function register() {
  // The build imports this file too: it must not open the database or fetch anything.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.CLAIMLINE_JOBS !== '0') {
    const { startJobRunner } = await import('./lib/server/jobs');
    startJobRunner();
  }
  // Purges of shared caches a crash or an outage left undone (lib/server/purge.ts): in exactly one
  // process of the server, which scripts/server.mjs names (the editor process when there is one);
  // a server of one process, or `next start`, sweeps in it.
  if (process.env.CLAIMLINE_PURGE_SWEEP !== '0') {
    const { startPurgeSweeper } = await import('./lib/server/purge');
    startPurgeSweeper();
  }
}
