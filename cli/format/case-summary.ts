import {
  STATE_BUDGET,
  type CaseCategory,
  type DocType,
  type ExtractedCase,
  type ObligationKind,
  type PartyKind,
  type PartyRole,
} from "#domain/case.ts";
import type { CaseStatus } from "#domain/stored-case.ts";

/** Labels in the words enforcement staff use on the forms. */
const DOC_TYPES: Record<DocType, string> = { judgment: "Bản án", decision: "Quyết định", other: "Văn bản khác" };
const CATEGORIES: Record<CaseCategory, string> = {
  civil: "Dân sự",
  commercial: "Kinh doanh, thương mại",
  marriage_family: "Hôn nhân và gia đình",
  criminal: "Hình sự",
  labor: "Lao động",
  administrative: "Hành chính",
  bankruptcy: "Phá sản",
  other: "Khác",
};
const ROLES: Record<PartyRole, string> = {
  plaintiff: "Nguyên đơn",
  defendant: "Bị đơn",
  related: "Người có quyền lợi, nghĩa vụ liên quan",
  defendant_criminal: "Bị cáo",
  victim: "Bị hại",
  petitioner: "Người yêu cầu",
  respondent: "Người bị yêu cầu",
  other: "Khác",
};
const PARTY_KINDS: Record<PartyKind, string> = { person: "cá nhân", organization: "tổ chức" };
export const OBLIGATION_KINDS: Record<ObligationKind, string> = {
  principal: "tiền gốc",
  interest: "tiền lãi",
  compensation: "bồi thường",
  child_support: "cấp dưỡng nuôi con",
  court_fee: "án phí, lệ phí",
  fine: "tiền phạt",
  confiscation: "tịch thu",
  other: "khoản khác",
};
const PERIODS = { month: "/tháng", year: "/năm" } as const;
const UNKNOWN = "(không rõ)";

/** A stored case's status as staff name it. */
export const STATUS_LABELS: Record<CaseStatus, string> = { needs_review: "cần kiểm tra", extracted: "đã trích xuất", verified: "đã xác minh" };

let vnd: Intl.NumberFormat | undefined;
/** 150000000 -> "150.000.000 đ", grouped with dots as Vietnamese documents write amounts. */
export const money = (amount: number): string => `${(vnd ??= new Intl.NumberFormat("vi-VN")).format(amount)} đ`;
const partyName = (name: string): string => (name === STATE_BUDGET ? "Ngân sách nhà nước" : name);
/** "2024-03-15" -> "15/03/2024". */
export const date = (iso: string | null): string => (iso ? iso.split("-").reverse().join("/") : UNKNOWN);

export interface DocumentFacts {
  file: string;
  mediaType: string;
  pageCount: number;
}

/** A few lines a person can read at a glance: what the document is, who is involved, who owes what. */
export function formatCaseSummary(extracted: ExtractedCase, source: DocumentFacts): string {
  const lines = [
    `== ${source.file} (${source.mediaType}, ${source.pageCount} trang)`,
    `Văn bản:       ${DOC_TYPES[extracted.docType]} số ${extracted.caseNumber ?? UNKNOWN}, ngày ${date(extracted.issuedDate)}`,
    `Tòa án:        ${extracted.court ?? UNKNOWN}`,
    `Loại vụ việc:  ${CATEGORIES[extracted.caseCategory]}${extracted.subject ? ` (V/v: ${extracted.subject})` : ""}`,
    `Tổ chức tín dụng là đương sự: ${extracted.creditInstitutionInvolved ? "có" : "không"}`,
    `Đương sự (${extracted.parties.length}):`,
    ...extracted.parties.map((p) => `  - ${ROLES[p.role]}: ${p.name} (${PARTY_KINDS[p.kind]})`),
    `Nghĩa vụ trả tiền (${extracted.obligations.length}):`,
    ...extracted.obligations.map(
      (o) =>
        `  - ${partyName(o.debtor)} -> ${partyName(o.creditor)}: ${money(o.amountVnd)}${o.periodic ? PERIODS[o.periodic] : ""} (${OBLIGATION_KINDS[o.kind]})`,
    ),
  ];
  if (extracted.reviewReasons.length > 0) {
    lines.push("Cần kiểm tra lại:", ...extracted.reviewReasons.map((reason) => `  - ${reason}`));
  }
  return `${lines.join("\n")}\n`;
}
