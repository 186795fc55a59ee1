import { S3NotificationSchema } from "#adapters/aws/event-schemas.ts";
import { once } from "#adapters/aws/idempotency.ts";
import { intakeDependencies, reportIntakeOutcome } from "#adapters/aws/intake-dependencies.ts";
import { sqsBatch } from "#adapters/aws/lambda-handler.ts";
import { intakeOcrEngine } from "#adapters/aws/ocr-engine.ts";
import { decodeEventKey } from "#domain/upload-key.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { ingestDocument, type IngestRequest } from "#use-cases/ingest-document.ts";

const config = loadConfig("ingest-document");
const deps = intakeDependencies(config, intakeOcrEngine(config));
// Keyed by object version and event time: S3 may deliver the same event twice, SQS may redeliver it.
const ingestOnce = once(config.IDEMPOTENCY_TABLE, async (request: IngestRequest) => reportIntakeOutcome(await ingestDocument(request, deps)));

export const handler = sqsBatch(
  S3NotificationSchema,
  async (notification) => {
    if (!("Records" in notification)) {
      logger.info("S3 test event ignored");
      return;
    }
    for (const record of notification.Records) {
      const { bucket, object } = record.s3;
      await ingestOnce.run({
        source: { bucket: bucket.name, key: decodeEventKey(object.key), ...(object.versionId !== undefined && { versionId: object.versionId }) },
        receivedAt: record.eventTime,
      });
    }
  },
  ingestOnce.registerLambdaContext,
);
