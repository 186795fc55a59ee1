import { describe, expect, it } from "vitest";
import { reportFromCubes } from "#domain/report/build-report.ts";
import { AT, completionRate, emptyCell } from "#domain/report/indicators.ts";
import { parsePeriod } from "#domain/report/periods.ts";
import type { Cube } from "#domain/report/rollup.ts";

describe("completion rate", () => {
  it("reproduces the published national figure: 369,372 completed of 579,413 enforceable is 63.75%", () => {
    expect((completionRate(369_372, 0, 579_413)! * 100).toFixed(2)).toBe("63.75");
  });

  it("counts đình chỉ with thi hành xong, over có điều kiện, through the report", () => {
    const cell = emptyCell();
    cell[AT.new] = 600_000;
    cell[AT.enforceable] = 579_413;
    cell[AT.notEnforceable] = 20_587;
    cell[AT.completed] = 360_000;
    cell[AT.terminated] = 9_372;
    cell[AT.inProgress] = 579_413 - 369_372;
    const current: Cube = new Map([["ninh-binh|civil|on_request|0", cell]]);
    const total = reportFromCubes(current, new Map(), parsePeriod("2026-H1")).views.byUnit.total.current.viec;
    expect(total.completionRate).toBeCloseTo(0.6375, 4);
    expect(total.carriedToNext).toBe(600_000 - 369_372);
  });

  it("is undefined, not zero, when nothing is enforceable", () => {
    expect(completionRate(0, 0, 0)).toBeNull();
  });
});
