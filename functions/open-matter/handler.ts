import { OpenMatterRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { openProposedMatter } from "#use-cases/matters.ts";

const config = loadConfig("open-matter");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("open-matter", OpenMatterRequest, async (request, caller) => {
  const matter = await openProposedMatter({ caseId: request.pathParameters.caseId, ...request.body, caller }, { matters });
  logger.info("matter opened", { matterId: matter.id });
  return json(201, { matter });
});
