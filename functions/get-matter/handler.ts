import { MatterRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { json, staffRoute } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { getMatter } from "#use-cases/matters.ts";

const config = loadConfig("get-matter");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = staffRoute(MatterRequest, config.COURT_ROLE_PREFIX, async (request) => json(200, { matter: await getMatter(request.pathParameters.matterId, { matters }) }));
