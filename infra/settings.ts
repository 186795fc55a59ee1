/**
 * Deployment settings, from CDK context (cdk.json, or `-c thads:name=value`), validated at synth.
 * The settings functions read default to infra/topology.ts, which the local stack reads too.
 */
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Node } from "constructs";
import { z } from "zod";
import { OCR_ENGINES, settingSchemas } from "../shared/config.ts";
import { FUNCTION_SETTING_DEFAULTS as DEFAULTS } from "./topology.ts";

const RETENTIONS = new Set<number>(Object.values(RetentionDays).filter((value): value is number => typeof value === "number"));

const SettingsSchema = z.object({
  /** AWS region of both stacks. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  /** Days function and API access logs are kept (a CloudWatch retention value). */
  logRetentionDays: z.coerce.number().int().refine((days) => RETENTIONS.has(days), "not a CloudWatch Logs retention value"),
  uploadMaxBytes: settingSchemas.UPLOAD_MAX_BYTES.default(DEFAULTS.uploadMaxBytes),
  uploadUrlTtlSeconds: settingSchemas.UPLOAD_URL_TTL_SECONDS.default(DEFAULTS.uploadUrlTtlSeconds),
  downloadUrlTtlSeconds: settingSchemas.DOWNLOAD_URL_TTL_SECONDS.default(DEFAULTS.downloadUrlTtlSeconds),
  /** EventBridge schedule expression for the report rollup. */
  rollupSchedule: z.string().regex(/^(cron|rate)\(.+\)$/),
  /** Report periods the aggregates and exports follow: the official statistical year, or calendar half-years. */
  reportScheme: settingSchemas.REPORT_SCHEME.default(DEFAULTS.reportScheme),
  /** Which engine reads scans: Tesseract (Vietnamese with diacritics, in the container function) or Textract. */
  ocrEngine: z.enum(OCR_ENGINES).default("tesseract"),
  /** The web console's origins: they may call the API (CORS) and PUT uploads and GET originals with presigned URLs (empty: no browser). */
  uploadOrigins: z.array(z.url()).default([]),
});
export type DeploymentSettings = z.infer<typeof SettingsSchema>;

const KEYS = Object.keys(SettingsSchema.shape) as (keyof DeploymentSettings)[];

/** Reads `thads:<setting>` context values. Throws naming every bad one. */
export function deploymentSettings(node: Node): DeploymentSettings {
  const raw = Object.fromEntries(KEYS.map((key) => [key, node.tryGetContext(`thads:${key}`)]));
  const result = SettingsSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid CDK context: ${result.error.issues.map((issue) => `thads:${String(issue.path[0])}: ${issue.message}`).join("; ")}`);
  }
  return result.data;
}
