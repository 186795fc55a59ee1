/**
 * Report rollup benchmark: full recompute over 10^4, 10^5 and 10^6 matters (pure domain), the
 * incremental path's cost per stream change, and the rollup's scaling exponent (log-log slope).
 * Run alone with `npx tsx bench/report.ts`, or call benchReport() from the bench runner.
 * 10^5 matters read through the embedded DynamoDB and rolled up: bench/local.ts.
 */
import { pathToFileURL } from "node:url";
import type { MatterEvent } from "#domain/lifecycle/matter.ts";
import type { MatterState } from "#domain/lifecycle/states.ts";
import { JUDGMENT_TYPES } from "#domain/matters/types.ts";
import { cubesFromResiduals, residualDeltas } from "#domain/report/carry-forward.ts";
import { applyDeltas, deltasForChange, type AggregateStore, type CellDelta, type MatterItem, type MatterStreamChange } from "#domain/report/incremental.ts";
import { parsePeriod, previousYear } from "#domain/report/periods.ts";
import { rollup, type MatterHistory } from "#domain/report/rollup.ts";

const UNITS = ["ninh-binh", "ninh-binh-kv-1", "ninh-binh-kv-2", "ninh-binh-kv-3", "ha-nam", "ha-nam-phu-ly", "ha-nam-kim-bang", "ha-nam-ly-nhan"];
const FROM = Date.parse("2024-01-01T00:00:00Z");
const SPAN = Date.parse("2026-03-31T00:00:00Z") - FROM;
const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32) so every run sees the same matters. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A realistic-shaped history: received, classified, maybe partly paid, then one of the outcomes. */
function syntheticItem(index: number, rand: () => number): MatterItem {
  const id = `m${index}`;
  const owed = 1_000_000 * (1 + Math.floor(rand() * 500));
  let clock = FROM + Math.floor(rand() * SPAN);
  let state: MatterState = "accepted";
  let collected = 0;
  const events: MatterEvent[] = [];
  const push = (type: MatterEvent["type"], to: MatterState, amountVnd: number) => {
    events.push({ matterId: id, seq: events.length + 1, type, at: new Date(clock).toISOString(), by: "bench", reason: "bench", from: type === "intake" ? null : state, to, amountVnd });
    state = to;
    clock += DAY * (1 + Math.floor(rand() * 60));
  };
  push("intake", "accepted", owed);
  const r = rand();
  if (r < 0.25) push("transition", "not_enforceable", 0);
  else if (r < 0.95) {
    push("transition", "enforceable", 0);
    if (rand() < 0.4) {
      collected = Math.floor(owed * rand() * 0.5);
      if (collected > 0) push("collect", "enforceable", collected);
    }
    const end = rand();
    if (end < 0.4) push("transition", "completed", owed - collected);
    else if (end < 0.45) push("transition", "terminated", owed - collected);
    else if (end < 0.55) push("transition", "postponed", 0);
    else if (end < 0.6) push("transition", "suspended", 0);
    else if (end < 0.8) push("transition", "in_progress", 0);
    else if (end < 0.85) push("transition", "transferred", owed - collected);
  }
  return {
    id, caseId: `c${index}`, unitId: UNITS[index % UNITS.length]!, mode: rand() < 0.45 ? "ex_officio" : "on_request",
    judgmentType: JUDGMENT_TYPES[Math.floor(rand() * JUDGMENT_TYPES.length)]!, creditInstitution: rand() < 0.1,
    debtor: "A", creditor: "B", owedVnd: owed, periodic: [], state, collectedVnd: collected, reducedVnd: 0,
    version: events.length, updatedAt: events.at(-1)!.at, events,
  };
}

/** `size` synthetic matter histories, the same on every run (seeded); bench/local.ts stores them in DynamoDB Local. */
export function pool(size: number): MatterHistory[] {
  const rand = random(42);
  return Array.from({ length: size }, (_, i) => {
    const item = syntheticItem(i, rand);
    return { matter: item, events: item.events };
  });
}

/** Streams n histories by cycling through the pool, so 10^6 matters never sit in memory at once. */
function* cycle(histories: readonly MatterHistory[], n: number): Generator<MatterHistory> {
  for (let i = 0; i < n; i++) yield histories[i % histories.length]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Least-squares slope of log(time) against log(n). */
function logLogSlope(points: Array<{ n: number; ms: number }>): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return num / den;
}

/** Stream records for a set of matters: the INSERT at intake, then one MODIFY per later event. */
function streamChanges(items: readonly MatterItem[]): MatterStreamChange[] {
  const changes: MatterStreamChange[] = [];
  for (const item of items) {
    let previous: MatterItem | undefined;
    for (let k = 1; k <= item.events.length; k++) {
      const image = { ...item, events: item.events.slice(0, k) };
      changes.push(previous ? { eventName: "MODIFY", oldImage: previous, newImage: image } : { eventName: "INSERT", newImage: image });
      previous = image;
    }
  }
  return changes;
}

