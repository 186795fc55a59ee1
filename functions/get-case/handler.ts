import { CaseRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { getCase } from "#use-cases/case-queries.ts";

const config = loadConfig("get-case");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

export const handler = httpRoute("get-case", CaseRequest, async (request, caller) => {
  const found = await getCase(request.pathParameters.caseId, cases, caller);
  // The ETag is the version a correction must name in If-Match.
  return json(200, found, { etag: `"${found.case.version}"` });
});
