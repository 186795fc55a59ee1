/**
 * Report periods.
 *
 * Official scheme ("statistical", the default): the statistical year N runs 1 Oct N-1 to
 * 30 Sep N and reports are cumulative from 1 Oct:
 *   "N-H1" = the 6-month report, 1 Oct N-1 .. 31 Mar N
 *   "N-H2" = the 12-month report, 1 Oct N-1 .. 30 Sep N (the whole year, not Apr..Sep alone)
 * Calendar scheme (a province's option): plain half-years of calendar year N:
 *   "N-H1" = 1 Jan N .. 30 Jun N, "N-H2" = 1 Jul N .. 31 Dec N
 * Day boundaries are Vietnam time (UTC+7, no daylight saving).
 */

export type PeriodScheme = "statistical" | "calendar";

export interface ReportPeriod {
  /** As written: "2026-H1". */
  name: string;
  /** Unique across schemes, for keying stored aggregates: "2026-H1", "2026-H1-calendar". */
  id: string;
  scheme: PeriodScheme;
  year: number;
  half: 1 | 2;
  /** First day, ISO date, inclusive. */
  start: string;
  /** Last day, ISO date, inclusive. */
  end: string;
  /** [startAt, endBefore) as canonical UTC instants, comparable as strings with event times. */
  startAt: string;
  endBefore: string;
}

export class PeriodError extends Error {
  override readonly name = "PeriodError";
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The UTC instant at which an ISO date begins in Vietnam. */
export function vietnamMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The ISO date in Vietnam of a UTC instant. */
export function vietnamDate(instant: string): string {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function reportPeriod(year: number, half: 1 | 2, scheme: PeriodScheme = "statistical"): ReportPeriod {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new PeriodError(`year out of range: ${year}`);
  const pad = String(year);
  const [start, end] =
    scheme === "statistical"
      ? [`${year - 1}-10-01`, half === 1 ? `${pad}-03-31` : `${pad}-09-30`]
      : half === 1
        ? [`${pad}-01-01`, `${pad}-06-30`]
        : [`${pad}-07-01`, `${pad}-12-31`];
  const name = `${pad}-H${half}`;
  return { name, id: scheme === "statistical" ? name : `${name}-${scheme}`, scheme, year, half, start, end, startAt: vietnamMidnight(start), endBefore: vietnamMidnight(nextDay(end)) };
}

/** Parses "2026-H1" / "2026-h2" under the given scheme (see the module comment for meanings). */
export function parsePeriod(name: string, scheme: PeriodScheme = "statistical"): ReportPeriod {
  const match = /^(\d{4})-H([12])$/i.exec(name.trim());
  if (!match) throw new PeriodError(`period must look like 2026-H1 or 2026-H2, got "${name}"`);
  return reportPeriod(Number(match[1]), match[2] === "1" ? 1 : 2, scheme);
}

/** The same period of the previous year. */
export function previousYear(period: ReportPeriod): ReportPeriod {
  return reportPeriod(period.year - 1, period.half, period.scheme);
}

/** The statistical year (named by the year it ends in) that an ISO date falls in. */
export function statisticalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= "10-01" ? year + 1 : year;
}
