import type { StoredObject } from "./ocr-engine.ts";
import type { PartyRole } from "../domain/case.ts";
import type { AuditEntry, CaseStatus, StoredCase } from "../domain/stored-case.ts";

/**
 * What staff can search by. Every search needs at least one criterion that narrows the key range
 * (party name, case number, court, agency, status, a full date range or an amount range); the rest
 * refine it. There is no "list everything".
 */
export interface CaseSearch {
  /** Any part of a party's name, diacritics optional ("nguyen van hung" finds "Nguyễn Văn Hùng"). */
  partyName?: string;
  caseNumber?: string;
  /** The uploading court's id. */
  courtId?: string;
  agencyId?: string;
  status?: CaseStatus;
  /** Inclusive ISO dates, compared with the judgment date (or the receipt date when none was read). */
  dateFrom?: string;
  dateTo?: string;
  /** Inclusive bounds on the case's total ordered amount, in VND. */
  minAmountVnd?: number;
  maxAmountVnd?: number;
}

export interface PageRequest {
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. A page may hold fewer than `limit` items and still have a next one. */
  nextCursor?: string;
}

/** What a result list shows of a case. */
export interface CaseSummary {
  caseId: string;
  version: number;
  status: CaseStatus;
  caseNumber: string | null;
  court: string | null;
  courtId: string;
  agencyId: string | null;
  issuedDate: string | null;
  receivedAt: string;
  totalAmountVnd: number;
  parties: { name: string; role: PartyRole }[];
  reviewReasons: string[];
  /** The codes of reviewReasons, position by position (#domain/review-reasons.ts). */
  reviewCodes: string[];
}

/** What became of one document a court uploaded: the court follows its uploads by these (GET /uploads). */
export interface UploadRecord {
  uploadId: string;
  fileName: string;
  /** When intake received it (the S3 event time). */
  receivedAt: string;
  /** The case it became, or the case it duplicates. */
  caseId: string;
  /** reading: OCR still running; filed: a case needing nothing; needs_review: a case staff check; unreadable: filed for review as unreadable; duplicate: the same bytes were received before. */
  fate: "reading" | "filed" | "needs_review" | "unreadable" | "duplicate";
  /** Why, in Vietnamese, when the fate is not "filed" (the case's review reasons, or the duplicate's). */
  reasons: string[];
  reasonCodes: string[];
}

/** Cases and their history. Writes are conditional: a case id is written once, a correction only onto the version it read. */
export interface CaseRepository {
  exists(caseId: string): Promise<boolean>;
  /** Writes a new case with its search entries; "exists" when a case with this id is already stored (nothing is changed). */
  create(record: StoredCase): Promise<"created" | "exists">;
  get(caseId: string): Promise<StoredCase | null>;
  history(caseId: string): Promise<AuditEntry[]>;
  /** Cases with this case number (any court), for spotting a judgment uploaded twice as different files. */
  findByCaseNumber(caseNumber: string): Promise<CaseSummary[]>;
  search(criteria: CaseSearch, page: PageRequest): Promise<Page<CaseSummary>>;
  /** Cases waiting for staff review, oldest first. */
  reviewQueue(filter: { agencyId?: string | undefined; courtId?: string | undefined }, page: PageRequest): Promise<Page<CaseSummary>>;
  /**
   * Replaces `updated.version - 1` with `updated` and records the audit entry, atomically.
   * Throws VersionConflictError when the stored version is no longer `updated.version - 1`.
   */
  saveCorrection(updated: StoredCase, audit: AuditEntry): Promise<void>;
  /** Records what became of a court's upload; a final fate is written once, over "reading" only. */
  recordUpload(courtId: string, record: UploadRecord): Promise<void>;
  /** A court's uploads, newest first, each with its case's status now (null while none is stored). */
  uploadsOf(courtId: string, page: PageRequest): Promise<Page<UploadRecord & { caseStatus: CaseStatus | null }>>;
}

/**
 * Every stored case, read in full: a table scan, for the local stack's summaries and reports over its
 * few thousand cases. No function reads cases this way (on AWS the rollup reads month partitions).
 */
export interface CaseArchive {
  allCases(): AsyncIterable<StoredCase>;
}

/** A multi-page OCR job started at intake, waiting for its completion notice. */
export interface PendingOcrJob {
  jobId: string;
  caseId: string;
  source: StoredObject & { versionId: string };
  receivedAt: string;
}

export interface PendingOcrJobs {
  save(job: PendingOcrJob): Promise<void>;
  get(jobId: string): Promise<PendingOcrJob | null>;
  remove(jobId: string): Promise<void>;
}
