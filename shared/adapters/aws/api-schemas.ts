/** Requests of the HTTP API routes, as zod schemas over API Gateway's payload format 2.0. */
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { APIGatewayProxyEventV2Schema } from "@aws-lambda-powertools/parser/schemas/api-gatewayv2";
import { z } from "zod";
import { MOVE_KINDS } from "../../domain/lifecycle/steps.ts";
import { matterIdOfPathSegment } from "../../domain/matters/matter-id.ts";
import { CASE_ID_PATTERN, CASE_STATUSES } from "../../domain/stored-case.ts";
import { CaseCorrectionSchema } from "../../use-cases/correct-case.ts";

const caseIdPath = z.object({ caseId: z.string().regex(CASE_ID_PATTERN, "not a case id") });
const isoDate = z.iso.date();
/** A whole number in a query string, written in decimal digits only: not "", " ", "0x10" or "1e9" as Number() would read them. */
const decimal = (max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, "expected a whole number in decimal digits")
    .transform(Number)
    .pipe(z.number().int().max(max));
const amount = decimal(Number.MAX_SAFE_INTEGER);
const id = z.string().regex(/^[a-z0-9-]{1,64}$/);
const proposalId = z.string().min(1).max(300);
const paging = {
  limit: decimal(100).pipe(z.number().min(1)).default(25),
  cursor: z.string().max(2048).optional(),
};

export const CreateUploadUrlRequest = APIGatewayProxyEventV2Schema.extend({
  body: JSONStringified(
    z.object({
      // a lone surrogate cannot be encoded into an object key
      fileName: z.string().trim().min(1).max(255).refine((name) => !/\p{Cs}/u.test(name), "fileName is not well-formed Unicode"),
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

/** A court's own uploads: the court comes from the caller, never from the request. */
export const UploadsRequest = APIGatewayProxyEventV2Schema.extend({
  queryStringParameters: z.object({ ...paging }).strict().default({ limit: 25 }),
});

export const ReviewQueueRequest = APIGatewayProxyEventV2Schema.extend({
  queryStringParameters: z.object({ agencyId: id.optional(), courtId: id.optional(), ...paging }).strict().default({ limit: 25 }),
});

export const CorrectCaseRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: caseIdPath,
  body: JSONStringified(CaseCorrectionSchema),
});


export const OpenMatterRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: caseIdPath,
  body: JSONStringified(
    z
      .object({
        proposalId,
        decision: z.object({ number: z.string().trim().min(1).max(100), date: isoDate }).strict(),
        executor: z.string().trim().min(1).max(200),
        unitId: id.optional(),
        amountVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
        note: z.string().trim().min(1).max(1000).optional(),
      })
      .strict(),
  ),
});

const parties = z.object({ debtor: z.string().trim().min(1).max(300), creditor: z.string().trim().min(1).max(300) }).strict();

export const SplitProposalRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: caseIdPath,
  body: JSONStringified(z.object({ proposalId, groups: z.array(z.array(z.number().int().nonnegative()).min(1).max(100)).min(2).max(50) }).strict()),
});

export const MergeProposalsRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: caseIdPath,
  body: JSONStringified(z.object({ proposalIds: z.array(proposalId).min(2).max(30), parties: parties.optional() }).strict()),
});

/** A matter id in a path: the case id, "~", then the obligation positions ("0+1"). */
const matterIdPath = z.object({
  matterId: z
    .string()
    .regex(/^[0-9a-f]{32}~\d{1,4}(?:\+\d{1,4}){0,99}$/, "not a matter id")
    .transform(matterIdOfPathSegment),
});

export const MatterRequest = APIGatewayProxyEventV2Schema.extend({ pathParameters: matterIdPath });

/** Every step names the version it was read at (optimistic locking), and may give its date and a note (the audit's why). */
const stepCommon = { version: z.number().int().positive(), date: isoDate.optional(), note: z.string().trim().min(1).max(1000).optional() };

export const RecordMatterStepRequest = APIGatewayProxyEventV2Schema.extend({
  pathParameters: matterIdPath,
  body: JSONStringified(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("verify"), enforceable: z.boolean(), ...stepCommon }).strict(),
      z.object({ kind: z.literal("collect"), amountVnd: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), receipt: z.string().trim().min(1).max(100).optional(), ...stepCommon }).strict(),
      z.object({ kind: z.literal("reduce"), amountVnd: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), ...stepCommon }).strict(),
      z.object({ kind: z.enum(MOVE_KINDS), ...stepCommon }).strict(),
    ]),
  ),
});
