import { describe, expect, it } from "vitest";
import { STATE_BUDGET, type ExtractedCase } from "#domain/case.ts";
import { formatCaseSummary } from "../../cli/format/case-summary.ts";

const decision: ExtractedCase = {
  docType: "decision",
  caseNumber: "112/2024/QĐST-HNGĐ",
  issuedDate: "2024-06-18",
  court: "Tòa án nhân dân huyện Kim Sơn, tỉnh Ninh Bình",
  caseCategory: "marriage_family",
  subject: null,
  parties: [
    { name: "Phạm Thị Thanh Hương", role: "plaintiff", kind: "person", confidence: 0.9, evidence: null },
    { name: "Bùi Văn Tuấn", role: "defendant", kind: "person", confidence: 0.9, evidence: null },
  ],
  obligations: [
    { debtor: "Bùi Văn Tuấn", creditor: "Phạm Thị Thanh Hương", amountVnd: 3_000_000, kind: "child_support", periodic: "month", confidence: 0.9, evidence: null },
    { debtor: "Phạm Thị Thanh Hương", creditor: STATE_BUDGET, amountVnd: 4_150_000, kind: "court_fee", periodic: null, confidence: 0.9, evidence: null },
  ],
  creditInstitutionInvolved: false,
  confidence: { docType: 1, caseNumber: 1, issuedDate: 1, court: 1, caseCategory: 1, subject: 0, creditInstitutionInvolved: 1 },
  evidence: {},
  reviewReasons: ["subject not found"],
};

describe("the readable case summary", () => {
  const summary = formatCaseSummary(decision, { file: "qd.txt", mediaType: "text/plain", pageCount: 1 }).split("\n");

  it("names the document, its number and its date the Vietnamese way", () => {
    expect(summary).toContain("Văn bản:       Quyết định số 112/2024/QĐST-HNGĐ, ngày 18/06/2024");
    expect(summary).toContain("Loại vụ việc:  Hôn nhân và gia đình");
  });

  it("lists parties with their procedural roles", () => {
    expect(summary).toContain("  - Nguyên đơn: Phạm Thị Thanh Hương (cá nhân)");
    expect(summary).toContain("  - Bị đơn: Bùi Văn Tuấn (cá nhân)");
  });

  it("writes amounts with dot grouping, periods per month and the state budget by its name", () => {
    expect(summary).toContain("  - Bùi Văn Tuấn -> Phạm Thị Thanh Hương: 3.000.000 đ/tháng (cấp dưỡng nuôi con)");
    expect(summary).toContain("  - Phạm Thị Thanh Hương -> Ngân sách nhà nước: 4.150.000 đ (án phí, lệ phí)");
  });

  it("ends with what staff should check", () => {
    expect(summary.slice(-3)).toEqual(["Cần kiểm tra lại:", "  - subject not found", ""]);
  });
});
