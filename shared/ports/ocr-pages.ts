import type { PageText, StoredObject } from "./ocr-engine.ts";

/** One page of a stored document to recognise: what a page message carries. */
export interface OcrPageTask {
  jobId: string;
  source: StoredObject & { versionId: string };
  /** 1-based. */
  pageNumber: number;
  /** How many pages the job recognises in all; the job is complete when that many are done. */
  pageCount: number;
}

/**
 * The pages of a job recognised one by one (each page by its own invocation), kept until all are in.
 * Every operation is safe to repeat: a redelivered page message changes nothing.
 */
export interface OcrPageResults {
  /** Whether this page of the job is stored already, so a redelivery need not recognise it again. */
  has(jobId: string, pageNumber: number): Promise<boolean>;
  /** Stores one page's text (again: replaced by the same). */
  save(jobId: string, page: PageText): Promise<void>;
  /** Counts the stored page as done (a second time changes nothing) and says whether all `pageCount` pages are. */
  markDone(jobId: string, pageNumber: number, pageCount: number): Promise<boolean>;
  /** Every stored page of the job, in page order. */
  all(jobId: string): Promise<PageText[]>;
}
