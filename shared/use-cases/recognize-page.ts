import { UnreadableDocumentError } from "../domain/document/unreadable-document-error.ts";
import { UnknownOcrJobError } from "../errors.ts";
import type { OcrEngine, PageText } from "../ports/ocr-engine.ts";
import type { OcrPageResults, OcrPageTask } from "../ports/ocr-pages.ts";
import { completeOcrJob } from "./complete-ocr-job.ts";
import { fetchUpload, sourceDocument, type FetchedUpload, type IntakeDependencies, type IntakeOutcome } from "./intake-steps.ts";

export interface PageDependencies extends IntakeDependencies {
  pages: OcrPageResults;
  /** Recognises one page where the OCR program is installed. */
  recognizer: OcrEngine;
}

/**
 * Recognises one page of a fanned-out OCR job and stores it; the invocation that brings in the last page finishes
 * the document as a Textract completion does (completeOcrJob), so the rest of intake is the same code. Returns
 * the intake outcome when this call finished the document, else null.
 *
 * Safe to repeat: a stored page is not recognised again, counting it twice changes nothing, and a document
 * already on file is not finished twice. Until intake has recorded the job (it does so right after sending the
 * pages), the last page fails with UnknownOcrJobError and its message is retried.
 */
export async function recognizePage(task: OcrPageTask, deps: PageDependencies): Promise<IntakeOutcome | null> {
  let fetched: FetchedUpload | undefined;
  if (!(await deps.pages.has(task.jobId, task.pageNumber))) {
    fetched = await fetchUpload(task.source, deps);
    await deps.pages.save(task.jobId, await readPage(fetched, task.pageNumber, deps.recognizer));
  }
  if (!(await deps.pages.markDone(task.jobId, task.pageNumber, task.pageCount))) return null;

  if (!(await deps.ocrJobs.get(task.jobId))) {
    // Finished by an earlier delivery (which removes the job), or not recorded by intake yet.
    fetched ??= await fetchUpload(task.source, deps);
    if (await deps.cases.exists(fetched.caseId)) return null;
    throw new UnknownOcrJobError(task.jobId);
  }
  return completeOcrJob({ jobId: task.jobId, status: "SUCCEEDED" }, deps);
}

/** A page that is blank or cannot be decoded is a page without text; the assembled document says what that means. */
async function readPage(fetched: FetchedUpload, pageNumber: number, recognizer: OcrEngine): Promise<PageText> {
  try {
    const [page] = await recognizer.recognize(sourceDocument(fetched), { pages: [pageNumber] });
    if (page) return page;
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
  }
  return { pageNumber, source: "ocr", lines: [] };
}
