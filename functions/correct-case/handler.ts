import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { CorrectCaseRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { reason } from "#domain/review-reasons.ts";
import { loadConfig } from "#shared/config.ts";
import { PreconditionRequiredError } from "#shared/errors.ts";
import { BusinessMetric } from "#shared/metrics.ts";
import { logger, metrics } from "#shared/observability.ts";
import { correctCase } from "#use-cases/correct-case.ts";

const config = loadConfig("correct-case");
const cases = new DynamoDbCaseRepository(documents, config.CASES_TABLE);

/** The version named by If-Match: the ETag GET /cases/{caseId} returned, e.g. "3". */
function expectedVersion(ifMatch: string | undefined): number {
  const version = ifMatch === undefined ? undefined : /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim())?.[1];
  if (version === undefined) throw new PreconditionRequiredError(reason("request.if-match-required", {}));
  return Number(version);
}

export const handler = httpRoute("correct-case", CorrectCaseRequest, async (request, caller) => {
  const updated = await correctCase(
    {
      caseId: request.pathParameters.caseId,
      expectedVersion: expectedVersion(request.headers["if-match"]),
      correction: request.body,
      caller,
    },
    { cases, now: () => new Date() },
  );
  logger.info("case corrected", { caseId: updated.caseId, version: updated.version });
  metrics.addMetric(BusinessMetric.casesCorrected, MetricUnit.Count, 1);
  return json(200, { case: updated }, { etag: `"${updated.version}"` });
});
