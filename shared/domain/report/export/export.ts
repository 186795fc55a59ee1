import ExcelJS from "exceljs";
import type { Report } from "../build-report.ts";
import { reportTables, type CellFormat, type Table, type TableCell } from "./tables.ts";

export type ExportFormat = "xlsx" | "csv" | "json";

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer;
}

const EXCEL_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  count: "#,##0",
  money: "#,##0",
  rate: "0.00%",
};

/** One workbook, one sheet per view; numbers stay numbers, shown with thousands separators and percent. */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "thads-pipeline";
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((cell) => cell.value));
      cells.forEach((cell, index) => {
        const numFmt = EXCEL_FORMATS[cell.format];
        if (numFmt) row.getCell(index + 1).numFmt = numFmt;
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 38 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Vietnamese grouping: 1.234.567; negative changes keep their sign. */
function groupThousands(value: number): string {
  const digits = String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return value < 0 ? `-${digits}` : digits;
}

function csvText(cell: TableCell): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "string") return cell.value;
  if (cell.format === "rate") return `${(cell.value * 100).toFixed(2).replace(".", ",")}%`;
  return groupThousands(cell.value);
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the diacritics) per table. */
export function tableToCsv(table: Table): Buffer {
  const lines = [table.header.map(csvField).join(","), ...table.rows.map((cells) => cells.map((cell) => csvField(csvText(cell))).join(","))];
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export function reportToJson(report: Report): Buffer {
  return Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8");
}

/**
 * The report as files, ready for any store (S3, local disk): one .xlsx, one .csv per view,
 * or one .json. Names start with bao-cao-thads-<period id>.
 */
export async function exportReport(report: Report, format: ExportFormat): Promise<ExportFile[]> {
  const stem = `bao-cao-thads-${report.period.id}`;
  switch (format) {
    case "xlsx":
      return [{ name: `${stem}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await reportToXlsx(report) }];
    case "csv":
      return reportTables(report).map((table) => ({ name: `${stem}-${table.slug}.csv`, contentType: "text/csv; charset=utf-8", body: tableToCsv(table) }));
    case "json":
      return [{ name: `${stem}.json`, contentType: "application/json", body: reportToJson(report) }];
  }
}
