import { describe, expect, it } from "vitest";
import type { ReportRow } from "#domain/report/build-report.ts";
import type { Indicators } from "#domain/report/indicators.ts";
import { buildReport } from "#domain/report/build-report.ts";
import { reason } from "#domain/review-reasons.ts";
import { M, smallProvinceReport as report, stories } from "./small-province.ts";

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
    expect(report.notes).toContain(reason("report.unconfirmed-succession", { step: "ha-nam-kim-bang -> ninh-binh" }).message);
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
    expect(report.notes).toContain("1 việc còn đang thụ lý (chưa phân loại) vào cuối kỳ, được tính vào mục khác");
  });

  it("reads the same matters as a calendar half-year when the province chooses it", () => {
    const calendar = buildReport({
      matters: stories.map((s) => s.matter),
      events: stories.flatMap((s) => s.events),
      period: "2026-H1",
      options: { scheme: "calendar" },
    });
    // Open on 1 Jan 2026: m1, m2, m3, m4, m7, m9. Received Jan-Jun 2026: m8 and m5 (1 April, Vietnam time).
    expect(calendar.period).toMatchObject({ start: "2026-01-01", end: "2026-06-30" });
    expect(calendar.views.byUnit.total.current.viec).toMatchObject({ carriedOver: 6, new: 2, totalReceived: 8 });
  });
});
