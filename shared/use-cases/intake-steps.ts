import { createHash } from "node:crypto";
import { assignAgency } from "../domain/agencies/assign-agency.ts";
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import type { ExtractedCase, ScalarField } from "../domain/case.ts";
import { sniffMediaType } from "../domain/document/media-type.ts";
import { unreadableReason, type UnreadableDocumentError, type UnreadableReason } from "../domain/document/unreadable-document-error.ts";
import { vietnamDate } from "../domain/report/periods.ts";
import { reason, reviewCodesOf, withReasons, type Reason } from "../domain/review-reasons.ts";
import { foldText } from "../domain/search-keys.ts";
import { certainlySinglePage, imagePageNumbers } from "../domain/single-page.ts";
import { caseIdFor, statusAfterExtraction, totalAmountVnd, type StoredCase, type TextSource } from "../domain/stored-case.ts";
import { parseUploadKey, type UploadKey } from "../domain/upload-key.ts";
import { UnexpectedUploadError } from "../errors.ts";
import type { CaseRepository, PendingOcrJobs } from "../ports/case-repository.ts";
import type { MatterRepository } from "../ports/matter-repository.ts";
import type { FetchedObject, ObjectStore } from "../ports/object-store.ts";
import type { AsyncOcrEngine, OcrEngine, PageText, RecognizeOptions, SourceDocument, StoredObject } from "../ports/ocr-engine.ts";
import type { ExtractedDocument } from "./extract-document.ts";
import { proposeCaseMatters } from "./matters.ts";
import { detectMediaType } from "./read-document.ts";

/**
 * Reads a document (its text layer, the given OCR engine for what has none) and extracts its case. Throws an
 * UnreadableDocumentError when the document cannot be read.
 */
export type DocumentExtractor = (document: SourceDocument, readers: { ocr: OcrEngine }) => Promise<ExtractedDocument>;

export interface IntakeDependencies {
  objects: ObjectStore;
  cases: CaseRepository;
  ocrJobs: PendingOcrJobs;
  ocr: AsyncOcrEngine;
  extractDocument: DocumentExtractor;
  matters: MatterRepository;
  /** Court -> enforcement unit over time; picks each case's agency from the court named in the judgment. */
  directory: AgencyDirectory;
  maxBytes: number;
}

export type IntakeOutcome =
  /** reviewCodes: why it waits for staff, as codes only (fit for logs: no names, no amounts). */
  | { outcome: "created"; caseId: string; courtId: string; needsReview: boolean; reviewCodes: string[] }
  | { outcome: "duplicate"; caseId: string; courtId: string }
  | { outcome: "ocr-started"; caseId: string; courtId: string; jobId: string }
  /** The document could not be read: it is on file as a case awaiting review, with the reason. */
  | { outcome: "unreadable"; caseId: string; courtId: string; reason: UnreadableReason };

export interface FetchedUpload {
  object: FetchedObject;
  upload: UploadKey;
  /** What the bytes are; the declared content type when they are of no kind intake reads. */
  mediaType: string;
  sha256: string;
  caseId: string;
}

/** Reads an uploaded object. Throws UnexpectedUploadError when it did not come through an upload URL. */
export async function fetchUpload(ref: StoredObject, deps: Pick<IntakeDependencies, "objects" | "maxBytes">): Promise<FetchedUpload> {
  const upload = parseUploadKey(ref.key);
  if (!upload) throw new UnexpectedUploadError("object key is outside the court upload layout");
  const object = await deps.objects.get(ref, { maxBytes: deps.maxBytes });
  const sniffed = object.bytes.length > 0 ? sniffMediaType(object.bytes) : null;
  const mediaType = sniffed?.readable ? sniffed.mediaType : (object.contentType ?? "application/octet-stream");
  const sha256 = createHash("sha256").update(object.bytes).digest("hex");
  return { object, upload, mediaType, sha256, caseId: caseIdFor(sha256) };
}

/**
 * The document as the reader sees it, its type read from its bytes. Named by ids and the file's extension, not the
 * file name, which may carry party names. Throws an UnreadableDocumentError when the bytes are of no readable kind.
 */
export function sourceDocument(fetched: FetchedUpload): SourceDocument {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(fetched.upload.fileName)?.[0] ?? "";
  const name = `${fetched.upload.courtId}/${fetched.upload.uploadId}${extension}`;
  return { name, mediaType: detectMediaType(name, fetched.object.bytes), bytes: fetched.object.bytes };
}

