import { performance } from "node:perf_hooks";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Items per second for one run: calls `pass` (which handles `itemsPerPass` items) until at least
 * `minMs` have passed, so that timer resolution and one slow pass do not dominate.
 */
export function itemsPerSecond(pass: () => void, itemsPerPass: number, minMs: number): number {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (passes * itemsPerPass) / (elapsed / 1000);
}

/** 12345.6 -> "12,346" */
export const count = (x: number): string => Math.round(x).toLocaleString("en-US");

/** The nearest-rank percentile (p in 0..100) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
