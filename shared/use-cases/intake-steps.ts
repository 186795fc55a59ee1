/**
 * Steps shared by the two ways a document becomes a case: read at once on arrival
 * (ingest-document) or after an asynchronous OCR job finishes (complete-ocr-job).
 */
import { createHash } from "node:crypto";
import { assignAgency } from "../domain/agencies/assign-agency.ts";
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import type { ExtractedCase } from "../domain/case.ts";
import { vietnamDate } from "../domain/report/periods.ts";
import { foldText } from "../domain/search-keys.ts";
import { certainlySinglePage } from "../domain/single-page.ts";
import { caseIdFor, statusAfterExtraction, totalAmountVnd, type StoredCase, type TextSource } from "../domain/stored-case.ts";
import { mediaTypeOf, parseUploadKey, type SupportedMediaType, type UploadKey } from "../domain/upload-key.ts";
import { UnsupportedDocumentError } from "../errors.ts";
import type { CaseRepository, PendingOcrJobs } from "../ports/case-repository.ts";
import type { MatterRepository } from "../ports/matter-repository.ts";
import type { FetchedObject, ObjectStore } from "../ports/object-store.ts";
import type { AsyncOcrEngine, OcrEngine, PageText, RecognizeOptions, SourceDocument, StoredObject } from "../ports/ocr-engine.ts";
import { proposeCaseMatters } from "./matters.ts";

/** What reading a document yields: its pages (text layer or OCR) and the joined text. */
export interface ReadDocumentResult {
  pages: PageText[];
  text: string;
}

/** Reads a document's text, asking the OCR engine only for what has no usable text layer. */
export type DocumentReader = (document: SourceDocument, options: { ocr: OcrEngine }) => Promise<ReadDocumentResult>;

export interface IntakeDependencies {
  objects: ObjectStore;
  cases: CaseRepository;
  ocrJobs: PendingOcrJobs;
  ocr: AsyncOcrEngine;
  readDocument: DocumentReader;
  extractCase: (text: string) => ExtractedCase;
  matters: MatterRepository;
  /** Court -> enforcement unit over time; picks each case's agency from the court named in the judgment. */
  directory: AgencyDirectory;
  maxBytes: number;
}

export type IntakeOutcome =
  | { outcome: "created"; caseId: string; courtId: string; needsReview: boolean }
  | { outcome: "duplicate"; caseId: string; courtId: string }
  | { outcome: "ocr-started"; caseId: string; courtId: string; jobId: string };

export interface FetchedUpload {
  object: FetchedObject;
  upload: UploadKey;
  mediaType: SupportedMediaType;
  sha256: string;
  caseId: string;
}

/** Reads an uploaded object and checks it can become a case. Throws UnsupportedDocumentError when it cannot. */
export async function fetchUpload(ref: StoredObject, deps: Pick<IntakeDependencies, "objects" | "maxBytes">): Promise<FetchedUpload> {
  const upload = parseUploadKey(ref.key);
  if (!upload) throw new UnsupportedDocumentError("object key is outside the court upload layout");
  const object = await deps.objects.get(ref, { maxBytes: deps.maxBytes });
  const mediaType = mediaTypeOf(upload.fileName, object.contentType);
  if (!mediaType) throw new UnsupportedDocumentError(`unsupported document type ${object.contentType ?? "(none)"}`);
  const sha256 = createHash("sha256").update(object.bytes).digest("hex");
  return { object, upload, mediaType, sha256, caseId: caseIdFor(sha256) };
}

/** The document as the reader sees it. Named by ids, not the file name, which may carry party names. */
export function sourceDocument(fetched: FetchedUpload): SourceDocument {
  return { name: `${fetched.upload.courtId}/${fetched.upload.uploadId}`, mediaType: fetched.mediaType, bytes: fetched.object.bytes };
}

/** Raised by DeferringOcr when the pages to recognise call for an asynchronous job. */
export class AsyncOcrRequired extends Error {
  override name = "AsyncOcrRequired";
}

/**
 * Recognises single-page documents at once (Textract's synchronous API takes nothing longer);
 * everything else, or anything whose page count is uncertain, is deferred to an asynchronous job.
 */
export class DeferringOcr implements OcrEngine {
  readonly name: string;
  constructor(private readonly engine: OcrEngine) {
    this.name = engine.name;
  }

  async recognize(document: SourceDocument, options?: RecognizeOptions): Promise<PageText[]> {
    const firstPageOnly = options?.pages === undefined || (options.pages.length === 1 && options.pages[0] === 1);
    if (!firstPageOnly || !certainlySinglePage(document.mediaType, document.bytes)) throw new AsyncOcrRequired();
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

/** Extracts the case from the read text and stores it, unless a case with the same content exists. */
export async function recordCase(
  fetched: FetchedUpload,
  read: ReadDocumentResult,
  receivedAt: string,
  deps: Pick<IntakeDependencies, "cases" | "extractCase" | "matters" | "directory">,
  extraReviewReasons: readonly string[] = [],
): Promise<IntakeOutcome> {
  const { upload, object, caseId } = fetched;
  const extracted = deps.extractCase(read.text);
  const agency = assignAgency(deps.directory, extracted.court, vietnamDate(receivedAt));
  const agencyReasons = agency.ok ? agency.reviewReasons : [agency.reviewReason];
  const reviewReasons = [...extracted.reviewReasons, ...agencyReasons, ...extraReviewReasons, ...(await sameNumberElsewhere(extracted, caseId, deps.cases))];
  const withReasons: ExtractedCase = { ...extracted, reviewReasons };
  const record: StoredCase = {
    ...withReasons,
    caseId,
    version: 1,
    status: statusAfterExtraction(withReasons),
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
    textSource: textSourceOf(read.pages),
    pageCount: read.pages.length,
    totalAmountVnd: totalAmountVnd(extracted.obligations),
  };
  // Before the case: a retry after a failure in between finds the case and stops early, so the
  // proposals must already be there. Stored once per case id, like the case.
  await proposeCaseMatters(record, deps);
  // The case id is the content hash, so this conditional write is what stops the same bytes becoming two cases.
  const written = await deps.cases.create(record);
  return written === "created"
    ? { outcome: "created", caseId, courtId: upload.courtId, needsReview: record.status === "needs_review" }
    : { outcome: "duplicate", caseId, courtId: upload.courtId };
}

/** A judgment scanned twice gives different bytes; the same number from the same court flags it for review. */
async function sameNumberElsewhere(extracted: ExtractedCase, caseId: string, cases: CaseRepository): Promise<string[]> {
  if (!extracted.caseNumber) return [];
  const court = extracted.court === null ? null : foldText(extracted.court);
  const others = (await cases.findByCaseNumber(extracted.caseNumber)).filter(
    (other) => other.caseId !== caseId && (court === null || other.court === null || foldText(other.court) === court),
  );
  return others.length > 0 ? [`case number also on case ${others.map((other) => other.caseId).join(", ")}`] : [];
}
