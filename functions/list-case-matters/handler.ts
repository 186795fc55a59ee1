import { CaseRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { caseMatters } from "#use-cases/matters.ts";

const config = loadConfig("list-case-matters");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("list-case-matters", CaseRequest, async (request, caller) => json(200, await caseMatters(request.pathParameters.caseId, { matters }, caller)));
