import { ListMattersRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { listMatters } from "#use-cases/matters.ts";

const config = loadConfig("list-matters");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("list-matters", ListMattersRequest, async (request, caller) => {
  const { unit, credit, limit, cursor, ...criteria } = request.queryStringParameters;
  return json(200, await listMatters({ ...criteria, unitId: unit, creditInstitution: credit }, { limit, cursor }, { matters, now: () => new Date() }, caller));
});
