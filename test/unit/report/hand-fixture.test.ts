import { describe, expect, it } from "vitest";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { buildReport, type ReportRow } from "#domain/report/build-report.ts";
import type { Indicators } from "#domain/report/indicators.ts";
import { story } from "./story.ts";

const M = 1_000_000;
const kv1 = "ninh-binh-kv-1";
const kv2 = "ninh-binh-kv-2";

// A small province over 2026-H1 (1 Oct 2025 - 31 Mar 2026, Vietnam time), two regional offices.
const stories = [
  // Carried over: 20M of 100M paid last year; 30M paid in the period, then completed (50M).
  story({ id: "m1", unitId: kv1, owedVnd: 100 * M }, "2025-08-01T02:00:00Z", [
    ["2025-08-10T02:00:00Z", "enforceable"], ["2025-09-01T02:00:00Z", "collect", 20 * M],
    ["2025-11-01T02:00:00Z", "collect", 30 * M], ["2026-02-01T02:00:00Z", "completed"],
  ]),
  // Carried over, not enforceable throughout.
  story({ id: "m2", unitId: kv1, owedVnd: 50 * M }, "2025-07-15T02:00:00Z", [["2025-08-01T02:00:00Z", "not_enforceable"]]),
  // New, 10M reduced, being enforced at the end.
  story({ id: "m3", unitId: kv1, owedVnd: 40 * M, judgmentType: "marriage_family" }, "2025-10-10T02:00:00Z", [
    ["2025-10-20T02:00:00Z", "enforceable"], ["2025-12-01T02:00:00Z", "reduce", 10 * M], ["2026-01-05T02:00:00Z", "in_progress"],
  ]),
  // New ex officio fine, đình chỉ.
  story({ id: "m4", unitId: kv1, owedVnd: 10 * M, mode: "ex_officio", judgmentType: "criminal" }, "2025-11-01T02:00:00Z", [
    ["2025-11-05T02:00:00Z", "enforceable"], ["2026-03-01T02:00:00Z", "terminated"],
  ]),
  // Received at 01:00 on 1 April Vietnam time: the next period.
  story({ id: "m5", unitId: kv1, owedVnd: 99 * M }, "2026-03-31T18:00:00Z"),
  // Completed before the period: not carried over.
  story({ id: "m6", unitId: kv1, owedVnd: 5 * M }, "2025-05-01T02:00:00Z", [["2025-05-02T02:00:00Z", "enforceable"], ["2025-06-01T02:00:00Z", "completed"]]),
  // New bank case: 50M collected, then the 150M balance transferred (ủy thác).
  story({ id: "m7", unitId: kv2, owedVnd: 200 * M, judgmentType: "commercial", creditInstitution: true }, "2025-12-01T02:00:00Z", [
    ["2025-12-05T02:00:00Z", "enforceable"], ["2026-01-10T02:00:00Z", "collect", 50 * M], ["2026-02-15T02:00:00Z", "transferred"],
  ]),
  // New, still thụ lý at the end: counted under khác.
  story({ id: "m8", unitId: kv2, owedVnd: 7 * M }, "2026-01-01T02:00:00Z"),
  // New, hoãn at the end.
  story({ id: "m9", unitId: kv2, owedVnd: 30 * M, judgmentType: "labor" }, "2025-10-02T02:00:00Z", [
    ["2025-10-03T02:00:00Z", "enforceable"], ["2025-11-01T02:00:00Z", "postponed"],
  ]),
  // Last year's same period, at a Hà Nam district office (now folded into the Ninh Bình agency).
  story({ id: "m10", unitId: "ha-nam-kim-bang", owedVnd: 20 * M }, "2024-11-01T02:00:00Z", [
    ["2024-11-02T02:00:00Z", "enforceable"], ["2025-01-15T02:00:00Z", "completed"],
  ]),
];

const report = buildReport({
  matters: stories.map((s) => s.matter),
  events: stories.flatMap((s) => s.events),
  period: "2026-H1",
  options: { directory: haNamNinhBinhDirectory({ regionalOffices: 2 }) },
});

