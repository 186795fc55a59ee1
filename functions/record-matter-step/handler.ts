import { RecordMatterStepRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { recordMatterStep } from "#use-cases/matters.ts";

const config = loadConfig("record-matter-step");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("record-matter-step", RecordMatterStepRequest, async (request, caller) => {
  const { version, date, note, ...step } = request.body;
  const matter = await recordMatterStep(
    { matterId: request.pathParameters.matterId, expectedVersion: version, step, caller, ...(date !== undefined && { date }), ...(note !== undefined && { note }) },
    { matters, now: () => new Date() },
  );
  logger.info("matter step recorded", { matterId: matter.id, kind: step.kind, version: matter.version });
  return json(200, { matter });
});
