import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { xlsxWorkbookWriter } from "#adapters/xlsx/xlsx-workbook-writer.ts";
import { tableToCsv, type ExportFormat } from "#domain/report/export/export.ts";
import { reportTables } from "#domain/report/export/tables.ts";
import { exportReport as exportWith } from "#use-cases/export-report.ts";
import { M, smallProvinceReport as report } from "./small-province.ts";

const exportReport = (subject: typeof report, format: ExportFormat) => exportWith(subject, format, xlsxWorkbookWriter);

async function workbook(): Promise<ExcelJS.Workbook> {
  const [file] = await exportReport(report, "xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file!.body as unknown as ArrayBuffer);
  return book;
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
}

describe("XLSX export", () => {
  it("has one sheet per view, plus the comparison and notes", async () => {
    const book = await workbook();
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "Theo đơn vị", "Theo loại án", "Chủ động - theo đơn", "Tín dụng ngân hàng", "Cùng kỳ năm trước", "Thông tin",
    ]);
  });

  it("writes the by-unit sheet cell by cell with Vietnamese headers", async () => {
    const sheet = (await workbook()).getWorksheet("Theo đơn vị")!;
    const header = rowValues(sheet, 1);
    expect(header.slice(0, 4)).toEqual(["Đơn vị", "Năm trước chuyển sang (việc)", "Thụ lý mới (việc)", "Tổng thụ lý (việc)"]);
    expect(header).toContain("Giảm (tiền, đồng)");
    expect(header).not.toContain("Giảm (việc)");
    expect(header).toHaveLength(1 + 15 + 16);
    // việc: chuyển sang, mới, tổng, ủy thác, phải TH, có ĐK, xong, đình chỉ, đang, hoãn, tạm ĐC, khác, chưa ĐK, tỷ lệ, chuyển kỳ sau
    // tiền: the same with giảm after đình chỉ
    expect(rowValues(sheet, 3)).toEqual([
      "Phòng Thi hành án dân sự khu vực 1",
      2, 2, 4, 0, 4, 3, 1, 1, 1, 0, 0, 0, 1, 2 / 3, 2,
      130 * M, 50 * M, 180 * M, 0, 180 * M, 130 * M, 80 * M, 10 * M, 10 * M, 30 * M, 0, 0, 0, 50 * M, 90 / 130, 80 * M,
    ]);
    expect(rowValues(sheet, 5)).toEqual([
      "Toàn tỉnh",
      2, 5, 7, 1, 6, 5, 1, 1, 1, 1, 0, 1, 1, 2 / 5, 4,
      130 * M, 287 * M, 417 * M, 150 * M, 267 * M, 217 * M, 130 * M, 10 * M, 10 * M, 30 * M, 30 * M, 0, 7 * M, 50 * M, 140 / 217, 117 * M,
    ]);
    expect(sheet.getRow(2).getCell(15).value).toBeNull(); // no enforceable matters: no rate, not 0%
  });

  it("formats counts and money with thousands separators and rates as percent", async () => {
    const sheet = (await workbook()).getWorksheet("Theo đơn vị")!;
    const row = sheet.getRow(3);
    expect(row.getCell(2).numFmt).toBe("#,##0");
    expect(row.getCell(17).numFmt).toBe("#,##0");
    expect(row.getCell(15).numFmt).toBe("0.00%");
    expect(row.getCell(31).numFmt).toBe("0.00%");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(32).font?.bold).toBe(true);
  });

  it("compares each indicator with the same period last year", async () => {
    const sheet = (await workbook()).getWorksheet("Cùng kỳ năm trước")!;
    expect(rowValues(sheet, 1)).toEqual([
      "Đơn vị", "Chỉ tiêu", "Kỳ này 2026-H1 (việc)", "Cùng kỳ 2025-H1 (việc)", "Tăng, giảm (việc)",
      "Kỳ này 2026-H1 (tiền, đồng)", "Cùng kỳ 2025-H1 (tiền, đồng)", "Tăng, giảm (tiền, đồng)",
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    expect(rows.find((r) => r[0] === "Toàn tỉnh" && r[1] === "Thụ lý mới")).toEqual(["Toàn tỉnh", "Thụ lý mới", 5, 1, 4, 287 * M, 20 * M, 267 * M]);
    // "Giảm" counts no matters: blank cells
    expect(rows.find((r) => r[0] === "Toàn tỉnh" && r[1] === "Giảm")).toEqual(["Toàn tỉnh", "Giảm", null, null, null, 10 * M, 0, 10 * M]);
  });
});

describe("CSV and JSON export", () => {
  it("writes one CSV per view with Vietnamese number formats and a BOM", async () => {
    const files = await exportReport(report, "csv");
    expect(files.map((f) => f.name)).toEqual([
      "bao-cao-thads-2026-H1-theo-don-vi.csv",
      "bao-cao-thads-2026-H1-theo-loai-an.csv",
      "bao-cao-thads-2026-H1-chu-dong-theo-don.csv",
      "bao-cao-thads-2026-H1-tin-dung-ngan-hang.csv",
      "bao-cao-thads-2026-H1-cung-ky-nam-truoc.csv",
      "bao-cao-thads-2026-H1-thong-tin.csv",
    ]);
    const text = files[0]!.body.toString("utf8");
    expect(text.startsWith("\uFEFFĐơn vị,Năm trước chuyển sang (việc),")).toBe(true);
    const kv1 = text.split("\r\n")[2]!;
    expect(kv1).toBe(
      'Phòng Thi hành án dân sự khu vực 1,2,2,4,0,4,3,1,1,1,0,0,0,1,"66,67%",2,' +
        '130.000.000,50.000.000,180.000.000,0,180.000.000,130.000.000,80.000.000,10.000.000,10.000.000,30.000.000,0,0,0,50.000.000,"69,23%",80.000.000',
    );
  });

  it("quotes fields holding commas or quotes and shows negative changes", () => {
    const csv = tableToCsv({ name: "t", slug: "t", header: ["a, b", 'say "hi"'], rows: [[{ value: -1234567, format: "money" }, { value: null, format: "rate" }]] });
    expect(csv.toString("utf8")).toBe('\uFEFF"a, b","say ""hi"""\r\n-1.234.567,\r\n');
  });

  it("writes the whole report as JSON", async () => {
    const [file] = await exportReport(report, "json");
    const parsed = JSON.parse(file!.body.toString("utf8"));
    expect(parsed.period.name).toBe("2026-H1");
    expect(parsed.views.byUnit.total.current.viec.totalReceived).toBe(7);
  });

  it("puts the period, the rate's formula and the notes in the notes sheet", () => {
    const about = reportTables(report).at(-1)!;
    const values = about.rows.map((r) => r.map((c) => c.value));
    expect(values).toContainEqual(["Kỳ báo cáo", "2026-H1: 2025-10-01 đến 2026-03-31"]);
    expect(values).toContainEqual(["Tỷ lệ xong", "(Thi hành xong + Đình chỉ) / Có điều kiện thi hành"]);
  });
});
