import { CaseRequest } from "#adapters/aws/api-schemas.ts";
import { documents, s3 } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { S3ObjectStore } from "#adapters/aws/s3-object-store.ts";
import { loadConfig } from "#shared/config.ts";
import { originalDocumentUrl } from "#use-cases/case-queries.ts";

const config = loadConfig("get-original-url");
const deps = {
  cases: new DynamoDbCaseRepository(documents, config.CASES_TABLE),
  objects: new S3ObjectStore(s3),
  expiresInSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
};

export const handler = httpRoute("get-original-url", CaseRequest, async (request, caller) => json(200, await originalDocumentUrl(request.pathParameters.caseId, deps, caller)));
