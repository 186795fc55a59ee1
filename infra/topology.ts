/**
 * Facts of the deployment that CDK, the embedded local stack (local/) and the tests all read: the
 * case API's routes, the intake queues' delivery settings and the defaults of the function settings.
 * Plain data, no CDK import, so the local stack and the CLI bundle load it cheaply.
 */
import type { FunctionName } from "../shared/config.ts";
import type { Role } from "../shared/domain/access.ts";

export type ApiMethod = "GET" | "POST" | "PATCH";

export interface ApiRoute {
  method: ApiMethod;
  /** API Gateway route path, e.g. /cases/{caseId}. */
  path: string;
  /** The function (folder under functions/) behind the route. */
  functionName: FunctionName;
  /**
   * Who may call it (the user's group in the user pool); nobody else, deny by default. The handler
   * checks it (shared/adapters/aws/lambda-handler.ts) after API Gateway's JWT authoriser has
   * checked the token; staff are further held to their unit, courts to their own uploads.
   */
  roles: readonly Role[];
}

const READERS = ["staff", "leader"] as const satisfies readonly Role[];
const STAFF = ["staff"] as const satisfies readonly Role[];

/** The case API (HTTP API; every route needs a signed-in user's ID token). */
export const CASE_API_ROUTES = [
  { method: "POST", path: "/upload-urls", functionName: "create-upload-url", roles: ["court"] },
  // the calling court's own uploads and what became of each (filed, needs review, unreadable, duplicate)
  { method: "GET", path: "/uploads", functionName: "list-uploads", roles: ["court"] },
  { method: "GET", path: "/cases", functionName: "search-cases", roles: READERS },
  { method: "GET", path: "/cases/{caseId}", functionName: "get-case", roles: READERS },
  { method: "PATCH", path: "/cases/{caseId}", functionName: "correct-case", roles: STAFF },
  { method: "GET", path: "/cases/{caseId}/original", functionName: "get-original-url", roles: READERS },
  { method: "GET", path: "/review-queue", functionName: "list-review-queue", roles: READERS },
  { method: "GET", path: "/cases/{caseId}/matters", functionName: "list-case-matters", roles: READERS },
  { method: "POST", path: "/cases/{caseId}/matters", functionName: "open-matter", roles: STAFF },
  // {matterId} is the matter id with "~" for "/" (shared/domain/matters/matter-id.ts)
  { method: "GET", path: "/matters/{matterId}", functionName: "get-matter", roles: READERS },
  { method: "POST", path: "/matters/{matterId}/steps", functionName: "record-matter-step", roles: STAFF },
  { method: "POST", path: "/cases/{caseId}/proposals/split", functionName: "split-proposal", roles: STAFF },
  { method: "POST", path: "/cases/{caseId}/proposals/merge", functionName: "merge-proposals", roles: STAFF },
  // the semiannual report from the aggregates, for leaders and staff
  { method: "GET", path: "/reports/{period}", functionName: "get-report", roles: READERS },
  { method: "GET", path: "/reports/{period}/exports/{format}", functionName: "export-report", roles: READERS },
  { method: "POST", path: "/cases/{caseId}/proposals", functionName: "add-proposal", roles: STAFF },
  { method: "GET", path: "/matters", functionName: "list-matters", roles: READERS },
  { method: "POST", path: "/matters/{matterId}/obstacles", functionName: "note-matter-obstacle", roles: STAFF },
  { method: "GET", path: "/credit-cases", functionName: "list-credit-cases", roles: READERS },
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
  reportScheme: "statistical",
} as const;

export type FunctionSettingValues = { [K in keyof typeof FUNCTION_SETTING_DEFAULTS]: K extends "reportScheme" ? "statistical" | "calendar" : (typeof FUNCTION_SETTING_DEFAULTS)[K] extends number ? number : string };

/** Those settings as the environment variables the functions read (shared/config.ts). */
export function settingsEnvironment(values: FunctionSettingValues) {
  return {
    UPLOAD_MAX_BYTES: String(values.uploadMaxBytes),
    UPLOAD_URL_TTL_SECONDS: String(values.uploadUrlTtlSeconds),
    DOWNLOAD_URL_TTL_SECONDS: String(values.downloadUrlTtlSeconds),
    REPORT_SCHEME: values.reportScheme,
  };
}

/**
 * What the web console, served from its own origin (CloudFront on AWS, its own port locally), may do
 * across origins: call the API (the HTTP API's corsPreflight; local/http-api.ts) and send and read
 * objects with presigned URLs (the uploads bucket's CORS rule; local/s3-server.ts).
 */
export const CONSOLE_CORS = {
  api: { allowMethods: ["GET", "POST", "PATCH"], allowHeaders: ["authorization", "content-type", "if-match"], exposeHeaders: ["etag", "content-disposition"], maxAgeSeconds: 600 },
  uploads: { allowMethods: ["GET", "PUT"], allowHeaders: ["content-type", "content-length", "if-none-match"], maxAgeSeconds: 3000 },
} as const;

/**
 * The console's content security policy: it loads only its own code, and talks to (and shows images
 * from) only the origins given: the API, Cognito and the object store.
 */
export function consoleContentSecurityPolicy(sources: { connect: readonly string[]; images: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design writes its styles at run time
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...sources.images].join(" "),
    ["connect-src 'self'", ...sources.connect].join(" "),
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}
