import type { Report } from "../build-report.ts";
import type { Table, TableCell } from "./tables.ts";

/** The formats a report is exported in; the XLSX workbook is an adapter's work (shared/use-cases/export-report.ts). */
export type ExportFormat = "xlsx" | "csv" | "json";

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer;
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
