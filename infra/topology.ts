/**
 * Facts of the deployment that CDK, the embedded local stack (local/) and the tests all read: the
 * case API's routes, the intake queues' delivery settings and the defaults of the function settings.
 * Plain data, no CDK import, so the local stack and the CLI bundle load it cheaply.
 */
import type { FunctionName } from "../shared/config.ts";

export type ApiMethod = "GET" | "POST" | "PATCH";

export interface ApiRoute {
  method: ApiMethod;
  /** API Gateway route path, e.g. /cases/{caseId}. */
  path: string;
  /** The function (folder under functions/) behind the route. */
  functionName: FunctionName;
  /** Who may call it: courts' uploader roles or enforcement staff roles (IAM policies). */
  audience: "court" | "staff";
}

/** The case API (HTTP API, IAM-authorised on every route). */
export const CASE_API_ROUTES = [
  { method: "POST", path: "/upload-urls", functionName: "create-upload-url", audience: "court" },
  { method: "GET", path: "/cases", functionName: "search-cases", audience: "staff" },
  { method: "GET", path: "/cases/{caseId}", functionName: "get-case", audience: "staff" },
  { method: "PATCH", path: "/cases/{caseId}", functionName: "correct-case", audience: "staff" },
  { method: "GET", path: "/cases/{caseId}/original", functionName: "get-original-url", audience: "staff" },
  { method: "GET", path: "/review-queue", functionName: "list-review-queue", audience: "staff" },
  { method: "GET", path: "/cases/{caseId}/matters", functionName: "list-case-matters", audience: "staff" },
  { method: "POST", path: "/cases/{caseId}/matters", functionName: "open-matter", audience: "staff" },
  // {matterId} is the matter id with "~" for "/" (shared/domain/matters/matter-id.ts)
  { method: "GET", path: "/matters/{matterId}", functionName: "get-matter", audience: "staff" },
  { method: "POST", path: "/matters/{matterId}/steps", functionName: "record-matter-step", audience: "staff" },
  { method: "POST", path: "/cases/{caseId}/proposals/split", functionName: "split-proposal", audience: "staff" },
  { method: "POST", path: "/cases/{caseId}/proposals/merge", functionName: "merge-proposals", audience: "staff" },
  // the semiannual report from the aggregates, for leaders and staff
  { method: "GET", path: "/reports/{period}", functionName: "get-report", audience: "staff" },
  { method: "GET", path: "/reports/{period}/exports/{format}", functionName: "export-report", audience: "staff" },
  { method: "POST", path: "/cases/{caseId}/proposals", functionName: "add-proposal", audience: "staff" },
  { method: "GET", path: "/matters", functionName: "list-matters", audience: "staff" },
  { method: "POST", path: "/matters/{matterId}/obstacles", functionName: "note-matter-obstacle", audience: "staff" },
  { method: "GET", path: "/credit-cases", functionName: "list-credit-cases", audience: "staff" },
] as const satisfies readonly ApiRoute[];

export type ApiFunctionName = (typeof CASE_API_ROUTES)[number]["functionName"];

/**
 * The intake and Textract-completion queues and the event source mappings that drain them. Few
 * concurrent batches: Textract's request rates are low and the SDK retries throttling adaptively.
 */
export const INTAKE_QUEUE = {
  batchSize: 5,
  maxConcurrency: 5,
  /** Deliveries before a message moves to the dead-letter queue. */
  maxReceiveCount: 5,
  /** The consuming function's timeout (ingest-document, complete-textract-job). */
  consumerTimeoutSeconds: 90,
  /** The queue hides a received message this many times the consumer's timeout, as Lambda advises. */
  visibilityTimeoutFactor: 6,
} as const;

/**
 * The event source mapping from the matters table's stream to apply-matter-changes: CDK deploys it,
 * the embedded stack's poller (local/matter-stream.ts) follows it. Records are read from the oldest
 * kept; a batch failing after its retries goes to the failure record, and the aggregates then need
 * a rebuild (`thads aggregates rebuild`, the rebuild-aggregates function).
 */
export const MATTER_STREAM = {
  batchSize: 100,
  /** AWS waits up to this long to fill a batch; the local poller does not wait. */
  maxBatchingWindowSeconds: 5,
  retryAttempts: 10,
  maxRecordAgeHours: 24,
  consumerTimeoutSeconds: 60,
} as const;

/** Defaults of the deployment settings the functions read (`-c thads:<name>=<value>` overrides them at synth). */
export const FUNCTION_SETTING_DEFAULTS = {
  uploadMaxBytes: 50 * 1024 * 1024,
  uploadUrlTtlSeconds: 900,
  downloadUrlTtlSeconds: 300,
  courtRolePrefix: "thads-court-",
  reportScheme: "statistical",
} as const;

export type FunctionSettingValues = { [K in keyof typeof FUNCTION_SETTING_DEFAULTS]: K extends "reportScheme" ? "statistical" | "calendar" : (typeof FUNCTION_SETTING_DEFAULTS)[K] extends number ? number : string };

/** Those settings as the environment variables the functions read (shared/config.ts). */
export function settingsEnvironment(values: FunctionSettingValues) {
  return {
    UPLOAD_MAX_BYTES: String(values.uploadMaxBytes),
    UPLOAD_URL_TTL_SECONDS: String(values.uploadUrlTtlSeconds),
    DOWNLOAD_URL_TTL_SECONDS: String(values.downloadUrlTtlSeconds),
    COURT_ROLE_PREFIX: values.courtRolePrefix,
    REPORT_SCHEME: values.reportScheme,
  };
}
