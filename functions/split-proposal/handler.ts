import { SplitProposalRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { splitCaseProposal } from "#use-cases/matters.ts";

const config = loadConfig("split-proposal");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("split-proposal", SplitProposalRequest, async (request, caller) => {
  const proposals = await splitCaseProposal({ caseId: request.pathParameters.caseId, ...request.body, caller }, { matters });
  logger.info("proposal split", { caseId: request.pathParameters.caseId, parts: proposals.length });
  return json(200, { proposals });
});