/** Raised by DeferringOcr when the pages to recognise call for an asynchronous job. */
export class AsyncOcrRequired extends Error {
  override name = "AsyncOcrRequired";
  /** The pages to recognise, when known: those the reader asked for, else all pages of an image file. */
  constructor(readonly pages: number[] | undefined) {
    super("the document needs an asynchronous OCR job");
  }
}

/**
 * Recognises single-page documents at once (Textract's synchronous API takes nothing longer);
 * everything else, or anything whose page count is uncertain, is deferred to an asynchronous job.
 * An engine that cannot recognise where intake runs (`recognizesInline` false) gets every document as a job.
 */
export class DeferringOcr implements OcrEngine {
  readonly name: string;
  constructor(
    private readonly engine: OcrEngine,
    private readonly recognizesInline = true,
  ) {
    this.name = engine.name;
  }

  async recognize(document: SourceDocument, options?: RecognizeOptions): Promise<PageText[]> {
    const firstPageOnly = options?.pages === undefined || (options.pages.length === 1 && options.pages[0] === 1);
    if (!this.recognizesInline || !firstPageOnly || !certainlySinglePage(document.mediaType, document.bytes)) {
      throw new AsyncOcrRequired(options?.pages ?? imagePageNumbers(document.mediaType, document.bytes) ?? undefined);
    }
    return this.engine.recognize(document, options);
  }
}

/** Serves pages an asynchronous job already recognised, so the reader can merge them with text-layer pages. */
export class CollectedOcr implements OcrEngine {
  readonly name = "collected-job";
  constructor(private readonly pages: readonly PageText[]) {}

  async recognize(_document: SourceDocument, options?: RecognizeOptions): Promise<PageText[]> {
    const wanted = options?.pages;
    return this.pages.filter((page) => wanted === undefined || wanted.includes(page.pageNumber));
  }
}

function textSourceOf(pages: readonly PageText[]): TextSource {
  const sources = new Set(pages.map((page) => page.source));
  if (sources.size === 0) return "none";
  if (sources.size > 1) return "mixed";
  return [...sources][0] as TextSource;
}

/** Extracts nothing: the case of a document that could not be read, waiting for staff with the reason why. */
function unreadCase(reviewReasons: readonly Reason[]): ExtractedCase {
  const fields: ScalarField[] = ["docType", "caseNumber", "issuedDate", "court", "caseCategory", "subject", "creditInstitutionInvolved"];
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
    confidence: Object.fromEntries(fields.map((field) => [field, 0])) as Record<ScalarField, number>,
    evidence: {},
    reviewReasons: reviewReasons.map((r) => r.message),
    reviewCodes: reviewReasons.map((r) => r.code),
  };
}

/**
 * Records what became of the upload, for its court to follow (GET /uploads), and returns the outcome:
 * the case's review reasons when it needs review or was unreadable, the duplicate's case otherwise.
 */
export async function recordUploadFate(
  fetched: FetchedUpload,
  receivedAt: string,
  outcome: IntakeOutcome,
  deps: Pick<IntakeDependencies, "cases">,
  record?: StoredCase,
): Promise<IntakeOutcome> {
  const fate =
    outcome.outcome === "created" ? (outcome.needsReview ? "needs_review" : "filed") : outcome.outcome === "ocr-started" ? "reading" : outcome.outcome;
  const reasons = outcome.outcome === "duplicate" ? [reason("upload.duplicate", { caseId: outcome.caseId })] : [];
  const { uploadId, fileName, courtId } = fetched.upload;
  await deps.cases.recordUpload(courtId, {
    uploadId,
    fileName,
    receivedAt,
    caseId: fetched.caseId,
    fate,
    reasons: record && fate !== "filed" ? record.reviewReasons : reasons.map((r) => r.message),
    reasonCodes: record && fate !== "filed" ? reviewCodesOf(record) : reasons.map((r) => r.code),
  });
  return outcome;
}

