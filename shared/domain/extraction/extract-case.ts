import type { ExtractedCase } from "../case.ts";

/** Reads one judgment or decision's text into a structured case. (Placeholder until the engine lands.) */
export function extractCase(text: string): ExtractedCase {
  void text;
  return {
    docType: "other",
    caseNumber: null,
    issuedDate: null,
    court: null,
    caseCategory: "other",
    subject: null,
    parties: [],
    obligations: [],
    creditInstitutionInvolved: false,
    confidence: { docType: 0, caseNumber: 0, issuedDate: 0, court: 0, caseCategory: 0, subject: 0, creditInstitutionInvolved: 0 },
    evidence: {},
    reviewReasons: ["extraction engine not implemented"],
  };
}
