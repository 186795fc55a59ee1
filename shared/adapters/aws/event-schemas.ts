/**
 * Shapes of the events the functions receive, checked with zod before any work is done.
 * A message that does not fit is a batch item failure and, after the queue's retries, lands in its DLQ.
 */
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { EventBridgeSchema } from "@aws-lambda-powertools/parser/schemas/eventbridge";
import { SnsSqsNotificationSchema } from "@aws-lambda-powertools/parser/schemas/sns";
import { z } from "zod";

/**
 * One ObjectCreated record, only the fields intake reads. Written here rather than taken from
 * Powertools' S3Schema, which rejects records whose source IP is IPv6 (uploads over S3's dual-stack endpoints).
 */
const S3ObjectCreatedRecord = z.object({
  eventSource: z.literal("aws:s3"),
  eventName: z.string().startsWith("ObjectCreated:"),
  eventTime: z.iso.datetime(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded, `+` for spaces: decode with decodeEventKey. */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      versionId: z.string().optional(),
    }),
  }),
});

/** S3 sends this once when a notification is configured; there is nothing to ingest. */
const S3TestEvent = z.object({ Service: z.literal("Amazon S3"), Event: z.literal("s3:TestEvent") });

/** Body of an intake queue message: an S3 event notification. */
export const S3NotificationSchema = z.union([z.object({ Records: z.array(S3ObjectCreatedRecord).min(1) }), S3TestEvent]);
export type S3Notification = z.infer<typeof S3NotificationSchema>;

/** What Textract publishes when an asynchronous text detection job ends. */
export const TextractCompletionSchema = z.object({
  JobId: z.string().min(1),
  Status: z.string().min(1),
  API: z.string(),
  JobTag: z.string().optional(),
  Timestamp: z.number(),
  DocumentLocation: z.object({ S3ObjectName: z.string(), S3Bucket: z.string() }),
});

/** Body of a completion queue message: the SNS envelope (raw delivery off) around Textract's JSON. */
export const TextractCompletionMessageSchema = SnsSqsNotificationSchema.extend({ Message: JSONStringified(TextractCompletionSchema) });

/** The EventBridge schedule's event; `time` is when the schedule fired. */
export const ScheduledEventSchema = EventBridgeSchema.extend({ "detail-type": z.literal("Scheduled Event"), source: z.literal("aws.events") });

/** What an operator sends rebuild-aggregates (by hand, or from the failure alarm's runbook): the period to rebuild, or none for all. */
export const RebuildAggregatesEventSchema = z.object({ period: z.string().regex(/^\d{4}-H[12]$/, "a period such as 2026-H1").optional() }).strict();

/** Body of a page queue message: one page of a stored document to recognise (ports/ocr-pages.ts OcrPageTask). */
export const OcrPageTaskSchema = z.object({
  jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  source: z.object({ bucket: z.string().min(3), key: z.string().min(1), versionId: z.string().min(1) }),
  pageNumber: z.number().int().min(1),
  pageCount: z.number().int().min(1),
});
