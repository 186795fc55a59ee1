import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { buildReport } from "#domain/report/build-report.ts";
import { story } from "./story.ts";

export const M = 1_000_000;
const kv1 = "ninh-binh-kv-1";
const kv2 = "ninh-binh-kv-2";

// A small province over 2026-H1 (1 Oct 2025 - 31 Mar 2026, Vietnam time), two regional offices.
export const stories = [
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

/** The small province's 2026-H1 report, against 2025-H1. */
export const smallProvinceReport = buildReport({
  matters: stories.map((s) => s.matter),
  events: stories.flatMap((s) => s.events),
  period: "2026-H1",
  options: { directory: haNamNinhBinhDirectory({ regionalOffices: 2 }) },
});
