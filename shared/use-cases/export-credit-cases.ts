import { tableToCsv, type ExportFile, type ExportFormat } from "../domain/report/export/export.ts";
import { creditCasesTable, type CreditCaseRow } from "../domain/matters/worklist.ts";
import type { SpreadsheetWriter } from "../ports/spreadsheet-writer.ts";

/** The bank-credit list as one file in the format asked for, named an-tin-dung-chua-xong-<date>. */
export async function exportCreditCases(list: { asOf: string; cases: CreditCaseRow[] }, format: ExportFormat, spreadsheets: SpreadsheetWriter): Promise<ExportFile> {
  const table = creditCasesTable(list.cases);
  const stem = `${table.slug}-${list.asOf}`;
  switch (format) {
    case "xlsx":
      return { name: `${stem}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: Buffer.from(await spreadsheets.workbook([table])) };
    case "csv":
      return { name: `${stem}.csv`, contentType: "text/csv; charset=utf-8", body: tableToCsv(table) };
    case "json":
      return { name: `${stem}.json`, contentType: "application/json", body: Buffer.from(`${JSON.stringify(list, null, 2)}\n`, "utf8") };
  }
}
