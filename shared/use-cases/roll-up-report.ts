/**
 * The scheduled report: rebuilds the aggregates of the period under way (and of the same period
 * last year) from the residuals the matters stream keeps, and exports the report as XLSX, CSV and
 * JSON. Reads O(periods × cells) items, never the matters themselves.
 */
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import { reportFromCubes, type Report } from "../domain/report/build-report.ts";
import { cubesFromResiduals, periodsContaining } from "../domain/report/carry-forward.ts";
import type { ExportFormat } from "../domain/report/export/export.ts";
import type { Table } from "../domain/report/export/tables.ts";
import { previousYear, vietnamDate, vietnamMidnight, type PeriodScheme, type ReportPeriod } from "../domain/report/periods.ts";
import type { ObjectStore } from "../ports/object-store.ts";
import type { ReportAggregates } from "../ports/report-aggregates.ts";
import type { ReportRollup, RollupResult } from "../ports/report-rollup.ts";
import type { SpreadsheetWriter } from "../ports/spreadsheet-writer.ts";
import { exportReport } from "./export-report.ts";

/** Where exports go in the reports bucket: reports/<period id>/<through date>/<file>. */
export const REPORTS_PREFIX = "reports/";
const FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json"];
const DAY_MS = 24 * 3600 * 1000;

/**
 * What a run at `asOf` reports: the last whole day in Vietnam before the run, and the report
 * period holding it (statistical scheme: the 6-month report from October to March, then the
 * 12-month one). A run just after midnight on 1 April thus writes the final 6-month report.
 */
export function periodToReport(asOf: string, scheme: PeriodScheme): { period: ReportPeriod; through: string } {
  const through = vietnamDate(new Date(Date.parse(asOf) - DAY_MS).toISOString());
  return { period: periodsContaining(vietnamMidnight(through), scheme)[0]!, through };
}

export interface ReportDependencies {
  aggregates: ReportAggregates;
  scheme: PeriodScheme;
  directory: AgencyDirectory;
}

/**
 * The report of one period, against the same period a year before, from the aggregates the matters
 * stream keeps: what the scheduled rollup exports, `thads report` writes and GET /reports/{period} answers.
 */
export async function reportFromAggregates(period: ReportPeriod, deps: ReportDependencies): Promise<Report> {
  const residuals = await deps.aggregates.residuals(deps.scheme, period);
  const [current, previous] = cubesFromResiduals(residuals, [period, previousYear(period)]);
  return reportFromCubes(current!, previous!, period, { scheme: deps.scheme, directory: deps.directory });
}

export interface RollupDependencies extends ReportDependencies {
  files: ObjectStore;
  spreadsheets: SpreadsheetWriter;
  bucket: string;
  /** Sheets exported beside the report: the bank-credit list as of the run. */
  extraTables?: (asOf: string) => Promise<Table[]>;
}

export function reportRollup(deps: RollupDependencies): ReportRollup {
  return {
    async rollUp({ asOf }): Promise<RollupResult> {
      const { period, through } = periodToReport(asOf, deps.scheme);
      const report = await reportFromAggregates(period, deps);
      const reportKeys: string[] = [];
      const extra = (await deps.extraTables?.(asOf)) ?? [];
      for (const format of FORMATS) {
        for (const file of await exportReport(report, format, deps.spreadsheets, extra)) {
          const key = `${REPORTS_PREFIX}${period.id}/${through}/${file.name}`;
          await deps.files.put({ bucket: deps.bucket, key }, file.body, file.contentType);
          reportKeys.push(key);
        }
      }
      return { period: period.id, through, reportKeys };
    },
  };
}
