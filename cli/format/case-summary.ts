import {
  STATE_BUDGET,
  type CaseCategory,
  type DocType,
  type ExtractedCase,
  type PartyKind,
} from "#domain/case.ts";
import { CASE_STATUS_LABELS, OBLIGATION_KIND_LABELS, PARTY_ROLE_LABELS } from "#domain/labels.ts";

/** A stored case's status as staff name it. */
export const STATUS_LABELS = CASE_STATUS_LABELS;

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
const PARTY_KINDS: Record<PartyKind, string> = { person: "cá nhân", organization: "tổ chức" };
const PERIODS = { month: "/tháng", year: "/năm" } as const;
const UNKNOWN = "(không rõ)";


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
    ...extracted.parties.map((p) => `  - ${PARTY_ROLE_LABELS[p.role]}: ${p.name} (${PARTY_KINDS[p.kind]})`),
    `Nghĩa vụ trả tiền (${extracted.obligations.length}):`,
    ...extracted.obligations.map(
      (o) =>
        `  - ${partyName(o.debtor)} -> ${partyName(o.creditor)}: ${money(o.amountVnd)}${o.periodic ? PERIODS[o.periodic] : ""} (${OBLIGATION_KIND_LABELS[o.kind]})`,
    ),
  ];
  if (extracted.reviewReasons.length > 0) {
    lines.push("Cần kiểm tra lại:", ...extracted.reviewReasons.map((reason) => `  - ${reason}`));
  }
  return `${lines.join("\n")}\n`;
}
