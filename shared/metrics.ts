/**
 * The business metrics the functions emit (Powertools Metrics, dimension `service` = the function's
 * name), named once: the handlers count them, the CloudWatch dashboard (infra/constructs/operations.ts)
 * graphs them.
 */
export const METRICS_NAMESPACE = "Thads";

export const BusinessMetric = {
  casesCreated: "CasesCreated",
  duplicateDocuments: "DuplicateDocuments",
  ocrJobsStarted: "OcrJobsStarted",
  unreadableDocuments: "UnreadableDocuments",
  casesNeedingReview: "CasesNeedingReview",
  /** Queue records a function gave back (they return, then go to the dead-letter queue). */
  recordsFailed: "RecordsFailed",
  streamRecordsFailed: "StreamRecordsFailed",
  uploadUrlsIssued: "UploadUrlsIssued",
  casesCorrected: "CasesCorrected",
  matterChangesApplied: "MatterChangesApplied",
  matterChangesRepeated: "MatterChangesRepeated",
  reportFilesWritten: "ReportFilesWritten",
  aggregateCellsRebuilt: "AggregateCellsRebuilt",
} as const;
