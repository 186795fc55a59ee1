import { ReviewQueueRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { scopedUnit } from "#use-cases/access.ts";

const config = loadConfig("list-review-queue");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

export const handler = httpRoute("list-review-queue", ReviewQueueRequest, async (request, caller) => {
  const { limit, cursor, agencyId, courtId } = request.queryStringParameters;
  return json(200, await cases.reviewQueue({ agencyId: scopedUnit(caller, agencyId), courtId }, { limit, cursor }));
});
