/**
 * Matters as lists show them (worklists, the bank-credit list): no audit trail, the age since thụ
 * lý, and the bank-credit list as a table the report exporters write.
 */
import type { AgencyDirectory } from "../agencies/directory.ts";
import { findUnit } from "../agencies/directory.ts";
import { balanceVnd, type Matter, type Obstacle } from "../lifecycle/matter.ts";
import { STATE_LABELS } from "../lifecycle/states.ts";
import type { Table, TableCell } from "../report/export/tables.ts";
import { vietnamDate } from "../report/periods.ts";
import { vietnameseDate } from "../review-reasons.ts";

/** A matter as worklists show it. */
export type MatterRow = Pick<Matter, "id" | "caseId" | "unitId" | "state" | "mode" | "creditInstitution" | "debtor" | "creditor" | "owedVnd" | "collectedVnd" | "reducedVnd" | "version"> & {
  executor: string | null;
  /** ISO date of thụ lý (in Vietnam). */
  openedOn: string;
  obstacles: Obstacle[];
};

const DAY_MS = 24 * 3600 * 1000;

/** Whole days from one ISO date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `days` days before `date`: matters thụ lý before it are older than `days` days. */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** One row of the bank-credit list: what the State Bank branch and the agency review each year. */
export interface CreditCaseRow {
  matterId: string;
  caseId: string;
  unitId: string;
  unitName: string;
  debtor: string;
  creditor: string;
  owedVnd: number;
  collectedVnd: number;
  balanceVnd: number;
  openedOn: string;
  ageDays: number;
  state: Matter["state"];
  stateLabel: string;
  executor: string | null;
  obstacles: Obstacle[];
}

/** The bank-credit list rows for open credit matters, as of an ISO date (in Vietnam). */
export function creditCaseRows(rows: readonly MatterRow[], asOf: string, directory: AgencyDirectory): CreditCaseRow[] {
  return rows.map((row) => ({
    matterId: row.id,
    caseId: row.caseId,
    unitId: row.unitId,
    unitName: findUnit(directory, row.unitId)?.name ?? row.unitId,
    debtor: row.debtor,
    creditor: row.creditor,
    owedVnd: row.owedVnd,
    collectedVnd: row.collectedVnd,
    balanceVnd: balanceVnd(row),
    openedOn: row.openedOn,
    ageDays: daysBetween(row.openedOn, asOf),
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    executor: row.executor,
    obstacles: row.obstacles,
  }));
}

const text = (value: string): TableCell => ({ value, format: "text" });
const money = (value: number): TableCell => ({ value, format: "money" });

/** The bank-credit list as one sheet (XLSX) or file (CSV). */
export function creditCasesTable(rows: readonly CreditCaseRow[]): Table {
  return {
    name: "Án tín dụng chưa xong",
    slug: "an-tin-dung-chua-xong",
    header: [
      "Đơn vị",
      "Mã việc",
      "Người phải thi hành",
      "Người được thi hành",
      "Phải thi hành (đồng)",
      "Đã thu (đồng)",
      "Còn phải thi hành (đồng)",
      "Ngày thụ lý",
      "Số ngày từ khi thụ lý",
      "Trạng thái",
      "Chấp hành viên",
      "Vướng mắc",
    ],
    rows: rows.map((row) => [
      text(row.unitName),
      text(row.matterId),
      text(row.debtor),
      text(row.creditor),
      money(row.owedVnd),
      money(row.collectedVnd),
      money(row.balanceVnd),
      text(vietnameseDate(row.openedOn)),
      { value: row.ageDays, format: "count" },
      text(row.stateLabel),
      text(row.executor ?? ""),
      text(row.obstacles.map((obstacle) => `${vietnameseDate(vietnamDate(obstacle.at))}: ${obstacle.note}`).join("; ")),
    ]),
  };
}
