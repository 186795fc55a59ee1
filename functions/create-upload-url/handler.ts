import { randomUUID } from "node:crypto";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { CreateUploadUrlRequest } from "#adapters/aws/api-schemas.ts";
import { s3 } from "#adapters/aws/clients.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { S3ObjectStore } from "#adapters/aws/s3-object-store.ts";
import { loadConfig } from "#shared/config.ts";
import { BusinessMetric } from "#shared/metrics.ts";
import { logger, metrics } from "#shared/observability.ts";
import { createUploadUrl } from "#use-cases/create-upload-url.ts";

const config = loadConfig("create-upload-url");
const objects = new S3ObjectStore(s3);

export const handler = httpRoute("create-upload-url", CreateUploadUrlRequest, async (request, caller) => {
  const courtId = caller.courtId ?? "";
  const result = await createUploadUrl(
    { courtId, ...request.body },
    {
      objects,
      bucket: config.UPLOADS_BUCKET,
      maxBytes: config.UPLOAD_MAX_BYTES,
      expiresInSeconds: config.UPLOAD_URL_TTL_SECONDS,
      newUploadId: randomUUID,
      now: () => new Date(),
    },
  );
  logger.info("upload url issued", { courtId, uploadId: result.uploadId });
  metrics.addMetric(BusinessMetric.uploadUrlsIssued, MetricUnit.Count, 1);
  return json(200, result);
});
