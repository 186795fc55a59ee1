/** Requests of the HTTP API routes, as zod schemas over API Gateway's payload format 2.0. */
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { APIGatewayProxyEventV2Schema } from "@aws-lambda-powertools/parser/schemas/api-gatewayv2";
import { z } from "zod";
import { CASE_ID_PATTERN, CASE_STATUSES } from "../../domain/stored-case.ts";
import { CaseCorrectionSchema } from "../../use-cases/correct-case.ts";

const caseIdPath = z.object({ caseId: z.string().regex(CASE_ID_PATTERN, "not a case id") });
const isoDate = z.iso.date();
const amount = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const id = z.string().regex(/^[a-z0-9-]{1,64}$/);
const paging = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
};

export const CreateUploadUrlRequest = APIGatewayProxyEventV2Schema.extend({
  body: JSONStringified(
    z.object({
      fileName: z.string().trim().min(1).max(255),
      contentType: z.string().min(1).max(100),
      sizeBytes: z.number().int(),
    }),
  ),
});

export const CaseRequest = APIGatewayProxyEventV2Schema.extend({ pathParameters: caseIdPath });

export const SearchCasesRequest = APIGatewayProxyEventV2Schema.extend({
  queryStringParameters: z
    .object({
      partyName: z.string().trim().min(1).max(200).optional(),
      caseNumber: z.string().trim().min(1).max(100).optional(),
      courtId: id.optional(),
      agencyId: id.optional(),
      status: z.enum(CASE_STATUSES).optional(),
      dateFrom: isoDate.optional(),
      dateTo: isoDate.optional(),
      minAmountVnd: amount.optional(),
      maxAmountVnd: amount.optional(),
      ...paging,
    })
    .strict()
    .default({ limit: 25 }),
});

export const ReviewQueueRequest = APIGatewayProxyEventV2Schema.extend({
  queryStringParameters: z.object({ agencyId: id.optional(), courtId: id.optional(), ...paging }).strict().default({ limit: 25 }),
});

export const CorrectCaseRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: caseIdPath,
  body: JSONStringified(CaseCorrectionSchema),
});