export interface ReportBenchResult {
  rollup: Array<{ matters: number; medianMs: number; usPerMatter: number; runs: number }>;
  scalingExponent: number;
  incremental: Array<{ storeMatters: number; changes: number; medianUsPerChange: number }>;
  /** The path the stream consumer runs: residualDeltas + applyDeltas, every period of the statistical scheme. */
  residual: Array<{ storeMatters: number; changes: number; medianUsPerChange: number }>;
  /** Rebuilding this period's and last year's cubes from the stored residuals, as the rollup does. */
  rebuildMs: number;
  notMeasured: string[];
}

/** Runs the report benchmarks; small sizes suit a smoke run, the defaults the full figures. */
export function benchReport(options: { sizes?: number[]; poolSize?: number; incrementalSizes?: number[]; runs?: number } = {}): ReportBenchResult {
  const sizes = options.sizes ?? [10_000, 100_000, 1_000_000];
  const histories = pool(options.poolSize ?? Math.min(100_000, Math.max(...sizes)));
  const period = parsePeriod("2026-H1");
  const periods = [period, previousYear(period)];

  rollup(cycle(histories, Math.min(20_000, sizes[0]!)), periods); // warm-up: JIT and caches
  // Sizes take turns within each round, so load from other work on the machine hits them alike.
  const runs = options.runs ?? 5;
  const times = sizes.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    sizes.forEach((n, index) => {
      const start = performance.now();
      rollup(cycle(histories, n), periods);
      times[index]!.push(performance.now() - start);
    });
  }
  const rollupResults = sizes.map((n, index) => {
    const medianMs = median(times[index]!);
    return { matters: n, medianMs, usPerMatter: (medianMs * 1000) / n, runs };
  });

  // Per-change cost with a small and a large store behind it: O(changes) means the same cost.
  const warmStore: AggregateStore = new Map();
  for (const change of streamChanges(histories.slice(0, 2_000).map((h) => h.matter as MatterItem))) applyDeltas(warmStore, deltasForChange(change, periods));
  const perChange = (deltasOf: (change: MatterStreamChange) => CellDelta[]) =>
    (options.incrementalSizes ?? [10_000, 100_000]).map((storeMatters) => {
      const items = histories.slice(0, storeMatters).map((h) => h.matter as MatterItem);
      const changes = streamChanges(items);
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const store: AggregateStore = new Map();
        const start = performance.now();
        for (const change of changes) applyDeltas(store, deltasOf(change));
        times.push(performance.now() - start);
      }
      return { storeMatters: items.length, changes: changes.length, medianUsPerChange: (median(times) * 1000) / changes.length };
    });
  const incremental = perChange((change) => deltasForChange(change, periods));
  const residual = perChange((change) => residualDeltas(change, "statistical"));

  const residuals: AggregateStore = new Map();
  for (const change of streamChanges(histories.map((h) => h.matter as MatterItem))) applyDeltas(residuals, residualDeltas(change, "statistical"));
  const rebuildTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    cubesFromResiduals(residuals, periods);
    rebuildTimes.push(performance.now() - start);
  }

  return {
    rollup: rollupResults,
    scalingExponent: logLogSlope(rollupResults.map((r) => ({ n: r.matters, ms: r.medianMs }))),
    incremental,
    residual,
    rebuildMs: median(rebuildTimes),
    notMeasured: ["10^5 matters through the embedded DynamoDB: measured by bench/local.ts"],
  };
}

export function formatReportBench(result: ReportBenchResult): string {
  const lines = ["report rollup (pure domain, periods 2026-H1 + 2025-H1 in one pass)"];
  for (const r of result.rollup) lines.push(`  ${r.matters.toLocaleString("en")} matters: median ${r.medianMs.toFixed(1)} ms (${r.usPerMatter.toFixed(2)} µs/matter, ${r.runs} runs)`);
  lines.push(`  scaling exponent (log-log slope): ${result.scalingExponent.toFixed(3)}`);
  lines.push("incremental path (deltasForChange + applyDeltas, two periods)");
  for (const r of result.incremental) lines.push(`  ${r.changes.toLocaleString("en")} changes over ${r.storeMatters.toLocaleString("en")} matters: median ${r.medianUsPerChange.toFixed(2)} µs/change`);
  lines.push("stream consumer's path (residualDeltas + applyDeltas: the periods each change falls in)");
  for (const r of result.residual) lines.push(`  ${r.changes.toLocaleString("en")} changes over ${r.storeMatters.toLocaleString("en")} matters: median ${r.medianUsPerChange.toFixed(2)} µs/change`);
  lines.push(`  rebuilding 2026-H1 + 2025-H1 from the residuals: median ${result.rebuildMs.toFixed(2)} ms`);
  for (const note of result.notMeasured) lines.push(`not measured: ${note}`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatReportBench(benchReport()));
}
