/**
 * What extraction asks staff to check, in Vietnamese, each naming what to look at: the field that is missing,
 * or the amount (in digits, as printed in the document) and the item of the operative part it stands in.
 */
import type { DocType } from "../case.ts";
import type { UnresolvedAmount } from "./obligations.ts";

/** Below this the document type was guessed from the body, not read from a title. */
const DOC_TYPE_GUESSED = 0.6;

/** "300.000": Vietnamese digit grouping, as amounts are printed in judgments. */
export function formatVnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export interface DocumentFacts {
  docType: DocType;
  docTypeConfidence: number;
  caseNumber: string | null;
  caseNumberConfidence: number;
  court: string | null;
  issuedDate: string | null;
  parties: number;
  operative: boolean;
}

/** Reasons about the document as a whole: what could not be read from its heading and structure. */
export function documentReasons(facts: DocumentFacts): string[] {
  const reasons: string[] = [];
  if (facts.docType === "other") reasons.push("Không nhận ra văn bản là bản án hay quyết định: cần xác định loại văn bản");
  else if (facts.docTypeConfidence < DOC_TYPE_GUESSED) reasons.push("Loại văn bản được suy ra từ nội dung (không đọc được tiêu đề): cần kiểm tra bản án hay quyết định");
  if (!facts.caseNumber) reasons.push("Không tìm thấy số bản án/quyết định (có thể thiếu trang đầu): cần nhập số");
  else if (facts.caseNumberConfidence < 0.5) reasons.push(`Số bản án/quyết định đọc được không đầy đủ ("${facts.caseNumber}"): cần kiểm tra số, năm và ký hiệu`);
  if (!facts.court) reasons.push("Không xác định được Tòa án ban hành: cần nhập tên Tòa án");
  if (!facts.issuedDate) reasons.push("Không tìm thấy ngày ban hành: cần nhập ngày");
  if (facts.parties === 0) reasons.push("Không tìm thấy đương sự: cần nhập các đương sự");
  if (!facts.operative && facts.docType !== "other") reasons.push("Không tìm thấy phần QUYẾT ĐỊNH/XỬ: các khoản tiền phải thi hành có thể bị thiếu");
  return reasons;
}

const PROBLEM: Record<UnresolvedAmount["problem"], string> = {
  "no-order": "chưa xác định được là khoản phải thi hành của ai",
  "no-debtor": "chưa xác định được người phải trả/nộp",
  "no-creditor": "chưa xác định được người được nhận",
};

/** "Số tiền 300.000 đồng tại mục 2 chưa xác định được người phải trả/nộp". */
export function unresolvedReason(amount: UnresolvedAmount): string {
  const where = amount.item ? ` tại mục ${amount.item.replace(/^dieu/i, "Điều")}` : " trong phần quyết định";
  return `Số tiền ${formatVnd(amount.amountVnd)} đồng${where} ${PROBLEM[amount.problem]}`;
}

/** A doubt about an obligation that was read, naming its amount. */
export function obligationReason(amountVnd: number, doubt: string): string {
  return `Khoản ${formatVnd(amountVnd)} đồng: ${doubt}`;
}
