import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { buildReport, type Report, type ReportView } from "#domain/report/build-report.ts";
import type { Indicators } from "#domain/report/indicators.ts";
import { commandsArb, HA_NAM_UNITS, NINH_BINH_UNITS, play } from "./arbitrary.ts";

const directory = haNamNinhBinhDirectory({ regionalOffices: 3 });
const ADDITIVE = ["carriedOver", "new", "totalReceived", "transferred", "toEnforce", "enforceable", "notEnforceable", "completed", "terminated", "reduced", "inProgress", "postponed", "suspended", "other", "carriedToNext"] as const;

function sumOfRows(view: ReportView, measure: "viec" | "tien"): Record<string, number> {
  return Object.fromEntries(ADDITIVE.map((name) => [name, view.rows.reduce((sum, row) => sum + row.current[measure][name], 0)]));
}
const pick = (ind: Indicators) => Object.fromEntries(ADDITIVE.map((name) => [name, ind[name]]));

function reportFor(commands: Parameters<typeof play>[0], unitView: "period_end" | "as_recorded"): Report {
  const { items } = play(commands, { before: HA_NAM_UNITS, after: NINH_BINH_UNITS });
  // 2025-H2 is the 12-month report from 1 Oct 2024 to 30 Sep 2025: it straddles 1 July 2025.
  return buildReport({ matters: items, events: items.flatMap((item) => item.events), period: "2025-H2", options: { directory, unitView } });
}

describe("a period straddling the July 2025 reorganisation", () => {
  it("adds up: province totals equal the sum of units, in either unit view, and every breakdown agrees", () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const folded = reportFor(commands, "period_end");
        const recorded = reportFor(commands, "as_recorded");
        for (const report of [folded, recorded]) {
          for (const view of Object.values(report.views)) {
            for (const measure of ["viec", "tien"] as const) expect(sumOfRows(view, measure)).toEqual(pick(view.total.current[measure]));
          }
          for (const view of [report.views.byJudgmentType, report.views.byMode]) expect(view.total).toEqual(report.views.byUnit.total);
        }
        expect(folded.views.byUnit.total).toEqual(recorded.views.byUnit.total);
      }),
      { numRuns: 60 },
    );
  });

  it("shows the old district offices and the new regional offices side by side when viewed as recorded", () => {
    const report = reportFor([], "as_recorded");
    const ids = report.views.byUnit.rows.map((row) => row.key);
    // the directory also holds Nam Định's and the former Ninh Bình's offices: all of them are rows
    expect(ids).toEqual(expect.arrayContaining([...HA_NAM_UNITS, ...NINH_BINH_UNITS, "nam-dinh", "nam-dinh-hai-hau", "ninh-binh-cu"]));
    expect(new Set(ids).size).toBe(directory.units.length);
  });

  it("reports under the structure in force at the period's end by default", () => {
    const ids = reportFor([], "period_end").views.byUnit.rows.map((row) => row.key);
    expect(ids).toEqual(NINH_BINH_UNITS);
  });
});
