import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryForward, cubesFromResiduals, periodBefore, periodOfId, periodsContaining, residualDeltas } from "#domain/report/carry-forward.ts";
import { applyDeltas, type AggregateStore } from "#domain/report/incremental.ts";
import { AT, TIEN } from "#domain/report/indicators.ts";
import { parsePeriod, reportPeriod, type PeriodScheme, type ReportPeriod } from "#domain/report/periods.ts";
import { rollup, type Cube } from "#domain/report/rollup.ts";
import { commandsArb, HA_NAM_UNITS, NINH_BINH_UNITS, play } from "./arbitrary.ts";
import { story } from "./story.ts";

const units = { before: HA_NAM_UNITS, after: NINH_BINH_UNITS };
const years = [2024, 2025, 2026, 2027, 2028, 2029];
const periodsOf = (scheme: PeriodScheme): ReportPeriod[] => years.flatMap((year) => [reportPeriod(year, 1, scheme), reportPeriod(year, 2, scheme)]);

const plain = (cube: Cube | undefined) =>
  Object.fromEntries([...(cube ?? new Map())].filter(([, cell]) => cell.some((value: number) => value !== 0)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, cell]) => [key, [...cell]]));

describe("periods and their predecessors", () => {
  it("carries the statistical year into both reports of the next year, and calendar halves into each other", () => {
    expect(periodBefore(parsePeriod("2026-H1")).id).toBe("2025-H2");
    expect(periodBefore(parsePeriod("2026-H2")).id).toBe("2025-H2");
    expect(periodBefore(parsePeriod("2026-H1", "calendar")).id).toBe("2025-H2-calendar");
    expect(periodBefore(parsePeriod("2026-H2", "calendar")).id).toBe("2026-H1-calendar");
  });

  it("places an instant in the periods holding its Vietnam date", () => {
    // 31 Mar 2026, 18:00 UTC is already 1 April in Vietnam: past the 6-month report.
    expect(periodsContaining("2026-03-31T16:59:59.000Z", "statistical").map((p) => p.id)).toEqual(["2026-H1", "2026-H2"]);
    expect(periodsContaining("2026-03-31T18:00:00.000Z", "statistical").map((p) => p.id)).toEqual(["2026-H2"]);
    expect(periodsContaining("2025-10-01T03:00:00.000Z", "statistical").map((p) => p.id)).toEqual(["2026-H1", "2026-H2"]);
    expect(periodsContaining("2026-06-30T18:00:00.000Z", "calendar").map((p) => p.id)).toEqual(["2026-H2-calendar"]);
  });

  it("reads stored period ids back", () => {
    expect(periodOfId("2026-H2-calendar")).toEqual(reportPeriod(2026, 2, "calendar"));
    expect(periodOfId("2025-H1")).toEqual(parsePeriod("2025-H1"));
    expect(() => periodOfId("2025-Q1")).toThrow(/report period id/);
  });
});

describe("carrying a period forward", () => {
  it("brings every open matter into the next year with its balance and state, and nothing closed", () => {
    const year = parsePeriod("2025-H2");
    const matters = [
      story({ id: "open", unitId: "ha-nam", owedVnd: 100 }, "2024-11-01T02:00:00.000Z", [["2024-12-01T02:00:00.000Z", "enforceable"], ["2025-01-05T02:00:00.000Z", "collect", 30], ["2025-02-01T02:00:00.000Z", "in_progress"]]),
      story({ id: "waiting", unitId: "ha-nam", owedVnd: 50 }, "2025-01-01T02:00:00.000Z", [["2025-01-10T02:00:00.000Z", "not_enforceable"]]),
      story({ id: "done", unitId: "ha-nam", owedVnd: 70 }, "2025-01-01T02:00:00.000Z", [["2025-01-10T02:00:00.000Z", "enforceable"], ["2025-02-10T02:00:00.000Z", "completed"]]),
      story({ id: "new", unitId: "ha-nam", owedVnd: 9 }, "2025-03-01T02:00:00.000Z"),
    ];
    const [cube] = rollup(matters.map(({ matter, events }) => ({ matter, events })), [year]);
    const next = carryForward([...cube!.values()][0]!);

    expect([next[AT.carriedOver], next[TIEN + AT.carriedOver]]).toEqual([3, 70 + 50 + 9]);
    expect([next[AT.enforceable], next[AT.inProgress], next[AT.other], next[AT.unclassified], next[AT.notEnforceable]]).toEqual([2, 1, 1, 1, 1]);
    expect([next[TIEN + AT.inProgress], next[TIEN + AT.notEnforceable], next[TIEN + AT.completed], next[AT.new]]).toEqual([70, 50, 0, 0]);
  });
});

describe("residuals kept from the stream", () => {
  for (const scheme of ["statistical", "calendar"] as const) {
    it(`rebuild exactly the full recompute of every ${scheme} period, years after the last change`, () => {
      const periods = periodsOf(scheme);
      fc.assert(
        fc.property(commandsArb, (commands) => {
          const { changes, items } = play(commands, units);
          const residuals: AggregateStore = new Map();
          for (const change of changes) applyDeltas(residuals, residualDeltas(change, scheme));
          const rebuilt = cubesFromResiduals(residuals, periods);
          const full = rollup(items.map((item) => ({ matter: item, events: item.events })), periods);
          periods.forEach((period, index) => expect(plain(rebuilt[index]), period.id).toEqual(plain(full[index])));
        }),
        { numRuns: scheme === "statistical" ? 120 : 40 },
      );
    });
  }

  it("touch only the periods holding the change, however long the matter has been open", () => {
    const { changes } = play([{ kind: "intake", unit: 0, type: 0, exOfficio: false, credit: false, owed: 5, hours: 1 }], units);
    const opened = changes[0]!.newImage!;
    const later = { ...opened, version: 2, events: [...opened.events, { ...opened.events[0]!, seq: 2, type: "transition" as const, at: "2029-05-01T02:00:00.000Z", from: "accepted" as const, to: "not_enforceable" as const, amountVnd: 0 }] };

    const deltas = residualDeltas({ eventName: "MODIFY", oldImage: opened, newImage: { ...later, state: "not_enforceable" } }, "statistical");

    expect([...new Set(deltas.map((delta) => delta.period))]).toEqual(["2029-H2"]);
  });

  it("rebuild nothing before the first residual, and an empty cube when none is stored", () => {
    expect(cubesFromResiduals(new Map(), [parsePeriod("2026-H1")])).toEqual([new Map()]);
  });
});
