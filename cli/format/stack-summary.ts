import type { CaseSummary } from "#ports/case-repository.ts";
import type { IngestOutcome } from "../../local/ingest.ts";
import type { FailedDocument, StackSummary } from "../../local/summary.ts";
import { OBLIGATION_KIND_LABELS } from "#domain/labels.ts";
import { date, money, STATUS_LABELS } from "./case-summary.ts";

const UNKNOWN = "(không rõ)";
const NO_AGENCY = "(chưa có cơ quan THA)";

/** Columns padded to their widest cell, numbers right-aligned. */
function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) =>
    `  ${row.map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join("  ")}`.trimEnd(),
  );
}

/** One line of a review-queue entry: the case, its court and number, and why it waits. */
export function formatQueueEntry(entry: CaseSummary): string {
  const reasons = entry.reviewReasons.length > 0 ? entry.reviewReasons.join("; ") : "chưa rõ lý do";
  return `  ${entry.caseId}  ${entry.caseNumber ?? UNKNOWN}  ${entry.court ?? entry.courtId}  (nhận ${date(entry.receivedAt.slice(0, 10))})\n      lý do: ${reasons}`;
}

export function formatFailedDocument(failed: FailedDocument): string {
  return `  ${failed.fileName}${failed.courtId ? ` (${failed.courtId})` : ""}: ${failed.reason} [${failed.deliveries} lần]`;
}

/** The summary `npm start` and `thads ingest` print: what the stack holds, in the words staff use. */
export function formatStackSummary(summary: StackSummary): string {
  const lines = [
    `Hồ sơ (vụ việc): ${summary.cases}  (cần kiểm tra: ${summary.byStatus.needs_review}, đã trích xuất: ${summary.byStatus.extracted}, đã xác minh: ${summary.byStatus.verified})`,
    `Đương sự: ${summary.parties}`,
    "Nghĩa vụ trả tiền theo loại:",
    ...(summary.obligations.length === 0
      ? ["  (không có)"]
      : table(
          summary.obligations.map((entry) => [OBLIGATION_KIND_LABELS[entry.kind], `${entry.count} khoản`, money(entry.amountVnd)]),
          [1, 2],
        )),
    "Số tiền theo cơ quan thi hành án:",
    ...(summary.agencies.length === 0
      ? ["  (không có)"]
      : table(
          summary.agencies.map((entry) => [entry.agencyId ?? NO_AGENCY, `${entry.cases} hồ sơ`, money(entry.amountVnd)]),
          [1, 2],
        )),
    `Hàng chờ kiểm tra: ${summary.reviewQueue.length}`,
    ...summary.reviewQueue.map(formatQueueEntry),
  ];
  if (summary.failed.length > 0) lines.push(`Không xử lý được (hàng đợi lỗi): ${summary.failed.length}`, ...summary.failed.map(formatFailedDocument));
  return `${lines.join("\n")}\n`;
}

/** One line per ingested file: what became of it. */
export function formatIngestOutcome(outcome: IngestOutcome, name: string): string {
  switch (outcome.outcome) {
    case "created":
      return `  + ${name}: hồ sơ mới ${outcome.caseId} (${STATUS_LABELS[outcome.status]})`;
    case "duplicate":
      return `  = ${name}: trùng hồ sơ ${outcome.caseId} (đã nhận: ${outcome.firstFileName})`;
    case "failed":
    case "unreadable":
      return `  ! ${name}: không xử lý được: ${outcome.reason}`;
  }
}

/** A progress bar for terminals: "[#########.........] 9/18". */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}
