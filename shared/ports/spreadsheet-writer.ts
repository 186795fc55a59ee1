import type { Table } from "../domain/report/export/tables.ts";

/** Renders tables as one spreadsheet workbook (XLSX), a sheet per table. */
export interface SpreadsheetWriter {
  workbook(tables: readonly Table[]): Promise<Uint8Array>;
}
