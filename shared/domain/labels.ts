/**
 * The words staff read for the extracted case's codes, one source for the CLI and the web console
 * (which writes them with a capital first letter where a label opens a line or a column).
 */
import type { ObligationKind, PartyRole } from "./case.ts";
import type { CaseStatus } from "./stored-case.ts";

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  plaintiff: "Nguyên đơn",
  defendant: "Bị đơn",
  related: "Người có quyền lợi, nghĩa vụ liên quan",
  defendant_criminal: "Bị cáo",
  victim: "Bị hại",
  petitioner: "Người yêu cầu",
  respondent: "Người bị yêu cầu",
  other: "Khác",
};

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  principal: "tiền gốc",
  interest: "tiền lãi",
  compensation: "bồi thường",
  child_support: "cấp dưỡng nuôi con",
  court_fee: "án phí, lệ phí",
  fine: "tiền phạt",
  confiscation: "tịch thu",
  other: "khoản khác",
};

/** A stored case's status as staff name it. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { needs_review: "cần kiểm tra", extracted: "đã trích xuất", verified: "đã xác minh" };

/** A label opening a line or a column: "tiền gốc" -> "Tiền gốc". */
export const capitalized = (label: string): string => label.charAt(0).toLocaleUpperCase("vi") + label.slice(1);
