import type { Report } from "../domain/report/build-report.ts";
import { reportToJson, tableToCsv, type ExportFile, type ExportFormat } from "../domain/report/export/export.ts";
import { reportTables, type Table } from "../domain/report/export/tables.ts";
import type { SpreadsheetWriter } from "../ports/spreadsheet-writer.ts";

/**
 * The report as files, ready for any store (S3, local disk): one .xlsx (rendered by the given
 * spreadsheet writer), one .csv per view, or one .json. Names start with bao-cao-thads-<period id>.
 * `extra` tables (the bank-credit list) join the workbook and the CSV files.
 */
export async function exportReport(report: Report, format: ExportFormat, spreadsheets: SpreadsheetWriter, extra: readonly Table[] = []): Promise<ExportFile[]> {
  const stem = `bao-cao-thads-${report.period.id}`;
  switch (format) {
    case "xlsx":
      return [
        {
          name: `${stem}.xlsx`,
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          body: Buffer.from(await spreadsheets.workbook([...reportTables(report), ...extra])),
        },
      ];
    case "csv":
      return [...reportTables(report), ...extra].map((table) => ({ name: `${stem}-${table.slug}.csv`, contentType: "text/csv; charset=utf-8", body: tableToCsv(table) }));
    case "json":
      return [{ name: `${stem}.json`, contentType: "application/json", body: reportToJson(report) }];
  }
}
