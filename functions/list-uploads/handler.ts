import { UploadsRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { courtUploads } from "#use-cases/case-queries.ts";

const config = loadConfig("list-uploads");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

export const handler = httpRoute("list-uploads", UploadsRequest, async (request, caller) => json(200, await courtUploads(caller, request.queryStringParameters, cases)));
