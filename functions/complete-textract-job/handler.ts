import { TextractCompletionMessageSchema } from "#adapters/aws/event-schemas.ts";
import { once } from "#adapters/aws/idempotency.ts";
import { intakeDependencies, reportIntakeOutcome } from "#adapters/aws/intake-dependencies.ts";
import { sqsBatch } from "#adapters/aws/lambda-handler.ts";
import { textractOcrEngine } from "#adapters/aws/ocr-engine.ts";
import { loadConfig } from "#shared/config.ts";
import { completeOcrJob, type OcrJobNotice } from "#use-cases/complete-ocr-job.ts";

const config = loadConfig("complete-textract-job");
const deps = intakeDependencies(config, textractOcrEngine());
const completeOnce = once(config.IDEMPOTENCY_TABLE, async (notice: OcrJobNotice) => reportIntakeOutcome(await completeOcrJob(notice, deps)));

export const handler = sqsBatch(
  TextractCompletionMessageSchema,
  async (message) => {
    await completeOnce.run({ jobId: message.Message.JobId, status: message.Message.Status });
  },
  completeOnce.registerLambdaContext,
);
