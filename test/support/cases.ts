import type { ExtractedCase } from "#domain/case.ts";
import type { StoredCase } from "#domain/stored-case.ts";

/** A plausible extraction of a civil judgment from a court in Hà Nam. */
export function extractedCase(overrides: Partial<ExtractedCase> = {}): ExtractedCase {
  return {
    docType: "judgment",
    caseNumber: "12/2017/DS-ST",
    issuedDate: "2017-09-12",
    court: "Tòa án nhân dân thành phố Phủ Lý, tỉnh Hà Nam",
    caseCategory: "civil",
    subject: "Tranh chấp hợp đồng vay tài sản",
    parties: [
      { name: "Nguyễn Văn Hùng", role: "plaintiff", kind: "person", confidence: 0.95, evidence: null },
      { name: "Trần Thị Bích", role: "defendant", kind: "person", confidence: 0.93, evidence: null },
    ],
    obligations: [
      { debtor: "Trần Thị Bích", creditor: "Nguyễn Văn Hùng", amountVnd: 150_000_000, kind: "principal", periodic: null, confidence: 0.9, evidence: null },
      { debtor: "Trần Thị Bích", creditor: "state budget", amountVnd: 7_500_000, kind: "court_fee", periodic: null, confidence: 0.9, evidence: null },
    ],
    creditInstitutionInvolved: false,
    confidence: { docType: 1, caseNumber: 0.97, issuedDate: 0.95, court: 0.96, caseCategory: 0.9, subject: 0.8, creditInstitutionInvolved: 0.9 },
    evidence: { caseNumber: { start: 120, end: 133, line: 4, text: "12/2017/DS-ST" } },
    reviewReasons: [],
    ...overrides,
  };
}

export function storedCase(overrides: Partial<StoredCase> = {}): StoredCase {
  return {
    ...extractedCase(),
    caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
    version: 1,
    status: "extracted",
    receivedAt: "2025-03-14T02:15:42.512Z",
    updatedAt: "2025-03-14T02:15:42.512Z",
    source: {
      bucket: "thads-uploads",
      key: "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12.pdf",
      versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
      sha256: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
      mediaType: "application/pdf",
      sizeBytes: 48213,
      courtId: "tand-phu-ly",
      uploadId: "3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77",
      fileName: "Bản án số 12.pdf",
    },
    agencyId: "cthads-ha-nam",
    textSource: "ocr",
    pageCount: 3,
    totalAmountVnd: 157_500_000,
    ...overrides,
  };
}
