import { STATE_LABELS } from "../../lifecycle/states.ts";
import type { Report, ReportRow, ReportView } from "../build-report.ts";
import type { Indicators } from "../indicators.ts";

/** How a cell is shown: counts and money with thousands separators, rates as percent. */
export type CellFormat = "text" | "count" | "money" | "rate";

export interface TableCell {
  value: string | number | null;
  format: CellFormat;
}

/** One sheet (XLSX) or file (CSV): a header row and data rows. */
export interface Table {
  /** Sheet name, at most 31 characters. */
  name: string;
  /** File-name part for CSV. */
  slug: string;
  header: string[];
  rows: TableCell[][];
}

type Column = { name: keyof Indicators; label: string; money?: "only" };

/** The indicator columns in the order of the official form. */
export const INDICATOR_COLUMNS: readonly Column[] = [
  { name: "carriedOver", label: "Năm trước chuyển sang" },
  { name: "new", label: "Thụ lý mới" },
  { name: "totalReceived", label: "Tổng thụ lý" },
  { name: "transferred", label: "Ủy thác" },
  { name: "toEnforce", label: "Tổng phải thi hành" },
  { name: "enforceable", label: "Có điều kiện thi hành" },
  { name: "completed", label: "Thi hành xong" },
  { name: "terminated", label: "Đình chỉ" },
  { name: "reduced", label: "Giảm", money: "only" },
  { name: "inProgress", label: "Đang thi hành" },
  { name: "postponed", label: "Hoãn" },
  { name: "suspended", label: "Tạm đình chỉ" },
  { name: "other", label: "Khác" },
  { name: "notEnforceable", label: "Chưa có điều kiện thi hành" },
  { name: "completionRate", label: "Tỷ lệ xong" },
  { name: "carriedToNext", label: "Chuyển kỳ sau" },
];

const text = (value: string): TableCell => ({ value, format: "text" });
const measureCell = (measure: "viec" | "tien", name: keyof Indicators, value: number | null): TableCell => ({
  value,
  format: name === "completionRate" ? "rate" : measure === "tien" ? "money" : "count",
});

function indicatorHeader(rowHeader: string): string[] {
  return [
    rowHeader,
    ...INDICATOR_COLUMNS.filter((c) => c.money !== "only").map((c) => `${c.label} (việc)`),
    ...INDICATOR_COLUMNS.map((c) => `${c.label} (tiền, đồng)`),
  ];
}

function indicatorRow(row: ReportRow): TableCell[] {
  return [
    text(row.label),
    ...INDICATOR_COLUMNS.filter((c) => c.money !== "only").map((c) => measureCell("viec", c.name, row.current.viec[c.name])),
    ...INDICATOR_COLUMNS.map((c) => measureCell("tien", c.name, row.current.tien[c.name])),
  ];
}

const SLUGS: Record<ReportView["id"], string> = {
  byUnit: "theo-don-vi",
  byJudgmentType: "theo-loai-an",
  byMode: "chu-dong-theo-don",
  creditInstitution: "tin-dung-ngan-hang",
};

function viewTable(view: ReportView): Table {
  return { name: view.title, slug: SLUGS[view.id], header: indicatorHeader(view.rowHeader), rows: [...view.rows, view.total].map(indicatorRow) };
}

/** This period against the same period last year, per unit and province total, one row per indicator. */
function comparisonTable(report: Report): Table {
  const view = report.views.byUnit;
  const rows = [...view.rows, view.total].flatMap((row) =>
    INDICATOR_COLUMNS.map((c) => {
      const pair = (measure: "viec" | "tien") =>
        c.money === "only" && measure === "viec"
          ? [text(""), text(""), text("")]
          : [row.current, row.previous, row.change].map((values) => measureCell(measure, c.name, values[measure][c.name]));
      return [text(row.label), text(c.label), ...pair("viec"), ...pair("tien")];
    }),
  );
  const prev = report.previousPeriod;
  return {
    name: "Cùng kỳ năm trước",
    slug: "cung-ky-nam-truoc",
    header: [
      "Đơn vị",
      "Chỉ tiêu",
      `Kỳ này ${report.period.name} (việc)`,
      `Cùng kỳ ${prev.name} (việc)`,
      "Tăng, giảm (việc)",
      `Kỳ này ${report.period.name} (tiền, đồng)`,
      `Cùng kỳ ${prev.name} (tiền, đồng)`,
      "Tăng, giảm (tiền, đồng)",
    ],
    rows,
  };
}

function aboutTable(report: Report): Table {
  const { period, previousPeriod } = report;
  const facts: Array<[string, string]> = [
    ["Kỳ báo cáo", `${period.name}: ${period.start} đến ${period.end}`],
    ["Cách tính kỳ", period.scheme === "statistical" ? "Năm thống kê từ 01/10, lũy kế" : "Nửa năm dương lịch"],
    ["Cùng kỳ năm trước", `${previousPeriod.name}: ${previousPeriod.start} đến ${previousPeriod.end}`],
    ["Đơn vị theo", report.unitView === "period_end" ? "Tổ chức tại ngày cuối kỳ" : "Đơn vị thụ lý"],
    ["Danh mục đơn vị", report.directoryVersion],
    ["Tỷ lệ xong", "(Thi hành xong + Đình chỉ) / Có điều kiện thi hành"],
    ["Khác", `Gồm việc ${STATE_LABELS.accepted} chưa phân loại`],
    ...report.notes.map((note): [string, string] => ["Ghi chú", note]),
  ];
  return { name: "Thông tin", slug: "thong-tin", header: ["Mục", "Nội dung"], rows: facts.map(([k, v]) => [text(k), text(v)]) };
}

/** Every view of the report as a table: one sheet each in XLSX, one file each in CSV. */
export function reportTables(report: Report): Table[] {
  return [
    viewTable(report.views.byUnit),
    viewTable(report.views.byJudgmentType),
    viewTable(report.views.byMode),
    viewTable(report.views.creditInstitution),
    comparisonTable(report),
    aboutTable(report),
  ];
}