/** Stores the case extracted from a document, unless a case with the same content exists. */
export async function recordCase(
  fetched: FetchedUpload,
  extracted: ExtractedDocument,
  receivedAt: string,
  deps: Pick<IntakeDependencies, "cases" | "matters" | "directory">,
  extraReviewReasons: readonly Reason[] = [],
): Promise<IntakeOutcome> {
  const found = extracted.case;
  const withExtra = withReasons(found, [...extraReviewReasons, ...(await sameNumberElsewhere(found, fetched.caseId, deps.cases))]);
  const { pages } = extracted.read;
  const written = await storeCase(fetched, withExtra, { textSource: textSourceOf(pages), pageCount: pages.length }, receivedAt, deps);
  const outcome: IntakeOutcome = written.created
    ? {
        outcome: "created",
        caseId: fetched.caseId,
        courtId: fetched.upload.courtId,
        needsReview: written.record.status === "needs_review",
        reviewCodes: reviewCodesOf(written.record),
      }
    : { outcome: "duplicate", caseId: fetched.caseId, courtId: fetched.upload.courtId };
  return recordUploadFate(fetched, receivedAt, outcome, deps, written.created ? written.record : undefined);
}

/**
 * Files a document that could not be read as a case for review, saying why (or with `reviewReasons` when the
 * caller knows better), so the upload is neither lost nor retried: the original stays where it is.
 */
export async function recordUnreadable(
  fetched: FetchedUpload,
  error: UnreadableDocumentError,
  receivedAt: string,
  deps: Pick<IntakeDependencies, "cases" | "matters" | "directory">,
  reviewReasons: readonly Reason[] = [unreadableReason(error)],
): Promise<IntakeOutcome> {
  const written = await storeCase(fetched, unreadCase(reviewReasons), { textSource: "none", pageCount: 0 }, receivedAt, deps);
  const outcome: IntakeOutcome = written.created
    ? { outcome: "unreadable", caseId: fetched.caseId, courtId: fetched.upload.courtId, reason: error.reason }
    : { outcome: "duplicate", caseId: fetched.caseId, courtId: fetched.upload.courtId };
  return recordUploadFate(fetched, receivedAt, outcome, deps, written.created ? written.record : undefined);
}

async function storeCase(
  fetched: FetchedUpload,
  extracted: ExtractedCase,
  text: { textSource: TextSource; pageCount: number },
  receivedAt: string,
  deps: Pick<IntakeDependencies, "cases" | "matters" | "directory">,
): Promise<{ created: boolean; record: StoredCase }> {
  const { upload, object, caseId } = fetched;
  const agency = assignAgency(deps.directory, extracted.court, vietnamDate(receivedAt), { firstInstanceCourt: extracted.firstInstanceCourt });
  // no court read, no agency to ask about: the case already says why (court not found, unreadable)
  const agencyReasons = agency.ok ? agency.reviewReasons : extracted.court === null ? [] : [agency.reviewReason];
  const reviewed = withReasons(extracted, agencyReasons);
  const record: StoredCase = {
    ...reviewed,
    caseId,
    version: 1,
    status: statusAfterExtraction(reviewed),
    receivedAt,
    updatedAt: receivedAt,
    source: {
      bucket: object.ref.bucket,
      key: object.ref.key,
      versionId: object.ref.versionId ?? null,
      sha256: fetched.sha256,
      mediaType: fetched.mediaType,
      sizeBytes: object.sizeBytes,
      courtId: upload.courtId,
      uploadId: upload.uploadId,
      fileName: upload.fileName,
    },
    agencyId: agency.ok ? agency.unit.id : null,
    ...text,
    totalAmountVnd: totalAmountVnd(extracted.obligations),
  };
  // Before the case: a retry after a failure in between finds the case and stops early, so the
  // proposals must already be there. Stored once per case id, like the case.
  await proposeCaseMatters(record, deps);
  // The case id is the content hash, so this conditional write is what stops the same bytes becoming two cases.
  return { created: (await deps.cases.create(record)) === "created", record };
}

/** A judgment scanned twice gives different bytes; the same number from the same court flags it for review. */
async function sameNumberElsewhere(extracted: ExtractedCase, caseId: string, cases: CaseRepository): Promise<Reason[]> {
  if (!extracted.caseNumber) return [];
  const court = extracted.court === null ? null : foldText(extracted.court);
  const others = (await cases.findByCaseNumber(extracted.caseNumber)).filter(
    (other) => other.caseId !== caseId && (court === null || other.court === null || foldText(other.court) === court),
  );
  return others.length > 0 ? [reason("case.duplicate-number", { caseIds: others.map((other) => other.caseId).join(", ") })] : [];
}
