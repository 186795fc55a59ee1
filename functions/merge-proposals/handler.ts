import { MergeProposalsRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { mergeCaseProposals } from "#use-cases/matters.ts";

const config = loadConfig("merge-proposals");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("merge-proposals", MergeProposalsRequest, async (request, caller) => {
  const proposal = await mergeCaseProposals({ caseId: request.pathParameters.caseId, ...request.body, caller }, { matters });
  logger.info("proposals merged", { caseId: request.pathParameters.caseId, merged: request.body.proposalIds.length });
  return json(200, { proposal });
});
