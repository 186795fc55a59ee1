/**
 * A case as the system keeps it: the extracted case plus where it came from, its review status
 * and its version (every staff correction makes a new version, with an audit entry).
 */
import type { ExtractedCase, Obligation } from "./case.ts";

export const CASE_STATUSES = ["needs_review", "extracted", "verified"] as const;
/** needs_review: the extractor flagged doubts; extracted: read without doubts; verified: checked by staff. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type TextSource = "text-layer" | "ocr" | "mixed" | "plain-text" | "none";

/** The uploaded original, which stays in the uploads bucket. */
export interface CaseSource {
  bucket: string;
  key: string;
  versionId: string | null;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  /** The court that uploaded it (from its upload prefix), not the court named in the text. */
  courtId: string;
  uploadId: string;
  fileName: string;
}

export interface StoredCase extends ExtractedCase {
  caseId: string;
  version: number;
  status: CaseStatus;
  receivedAt: string;
  updatedAt: string;
  source: CaseSource;
  /** The enforcement agency the court's judgments go to on the receipt date; null when the directory has none. */
  agencyId: string | null;
  textSource: TextSource;
  pageCount: number;
  /** Sum of all ordered amounts (a periodic amount counts once); what amount-range searches compare. */
  totalAmountVnd: number;
}

/** A staff change to one version of a case, kept forever beside it. */
export interface AuditEntry {
  caseId: string;
  /** The version this change created. */
  version: number;
  at: string;
  /** The IAM principal that made the change. */
  by: string;
  reason: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** Cases are named by their content: the first 128 bits of the document's SHA-256, in hex. The same bytes always give the same case. */
export function caseIdFor(sha256Hex: string): string {
  return sha256Hex.slice(0, 32);
}

export const CASE_ID_PATTERN = /^[0-9a-f]{32}$/;

export function totalAmountVnd(obligations: readonly Obligation[]): number {
  return obligations.reduce((sum, obligation) => sum + obligation.amountVnd, 0);
}

export function statusAfterExtraction(extracted: ExtractedCase): CaseStatus {
  return extracted.reviewReasons.length > 0 ? "needs_review" : "extracted";
}

/** The date a case is filed under in date searches: the judgment's date when read, else the day it arrived. */
export function caseDate(record: Pick<StoredCase, "issuedDate" | "receivedAt">): string {
  return record.issuedDate ?? record.receivedAt.slice(0, 10);
}
