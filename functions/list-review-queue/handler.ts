import { ReviewQueueRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { json, staffRoute } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";

const config = loadConfig("list-review-queue");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

export const handler = staffRoute(ReviewQueueRequest, config.COURT_ROLE_PREFIX, async (request) => {
  const { limit, cursor, ...filter } = request.queryStringParameters;
  return json(200, await cases.reviewQueue(filter, { limit, cursor }));
});
