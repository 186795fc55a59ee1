import { haNamNinhBinhDirectory } from "../agencies/ha-nam-ninh-binh.ts";
import { findUnit, isValidOn, resolveUnitOn, type AgencyDirectory } from "../agencies/directory.ts";
import type { MatterEvent } from "../lifecycle/matter.ts";
import { reason } from "../review-reasons.ts";
import { JUDGMENT_TYPE_LABELS, JUDGMENT_TYPES, MODE_LABELS, type EnforcementMode } from "../matters/types.ts";
import { addCell, emptyCell, indicatorPair, type IndicatorPair, type Indicators } from "./indicators.ts";
import { parsePeriod, previousYear, type PeriodScheme, type ReportPeriod } from "./periods.ts";
import { cellDims, histories, rollup, type CellDims, type Cube, type MatterFacts } from "./rollup.ts";

/**
 * "period_end": units as organised on the period's last day, earlier units folded into their
 * successors (so a period straddling July 2025 reports under the new structure, and last year's
 * figures line up with this year's rows). "as_recorded": the unit that received each matter.
 */
export type UnitView = "period_end" | "as_recorded";

export interface ReportOptions {
  scheme?: PeriodScheme;
  directory?: AgencyDirectory;
  unitView?: UnitView;
}

export interface ReportRow {
  key: string;
  label: string;
  current: IndicatorPair;
  /** The same period of the previous year. */
  previous: IndicatorPair;
  /** current − previous; completionRate as a difference of fractions (percentage points / 100). */
  change: IndicatorPair;
}

export type ViewId = "byUnit" | "byJudgmentType" | "byMode" | "creditInstitution";

export interface ReportView {
  id: ViewId;
  title: string;
  rowHeader: string;
  rows: ReportRow[];
  total: ReportRow;
}

export interface Report {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  unitView: UnitView;
  directoryVersion: string;
  views: Record<ViewId, ReportView>;
  /** Things a reader must know: unclassified matters, unconfirmed successions, unknown units. */
  notes: string[];
}

function difference(current: Indicators, previous: Indicators): Indicators {
  const change = {} as Record<string, number | null>;
  for (const [name, value] of Object.entries(current) as [keyof Indicators, number | null][]) {
    const before = previous[name];
    change[name] = value === null || before === null ? null : value - before;
  }
  return change as unknown as Indicators;
}

function row(key: string, label: string, current: Float64Array, previous: Float64Array): ReportRow {
  const now = indicatorPair(current);
  const before = indicatorPair(previous);
  return { key, label, current: now, previous: before, change: { viec: difference(now.viec, before.viec), tien: difference(now.tien, before.tien) } };
}

interface Grouping {
  id: ViewId;
  title: string;
  rowHeader: string;
  /** Row key for a cell, or null to leave the cell out of this view. */
  rowOf: (dims: CellDims) => string | null;
  /** Rows always shown, in order, with labels; other keys found are appended. */
  fixedRows: Array<[string, string]>;
  labelOf: (key: string) => string;
}

function buildView(grouping: Grouping, current: Cube, previous: Cube): ReportView {
  const sums = new Map<string, [Float64Array, Float64Array]>();
  const totals: [Float64Array, Float64Array] = [emptyCell(), emptyCell()];
  for (const [key] of grouping.fixedRows) sums.set(key, [emptyCell(), emptyCell()]);
  [current, previous].forEach((cube, which) => {
    for (const [key, cell] of cube) {
      const rowKey = grouping.rowOf(cellDims(key));
      if (rowKey === null) continue;
      const pair = sums.get(rowKey) ?? [emptyCell(), emptyCell()];
      sums.set(rowKey, pair);
      addCell(pair[which]!, cell);
      addCell(totals[which]!, cell);
    }
  });
  return {
    id: grouping.id,
    title: grouping.title,
    rowHeader: grouping.rowHeader,
    rows: [...sums].map(([key, [now, before]]) => row(key, grouping.labelOf(key), now, before)),
    total: row("total", "Toàn tỉnh", totals[0], totals[1]),
  };
}

