import { OpenMatterRequest } from "#adapters/aws/api-schemas.ts";
import { callerArn } from "#adapters/aws/caller.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { json, staffRoute } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { openProposedMatter } from "#use-cases/matters.ts";

const config = loadConfig("open-matter");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = staffRoute(OpenMatterRequest, config.COURT_ROLE_PREFIX, async (request) => {
  const matter = await openProposedMatter({ caseId: request.pathParameters.caseId, ...request.body, by: callerArn(request) }, { matters });
  logger.info("matter opened", { matterId: matter.id });
  return json(201, { matter });
});
