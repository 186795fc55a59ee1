import { SearchCasesRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { searchCases } from "#use-cases/case-queries.ts";

const config = loadConfig("search-cases");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

export const handler = httpRoute("search-cases", SearchCasesRequest, async (request, caller) => {
  const { limit, cursor, ...criteria } = request.queryStringParameters;
  return json(200, await searchCases(criteria, { limit, cursor }, cases, caller));
});
