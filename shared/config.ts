/**
 * Every setting a function reads from its environment, validated once at cold start.
 *
 * `functionSettings` says which settings each function needs; the CDK construct uses the same list,
 * so a function cannot be deployed without a setting its handler reads (checked when compiling and
 * again at synth), and a handler fails at cold start, naming the setting, rather than mid-request.
 */
import { z } from "zod";
import { ConfigurationError } from "./errors.ts";

const name = z.string().min(1).max(255);
const arn = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:/, "expected an ARN");
const seconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** OCR engines intake can use: Tesseract (reads Vietnamese diacritics; the default) or Amazon Textract. */
export const OCR_ENGINES = ["tesseract", "textract"] as const;

/** How each setting is read and checked; infra/settings.ts checks the deployment settings behind them with the same schemas. */
export const settingSchemas = {
  CASES_TABLE: name,
  MATTERS_TABLE: name,
  ANALYTICS_TABLE: name,
  IDEMPOTENCY_TABLE: name,
  UPLOADS_BUCKET: name,
  REPORTS_BUCKET: name,
  /** SNS topic Textract notifies when an asynchronous job ends. */
  TEXTRACT_TOPIC_ARN: arn,
  /** Role Textract assumes to publish to that topic. */
  TEXTRACT_ROLE_ARN: arn,
  /** Which engine reads scans: on AWS "tesseract" sends each page to the page queue of the container function. */
  OCR_ENGINE: z.enum(OCR_ENGINES),
  /** The page queue Tesseract jobs go to; needed when OCR_ENGINE is "tesseract". */
  OCR_PAGE_QUEUE_URL: z.url().optional(),
  /** Largest document accepted, in bytes (Textract's synchronous API takes up to 10 MB, the asynchronous one 500 MB). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().max(500 * 1024 * 1024),
  UPLOAD_URL_TTL_SECONDS: seconds(60, 3600),
  DOWNLOAD_URL_TTL_SECONDS: seconds(30, 3600),
  /** Report periods: the official statistical year (from 1 October) or calendar half-years. */
  REPORT_SCHEME: z.enum(["statistical", "calendar"]),
} satisfies Record<string, z.ZodType>;

export type SettingName = keyof typeof settingSchemas;

/** The settings each function reads; keys are the function folder names under functions/. */
export const functionSettings = {
  "ingest-document": [
    "CASES_TABLE",
    "MATTERS_TABLE",
    "IDEMPOTENCY_TABLE",
    "TEXTRACT_TOPIC_ARN",
    "TEXTRACT_ROLE_ARN",
    "UPLOAD_MAX_BYTES",
    "OCR_ENGINE",
    "OCR_PAGE_QUEUE_URL",
  ],
  "recognize-page": ["CASES_TABLE", "MATTERS_TABLE", "UPLOAD_MAX_BYTES"],
  "complete-textract-job": ["CASES_TABLE", "MATTERS_TABLE", "IDEMPOTENCY_TABLE", "UPLOAD_MAX_BYTES"],
  "create-upload-url": ["UPLOADS_BUCKET", "UPLOAD_MAX_BYTES", "UPLOAD_URL_TTL_SECONDS"],
  "get-case": ["CASES_TABLE"],
  "search-cases": ["CASES_TABLE"],
  "list-review-queue": ["CASES_TABLE"],
  "list-uploads": ["CASES_TABLE"],
  "get-original-url": ["CASES_TABLE", "DOWNLOAD_URL_TTL_SECONDS"],
  "correct-case": ["CASES_TABLE"],
  "list-case-matters": ["MATTERS_TABLE"],
  "open-matter": ["MATTERS_TABLE"],
  "get-matter": ["MATTERS_TABLE"],
  "record-matter-step": ["MATTERS_TABLE"],
  "split-proposal": ["MATTERS_TABLE"],
  "merge-proposals": ["MATTERS_TABLE"],
  "roll-up-report": ["ANALYTICS_TABLE", "REPORTS_BUCKET", "REPORT_SCHEME"],
  "apply-matter-changes": ["ANALYTICS_TABLE", "REPORT_SCHEME"],
} as const satisfies Record<string, readonly SettingName[]>;

export type FunctionName = keyof typeof functionSettings;
export type SettingsOf<F extends FunctionName> = (typeof functionSettings)[F][number];
export type ConfigOf<F extends FunctionName> = { [K in SettingsOf<F>]: z.output<(typeof settingSchemas)[K]> };

function parseSettings(scope: string, names: readonly string[], schemas: Record<string, z.ZodType>, env: NodeJS.ProcessEnv): unknown {
  const shape = Object.fromEntries(names.map((settingName) => [settingName, schemas[settingName] as z.ZodType]));
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    // Names only: values may be secrets or personal data.
    throw new ConfigurationError(scope, [...new Set(result.error.issues.map((issue) => String(issue.path[0])))]);
  }
  return result.data;
}

/** Reads and validates the settings of one function. Throws ConfigurationError naming every bad setting. */
export function loadConfig<F extends FunctionName>(functionName: F, env: NodeJS.ProcessEnv = process.env): ConfigOf<F> {
  return parseSettings(functionName, functionSettings[functionName], settingSchemas, env) as ConfigOf<F>;
}

/** Validates one setting value at synth time (CDK); unresolved tokens are checked by their type only. */
export function checkSetting(settingName: SettingName, value: string): string | null {
  const result = settingSchemas[settingName].safeParse(value);
  return result.success ? null : result.error.issues.map((issue) => issue.message).join("; ");
}

const endpointSettings = {
  AWS_REGION: z.string().min(1),
  /** Set only off AWS: the embedded local stack's DynamoDB and S3-compatible endpoints. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  TEXTRACT_ENDPOINT: z.url().optional(),
  /** S3-compatible servers usually need path-style addressing (http://host/bucket/key). */
  S3_FORCE_PATH_STYLE: z.stringbool().optional(),
};

export type Endpoints = z.output<z.ZodObject<typeof endpointSettings>>;

/** Region and service endpoints the SDK clients are built with. */
export function loadEndpoints(env: NodeJS.ProcessEnv = process.env): Endpoints {
  return parseSettings("aws clients", Object.keys(endpointSettings), endpointSettings, env) as Endpoints;
}
