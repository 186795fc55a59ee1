import { describe, expect, it } from "vitest";
import { benchReport, formatReportBench } from "../../../bench/report.ts";

describe("report benchmark script", () => {
  it("runs end to end on small sizes and reports every figure", () => {
    const result = benchReport({ sizes: [500, 5_000], poolSize: 2_000, incrementalSizes: [300], runs: 2 });
    expect(result.rollup.map((r) => r.matters)).toEqual([500, 5_000]);
    expect(Number.isFinite(result.scalingExponent)).toBe(true);
    expect(result.incremental[0]?.changes).toBeGreaterThan(300);
    expect(result.residual[0]?.changes).toBe(result.incremental[0]?.changes);
    expect(result.rebuildMs).toBeGreaterThan(0);
    expect(formatReportBench(result)).toMatch(/scaling exponent/);
  });
});