const COLUMNS = ["carriedOver", "new", "totalReceived", "transferred", "toEnforce", "enforceable", "notEnforceable", "completed", "terminated", "reduced", "inProgress", "postponed", "suspended", "other"] as const;
function line(ind: Indicators): Array<number | string | null> {
  return [...COLUMNS.map((c) => ind[c]), ind.completionRate === null ? null : (ind.completionRate * 100).toFixed(2), ind.carriedToNext];
}
const table = (rows: ReportRow[], measure: "viec" | "tien") => rows.map((r) => [r.label, ...line(r.current[measure])]);

describe("hand-computed report for a small province, 2026-H1", () => {
  it("matches the việc table worked out by hand", () => {
    const { rows, total } = report.views.byUnit;
    //  unit, chuyển sang, mới, tổng thụ lý, ủy thác, phải TH, có ĐK, chưa ĐK, xong, đình chỉ, giảm, đang, hoãn, tạm ĐC, khác, tỷ lệ %, chuyển kỳ sau
    expect(table([...rows, total], "viec")).toEqual([
      ["Thi hành án dân sự tỉnh Ninh Bình", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0],
      ["Phòng Thi hành án dân sự khu vực 1", 2, 2, 4, 0, 4, 3, 1, 1, 1, 0, 1, 0, 0, 0, "66.67", 2],
      ["Phòng Thi hành án dân sự khu vực 2", 0, 3, 3, 1, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, "0.00", 2],
      ["Toàn tỉnh", 2, 5, 7, 1, 6, 5, 1, 1, 1, 0, 1, 1, 0, 1, "40.00", 4],
    ]);
  });

  it("matches the tiền table worked out by hand (millions of VND)", () => {
    const { rows, total } = report.views.byUnit;
    const inMillions = table([...rows, total], "tien").map((r) => r.map((v) => (typeof v === "number" ? v / M : v)));
    expect(inMillions).toEqual([
      ["Thi hành án dân sự tỉnh Ninh Bình", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0],
      ["Phòng Thi hành án dân sự khu vực 1", 130, 50, 180, 0, 180, 130, 50, 80, 10, 10, 30, 0, 0, 0, "69.23", 80],
      ["Phòng Thi hành án dân sự khu vực 2", 0, 237, 237, 150, 87, 87, 0, 50, 0, 0, 0, 30, 0, 7, "57.47", 37],
      ["Toàn tỉnh", 130, 287, 417, 150, 267, 217, 50, 130, 10, 10, 30, 30, 0, 7, "64.52", 117],
    ]);
  });

  it("compares with the same period last year, former units folded into their successor", () => {
    const agency = report.views.byUnit.rows[0]!;
    expect(agency.previous.viec).toMatchObject({ new: 1, enforceable: 1, completed: 1, completionRate: 1 });
    expect(report.views.byUnit.total.change.viec).toMatchObject({ new: 4, completed: 0, totalReceived: 6 });
    expect(report.views.byUnit.total.change.viec.completionRate).toBeCloseTo(0.4 - 1);
    expect(report.notes).toContain("unconfirmed succession used: ha-nam-kim-bang -> ninh-binh");
  });

  it("breaks the same matters down by mode, judgment type and bank cases", () => {
    const byMode = Object.fromEntries(report.views.byMode.rows.map((r) => [r.key, [r.current.viec.totalReceived, r.current.viec.terminated]]));
    expect(byMode).toEqual({ ex_officio: [1, 1], on_request: [6, 0] });
    const byType = Object.fromEntries(report.views.byJudgmentType.rows.map((r) => [r.key, r.current.viec.totalReceived]));
    expect(byType).toEqual({ civil: 3, criminal: 1, administrative: 0, marriage_family: 1, commercial: 1, labor: 1, bankruptcy: 0, arbitration: 0, other: 0 });
    const bank = report.views.creditInstitution.total.current;
    expect([bank.viec.new, bank.viec.transferred, bank.viec.completionRate]).toEqual([1, 1, null]);
    expect([bank.tien.new, bank.tien.transferred, bank.tien.completed]).toEqual([200 * M, 150 * M, 50 * M]);
  });

  it("notes matters still unclassified at the period's end", () => {
    expect(report.notes).toContain("1 việc still thụ lý (not classified) at period end, counted under khác");
  });
});