/**
 * The report from aggregates already computed (by rollup, or kept current from the stream):
 * every view, this period against the same period of the previous year.
 */
export function reportFromCubes(current: Cube, previous: Cube, period: ReportPeriod, options: ReportOptions = {}): Report {
  const directory = options.directory ?? haNamNinhBinhDirectory();
  const unitView = options.unitView ?? "period_end";
  const notes: string[] = [];
  const unconfirmed = new Set<string>();
  const unknownUnits = new Set<string>();

  const unitOf = (unitId: string): string => {
    if (!findUnit(directory, unitId)) {
      unknownUnits.add(unitId);
      return unitId;
    }
    if (unitView === "as_recorded") return unitId;
    const resolved = resolveUnitOn(directory, unitId, period.end);
    if (!resolved.confirmed && resolved.unit.id !== unitId) unconfirmed.add(`${unitId} -> ${resolved.unit.id}`);
    return resolved.unit.id;
  };
  const shownUnits = directory.units.filter((unit) =>
    unitView === "period_end" ? isValidOn(unit, period.end) : (unit.validFrom ?? "") <= period.end && (unit.validTo ?? "9999") > period.start,
  );
  const unitRows: Array<[string, string]> = shownUnits.map((unit) => [unit.id, unit.name]);
  const unitLabel = (id: string): string => findUnit(directory, id)?.name ?? id;

  const groupings: Grouping[] = [
    { id: "byUnit", title: "Theo đơn vị", rowHeader: "Đơn vị", rowOf: (d) => unitOf(d.unitId), fixedRows: unitRows, labelOf: unitLabel },
    {
      id: "byJudgmentType",
      title: "Theo loại án",
      rowHeader: "Loại án",
      rowOf: (d) => d.judgmentType,
      fixedRows: JUDGMENT_TYPES.map((type) => [type, JUDGMENT_TYPE_LABELS[type]]),
      labelOf: (key) => JUDGMENT_TYPE_LABELS[key as keyof typeof JUDGMENT_TYPE_LABELS] ?? key,
    },
    {
      id: "byMode",
      title: "Chủ động - theo đơn",
      rowHeader: "Loại việc",
      rowOf: (d) => d.mode,
      fixedRows: (["ex_officio", "on_request"] as const).map((mode) => [mode, MODE_LABELS[mode]]),
      labelOf: (key) => MODE_LABELS[key as EnforcementMode] ?? key,
    },
    {
      id: "creditInstitution",
      title: "Tín dụng ngân hàng",
      rowHeader: "Đơn vị",
      rowOf: (d) => (d.creditInstitution ? unitOf(d.unitId) : null),
      fixedRows: unitRows,
      labelOf: unitLabel,
    },
  ];
  const views = Object.fromEntries(groupings.map((g) => [g.id, buildView(g, current, previous)])) as Record<ViewId, ReportView>;

  const unclassified = views.byUnit.total.current.viec.unclassified;
  if (unclassified > 0) notes.push(reason("report.unclassified-at-period-end", { count: unclassified }).message);
  for (const step of unconfirmed) notes.push(reason("report.unconfirmed-succession", { step }).message);
  for (const unitId of unknownUnits) notes.push(reason("report.unit-not-in-directory", { unit: unitId, version: directory.version }).message);
  return { period, previousPeriod: previousYear(period), unitView, directoryVersion: directory.version, views, notes };
}

export interface BuildReportInput {
  matters: readonly MatterFacts[];
  events: readonly MatterEvent[];
  /** A period name such as "2026-H1" (read under options.scheme) or a parsed period. */
  period: string | ReportPeriod;
  options?: ReportOptions;
}

/**
 * The semiannual report from matters and their audited events: a full recompute of this period
 * and the same period last year in one pass. Ready for `thads report --period 2026-H1`.
 */
export function buildReport({ matters, events, period, options = {} }: BuildReportInput): Report {
  const current = typeof period === "string" ? parsePeriod(period, options.scheme) : period;
  const [now, before] = rollup(histories(matters, events), [current, previousYear(current)]);
  return reportFromCubes(now!, before!, current, options);
}
