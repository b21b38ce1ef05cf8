/**
 * Where a write request's time goes, for `npm run bench:layouts -- --timing` (docs/performance.md).
 * scripts/server.mjs keeps one record per request that is not a GET or HEAD in an
 * AsyncLocalStorage when CLAIMLINE_TIMING_LOG is set, and writes it out when the response ends;
 * code on the request's path adds the milliseconds of its phases here. Without that variable
 * there is no store and every call is one property read.
 */
type TimingRecord = { phases: Record<string, number> };
type Store = { getStore(): TimingRecord | undefined };

const record = () => (globalThis as { claimlineTiming?: Store }).claimlineTiming?.getStore();

/** Adds `ms` to the phase `name` of the request being timed, if any. */
export function notePhase(name: string, ms: number): void {
  const r = record();
  if (r) r.phases[name] = Math.round(((r.phases[name] ?? 0) + ms) * 10) / 10;
}

/** Runs `fn`, adding its time to the phase `name` (also when it throws). */
export function timed<T>(name: string, fn: () => T): T {
  if (!record()) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    notePhase(name, performance.now() - start);
  }
}

/** timed() for a promise. */
export async function timedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!record()) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    notePhase(name, performance.now() - start);
  }
}
