/** Builds what intake needs on AWS; shared by the ingest-document and complete-textract-job functions. */
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { vietnamDirectory } from "../../domain/agencies/vietnam-directory.ts";
import type { AsyncOcrEngine } from "../../ports/ocr-engine.ts";
import { BusinessMetric } from "../../metrics.ts";
import { logger, metrics } from "../../observability.ts";
import type { IntakeDependencies, IntakeOutcome } from "../../use-cases/intake-steps.ts";
import { extractDocument } from "../../use-cases/extract-document.ts";
import { pdfjsTextLayer } from "../pdf/pdfjs-text-layer.ts";
import { documents, s3 } from "./clients.ts";
import { DynamoDbCaseRepository } from "./dynamodb-case-repository.ts";
import { DynamoDbMatterRepository } from "./dynamodb-matter-repository.ts";
import { DynamoDbPendingOcrJobs } from "./dynamodb-pending-ocr-jobs.ts";
import { S3ObjectStore } from "./s3-object-store.ts";

export function intakeDependencies(
  config: { CASES_TABLE: string; MATTERS_TABLE: string; UPLOAD_MAX_BYTES: number },
  ocr: AsyncOcrEngine,
): IntakeDependencies {
  return {
    objects: new S3ObjectStore(s3),
    cases: new DynamoDbCaseRepository(documents, config.CASES_TABLE),
    ocrJobs: new DynamoDbPendingOcrJobs(documents, config.CASES_TABLE),
    ocr,
    extractDocument: (document, readers) => extractDocument(document, { ...readers, pdf: pdfjsTextLayer }),
    matters: new DynamoDbMatterRepository(documents, config.MATTERS_TABLE),
    directory: vietnamDirectory(),
    maxBytes: config.UPLOAD_MAX_BYTES,
  };
}

const OUTCOME_METRICS: Record<IntakeOutcome["outcome"], string> = {
  created: BusinessMetric.casesCreated,
  duplicate: BusinessMetric.duplicateDocuments,
  "ocr-started": BusinessMetric.ocrJobsStarted,
  unreadable: BusinessMetric.unreadableDocuments,
};

/** Logs and counts what became of a document (ids only: no key, file name or party names). */
export function reportIntakeOutcome(outcome: IntakeOutcome): IntakeOutcome {
  logger.info("document processed", { ...outcome });
  metrics.addMetric(OUTCOME_METRICS[outcome.outcome], MetricUnit.Count, 1);
  if ((outcome.outcome === "created" && outcome.needsReview) || outcome.outcome === "unreadable") {
    metrics.addMetric(BusinessMetric.casesNeedingReview, MetricUnit.Count, 1);
  }
  return outcome;
}
