/**
 * The names and settings of the local stack: the same resources the CDK stacks define, named here,
 * and the environment the functions read (the settings CDK would give them, plus the endpoints of
 * the embedded servers and dummy credentials).
 */
import { analyticsTable, casesTable, idempotencyTable, mattersTable } from "#adapters/aws/table-design.ts";
import { UPLOAD_PREFIX } from "#domain/upload-key.ts";
import { FUNCTION_SETTING_DEFAULTS, settingsEnvironment } from "../infra/topology.ts";

export const REGION = "ap-southeast-1";
const ACCOUNT = "000000000000";

/** Table names are the designs' ids (table-design.ts); buckets and topic are named as the stack's roles. */
export const LOCAL_NAMES = {
  casesTable: casesTable.id,
  mattersTable: mattersTable.id,
  analyticsTable: analyticsTable.id,
  idempotencyTable: idempotencyTable.id,
  uploadsBucket: "thads-uploads",
  reportsBucket: "thads-reports",
  intakeQueue: "thads-intake",
  completionQueue: "thads-textract-completions",
  /** Where matter changes go that the report aggregates could not take in (the stream mapping's on-failure destination). */
  failedMatterChanges: "thads-failed-matter-changes",
  textractTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:thads-textract-completions`,
  textractRoleArn: `arn:aws:iam::${ACCOUNT}:role/thads-textract-publisher`,
  uploadPrefix: UPLOAD_PREFIX,
} as const;

/**
 * The credentials every local client signs with. The S3 server checks signatures against its one
 * built-in key pair (S3RVER/S3RVER); DynamoDB Local and the Textract endpoint accept any.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
  textract: string;
}

/**
 * Local machines run Node 20 (the code keeps to what it offers; on AWS the functions run on Node 22,
 * infra/bundling.ts); the SDK's notice that future releases need Node 22 is nothing a local user
 * can act on, so the local stack silences it.
 */
export function silenceSdkNodeVersionNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}

/** The names of the resources the functions use (table and bucket names, topic and role ARNs). */
export interface ResourceNames {
  casesTable: string;
  mattersTable: string;
  analyticsTable: string;
  idempotencyTable: string;
  uploadsBucket: string;
  reportsBucket: string;
  textractTopicArn: string;
  textractRoleArn: string;
}

/**
 * The environment the functions see: what CDK sets on each function (resource names, the deployment
 * settings' defaults of infra/topology.ts), signed with dummy credentials and, for the local stack,
 * pointed at the embedded servers. Tests and the bundle bench load handlers with it too.
 */
export function functionEnvironment(target: { names: ResourceNames; serviceName: string; endpoints?: LocalEndpoints }): Record<string, string> {
  const { names, endpoints } = target;
  return {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // No instance metadata lookups and no checksum trailers the S3-compatible server does not speak.
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_REQUEST_CHECKSUM_CALCULATION: "WHEN_REQUIRED",
    AWS_RESPONSE_CHECKSUM_VALIDATION: "WHEN_REQUIRED",
    ...(endpoints && {
      DYNAMODB_ENDPOINT: endpoints.dynamodb,
      S3_ENDPOINT: endpoints.s3,
      S3_FORCE_PATH_STYLE: "true",
      TEXTRACT_ENDPOINT: endpoints.textract,
    }),
    CASES_TABLE: names.casesTable,
    MATTERS_TABLE: names.mattersTable,
    ANALYTICS_TABLE: names.analyticsTable,
    IDEMPOTENCY_TABLE: names.idempotencyTable,
    UPLOADS_BUCKET: names.uploadsBucket,
    REPORTS_BUCKET: names.reportsBucket,
    TEXTRACT_TOPIC_ARN: names.textractTopicArn,
    TEXTRACT_ROLE_ARN: names.textractRoleArn,
    ...settingsEnvironment(FUNCTION_SETTING_DEFAULTS),
    // The embedded stack's OCR is its Textract stand-in (local/textract-server.ts); it has no page queue.
    OCR_ENGINE: "textract",
    POWERTOOLS_SERVICE_NAME: target.serviceName,
    POWERTOOLS_METRICS_DISABLED: "true",
    POWERTOOLS_TRACE_ENABLED: "false",
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO",
  };
}

/**
 * Puts the function environment into this process. The functions read it when their modules load,
 * so it must be in place before the first handler is imported, and one process hosts one stack.
 */
export function applyFunctionEnvironment(environment: Record<string, string>): void {
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, environment);
}
