import { MatterRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { getMatter } from "#use-cases/matters.ts";

const config = loadConfig("get-matter");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("get-matter", MatterRequest, async (request, caller) => json(200, { matter: await getMatter(request.pathParameters.matterId, { matters }, caller) }));
