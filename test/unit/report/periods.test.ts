import { describe, expect, it } from "vitest";
import { parsePeriod, PeriodError, previousYear, statisticalYearOf, vietnamDate } from "#domain/report/periods.ts";

describe("report periods", () => {
  it("reads 2026-H1 as the 6-month report from 1 October 2025 to 31 March 2026", () => {
    expect(parsePeriod("2026-H1")).toMatchObject({ start: "2025-10-01", end: "2026-03-31", scheme: "statistical" });
  });

  it("reads 2026-H2 as the cumulative 12-month report from 1 October 2025 to 30 September 2026", () => {
    expect(parsePeriod("2026-H2")).toMatchObject({ start: "2025-10-01", end: "2026-09-30" });
  });

  it("reads calendar half-years when the province chooses them", () => {
    expect(parsePeriod("2026-H1", "calendar")).toMatchObject({ start: "2026-01-01", end: "2026-06-30" });
    expect(parsePeriod("2026-h2", "calendar")).toMatchObject({ start: "2026-07-01", end: "2026-12-31" });
  });

  it("draws day boundaries in Vietnam time", () => {
    const period = parsePeriod("2026-H1");
    expect(period.startAt).toBe("2025-09-30T17:00:00.000Z");
    expect(period.endBefore).toBe("2026-03-31T17:00:00.000Z");
    expect(vietnamDate("2026-03-31T17:30:00.000Z")).toBe("2026-04-01");
  });

  it("gives the same period of the previous year", () => {
    expect(previousYear(parsePeriod("2026-H1"))).toMatchObject({ name: "2025-H1", start: "2024-10-01", end: "2025-03-31" });
    expect(previousYear(parsePeriod("2026-H2", "calendar"))).toMatchObject({ name: "2025-H2", start: "2025-07-01", end: "2025-12-31" });
  });

  it("names the statistical year by the year it ends in", () => {
    expect(statisticalYearOf("2025-09-30")).toBe(2025);
    expect(statisticalYearOf("2025-10-01")).toBe(2026);
  });

  it.each(["2026", "2026-H3", "H1-2026", "26-H1", ""])("rejects %j", (name) => {
    expect(() => parsePeriod(name)).toThrow(PeriodError);
  });
});
