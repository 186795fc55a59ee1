import { AddProposalRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { addStaffProposal } from "#use-cases/matters.ts";

const config = loadConfig("add-proposal");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("add-proposal", AddProposalRequest, async (request, caller) => {
  const proposal = await addStaffProposal({ caseId: request.pathParameters.caseId, ...request.body, caller }, { cases, matters, now: () => new Date() });
  logger.info("proposal added by staff", { proposalId: proposal.id });
  return json(201, { proposal });
});
