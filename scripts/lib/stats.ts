/** The value at quantile `q` (0–1) of `values`: the element at floor(q·n) of the sorted list, the largest for q = 1. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
