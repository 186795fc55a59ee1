import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { handler as correctCase } from "../../functions/correct-case/handler.ts";
import { handler as getCase } from "../../functions/get-case/handler.ts";
import { handler as getOriginalUrl } from "../../functions/get-original-url/handler.ts";
import { handler as listReviewQueue } from "../../functions/list-review-queue/handler.ts";
import { handler as searchCases } from "../../functions/search-cases/handler.ts";
import { storedCase } from "../support/cases.ts";
import { lambdaContext, loadEvent as sampleEvent, withClaims } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

capturedLogs();
const documents = mockClient(DynamoDBDocumentClient);

const CASE_ID = "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c";
const STAFF = "chuyen-vien-phu-ly";
/** A sample event sent by staff of the unit that received the sample case (test/support/cases.ts). */
const loadEvent = (name: string): APIGatewayProxyEventV2 => withClaims(sampleEvent<APIGatewayProxyEventV2>(name), { "custom:unitId": "cthads-ha-nam" });
const caseItem = (overrides = {}) => ({ ...storedCase(overrides), pk: `CASE#${CASE_ID}`, sk: "CASE", entity: "case", courtPk: "COURT#tand-phu-ly" });

async function call(handler: unknown, event: APIGatewayProxyEventV2) {
  const invoke = handler as (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  const response = await invoke(event, lambdaContext());
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(String(response.body)) as Record<string, any> };
}

function withQuery(event: APIGatewayProxyEventV2, query: Record<string, string>): APIGatewayProxyEventV2 {
  return { ...event, queryStringParameters: query, rawQueryString: new URLSearchParams(query).toString() };
}

beforeEach(() => {
  documents.reset();
  documents.on(GetCommand).resolves({ Item: caseItem() });
  documents.on(GetCommand, { TableName: "thads-matters" }).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
});

describe("get-case", () => {
  it("returns the case with its history and its version as ETag", async () => {
    const audit = { pk: `CASE#${CASE_ID}`, sk: "AUDIT#000002#2025-04-01T08:00:00.000Z", entity: "audit", caseId: CASE_ID, version: 2, at: "2025-04-01T08:00:00.000Z", by: STAFF, reason: "sửa số", changes: [] };
    documents.on(QueryCommand).resolves({ Items: [audit] });
    documents.on(GetCommand).resolves({ Item: caseItem({ version: 2 }) });
    documents.on(GetCommand, { TableName: "thads-matters" }).resolves({});

    const { status, headers, body } = await call(getCase, loadEvent("http-get-case") as unknown as APIGatewayProxyEventV2);

    expect(status).toBe(200);
    expect(headers.etag).toBe('"2"');
    expect(body.case).toEqual(storedCase({ version: 2 }));
    expect(body.history).toEqual([{ caseId: CASE_ID, version: 2, at: "2025-04-01T08:00:00.000Z", by: STAFF, reason: "sửa số", changes: [] }]);
    expect(documents).toHaveReceivedCommandWith(GetCommand, { Key: { pk: `CASE#${CASE_ID}`, sk: "CASE" }, ConsistentRead: true });
    expect(body.matterNotice).toBeNull();
  });

  it("shows the notice a correction left about opened matters that may no longer match the case", async () => {
    const message = `Hồ sơ đã được sửa (phiên bản 2): các việc đã thụ lý ${CASE_ID}/0 có thể không còn khớp với hồ sơ đã sửa; cần kiểm tra lại`;
    documents.on(QueryCommand).resolves({ Items: [] });
    documents.on(GetCommand).resolves({ Item: caseItem({ version: 2 }) });
    documents.on(GetCommand, { TableName: "thads-matters" }).resolves({ Item: { pk: `CASE#${CASE_ID}`, sk: "NOTICE", entity: "notice", caseVersion: 2, matterIds: [`${CASE_ID}/0`], message } });

    const { status, body } = await call(getCase, loadEvent("http-get-case") as unknown as APIGatewayProxyEventV2);

    expect(status).toBe(200);
    expect(body.matterNotice).toEqual({ caseVersion: 2, matterIds: [`${CASE_ID}/0`], message });
  });

  it("answers 404 for an unknown case", async () => {
    documents.on(GetCommand).resolves({});

    expect((await call(getCase, loadEvent("http-get-case") as unknown as APIGatewayProxyEventV2)).status).toBe(404);
  });

  it("answers 400 for something that is not a case id, without reading the table", async () => {
    const event = loadEvent("http-get-case") as unknown as APIGatewayProxyEventV2;
    event.pathParameters = { caseId: "../../etc" };

    expect((await call(getCase, event)).status).toBe(400);
    expect(documents.calls()).toHaveLength(0);
  });
});

describe("search-cases", () => {
  const search = () => loadEvent("http-search-cases") as unknown as APIGatewayProxyEventV2;

  it("finds parties by folded name words through one index partition and keeps cases where one party has all the words", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ caseId: CASE_ID }, { caseId: "1f2e3d4c5b6a79881f2e3d4c5b6a7988" }] });
    const other = storedCase({ caseId: "1f2e3d4c5b6a79881f2e3d4c5b6a7988", parties: [{ name: "Lê Văn Hùng", role: "plaintiff", kind: "person", confidence: 1, evidence: null }, { name: "Nguyễn Thị Mai", role: "defendant", kind: "person", confidence: 1, evidence: null }] });
    documents.on(BatchGetCommand).resolves({ Responses: { "thads-cases": [other, storedCase()] } });

    const { status, body } = await call(searchCases, search());

    expect(status).toBe(200);
    expect(body.items.map((item: { caseId: string }) => item.caseId)).toEqual([CASE_ID]);
    expect(documents).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: "ByLookup",
      // staff find their own unit's cases only
      ExpressionAttributeValues: expect.objectContaining({ ":pk": "NAMETOKEN#hung", ":dateFrom": "2024-10-01", ":dateTo": "2025-03-31", ":agencyId": "cthads-ha-nam" }),
      FilterExpression: "#agencyId = :agencyId AND #sortDate BETWEEN :dateFrom AND :dateTo",
    });
  });

  it("hands back a cursor that resumes where the index stopped", async () => {
    const lastKey = { pk: `CASE#${CASE_ID}`, sk: "NAMETOKEN#hung", lookupPk: "NAMETOKEN#hung", lookupSk: CASE_ID };
    documents.on(QueryCommand).resolves({ Items: [{ caseId: CASE_ID }], LastEvaluatedKey: lastKey });
    documents.on(BatchGetCommand).resolves({ Responses: { "thads-cases": [storedCase()] } });
    const first = await call(searchCases, withQuery(search(), { partyName: "Hùng", limit: "1" }));

    await call(searchCases, withQuery(search(), { partyName: "Hùng", limit: "1", cursor: first.body.nextCursor }));

    expect(documents.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual(lastKey);
  });

  it("refuses a search with nothing to narrow it rather than scanning the table", async () => {
    const { status, body } = await call(searchCases, withQuery(search(), { minAmountVnd: "x" }));
    expect(status).toBe(400);
    expect(body.message).toContain("minAmountVnd");

    // a leader's search of every unit (staff's is narrowed to their unit)
    const unnarrowed = await call(searchCases, withQuery(withClaims(search(), { "cognito:groups": "[leader]", "custom:unitId": undefined }), { limit: "10" }));
    expect(unnarrowed.status).toBe(400);
    expect(unnarrowed.body).toMatchObject({ code: "request.no-criterion", message: expect.stringMatching(/^Cần ít nhất một tiêu chí tìm kiếm/) });
    expect(documents.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it("names a query parameter it does not know", async () => {
    const { status, body } = await call(searchCases, withQuery(search(), { party: "Hùng" }));

    expect(status).toBe(400);
    expect(body.message).toContain("party");
  });
});

describe("list-review-queue", () => {
  it("lists cases waiting for review oldest first, optionally for one agency", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ caseId: CASE_ID }] });
    documents.on(BatchGetCommand).resolves({ Responses: { "thads-cases": [storedCase({ status: "needs_review", reviewReasons: ["số bản án không đọc được"] })] } });
    const event = withQuery(loadEvent("http-list-review-queue") as unknown as APIGatewayProxyEventV2, { agencyId: "cthads-ha-nam" });

    const { status, body } = await call(listReviewQueue, event);

    expect(status).toBe(200);
    expect(body.items).toEqual([expect.objectContaining({ caseId: CASE_ID, status: "needs_review", reviewReasons: ["số bản án không đọc được"] })]);
    expect(documents).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: "ByStatusReceived",
      ScanIndexForward: true,
      ExpressionAttributeValues: expect.objectContaining({ ":pk": "STATUS#needs_review", ":agencyId": "cthads-ha-nam" }),
    });
  });
});

describe("get-original-url", () => {
  it("signs a short-lived GET of the exact uploaded version, saved under its Vietnamese file name", async () => {
    const { status, body } = await call(getOriginalUrl, loadEvent("http-get-original-url") as unknown as APIGatewayProxyEventV2);

    expect(status).toBe(200);
    const url = new URL(body.url);
    expect(url.searchParams.get("versionId")).toBe("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("response-content-disposition")).toBe(`attachment; filename="ban an so 12.pdf"; filename*=UTF-8''${encodeURIComponent("Bản án số 12.pdf")}`);
  });
});

describe("correct-case", () => {
  const correction = () => loadEvent("http-correct-case") as unknown as APIGatewayProxyEventV2;

  it("writes the corrected case as the next version with an audit entry, only onto the version the caller read", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ sk: "NAMETOKEN#hung" }, { sk: "NAMETOKEN#bich" }, { sk: "NAMETOKEN#nguoi" }] });
    documents.on(GetCommand).resolves({ Item: caseItem({ caseNumber: "12/2011/DS-ST", issuedDate: null }) });
    documents.on(TransactWriteCommand).resolves({});

    const { status, headers, body } = await call(correctCase, correction());

    expect(status).toBe(200);
    expect(headers.etag).toBe('"2"');
    expect(body.case).toMatchObject({ version: 2, status: "verified", caseNumber: "12/2017/DS-ST", issuedDate: "2017-09-12" });
    const actions = documents.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(actions[0]?.Put).toMatchObject({ ConditionExpression: "#version = :previous", ExpressionAttributeValues: { ":previous": 1 }, Item: { version: 2, lookupPk: "CASENO#12/2017/DSST" } });
    expect(actions[1]?.Put?.Item).toMatchObject({
      entity: "audit",
      version: 2,
      by: STAFF,
      reason: "Số bản án đọc sai từ bản quét",
      changes: [
        { field: "caseNumber", before: "12/2011/DS-ST", after: "12/2017/DS-ST" },
        { field: "issuedDate", before: null, after: "2017-09-12" },
        { field: "status", before: "extracted", after: "verified" },
      ],
    });
    expect(actions.filter((action) => action.Delete).map((action) => action.Delete?.Key?.sk)).toEqual(["NAMETOKEN#nguoi"]);
  });

  it("asks for If-Match when the caller does not say which version it corrected", async () => {
    const event = correction();
    delete event.headers["if-match"];

    expect((await call(correctCase, event)).status).toBe(428);
  });

  it("refuses a correction of a version that is no longer current", async () => {
    documents.on(GetCommand).resolves({ Item: caseItem({ version: 3 }) });

    const { status, body } = await call(correctCase, correction());

    expect(status).toBe(412);
    expect(body.error).toBe("VersionConflictError");
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it("refuses the slower of two simultaneous corrections", async () => {
    documents.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: "Transaction cancelled", $metadata: {}, CancellationReasons: [{ Code: "ConditionalCheckFailed" }] }),
    );

    expect((await call(correctCase, correction())).status).toBe(412);
  });

  it("rejects fields staff may not change", async () => {
    const event = correction();
    event.body = JSON.stringify({ reason: "thử", changes: { caseId: "ffffffffffffffffffffffffffffffff" } });

    const { status, body } = await call(correctCase, event);

    expect(status).toBe(400);
    expect(body.message).toContain("caseId");
  });
});

describe("case routes hold callers to their role and unit", () => {
  const asCourt = (name: string): APIGatewayProxyEventV2 => withClaims(loadEvent(name), { "cognito:groups": "[court]", "custom:courtId": "tand-phu-ly", "custom:unitId": undefined });
  const asLeader = (name: string): APIGatewayProxyEventV2 => withClaims(loadEvent(name), { "cognito:groups": "[leader]", "custom:unitId": undefined });
  const asOtherUnit = (name: string): APIGatewayProxyEventV2 => withClaims(loadEvent(name), { "custom:unitId": "ninh-binh-kv-4" });

  it.each([
    ["read a case", getCase, "http-get-case"],
    ["search cases", searchCases, "http-search-cases"],
    ["list the review queue", listReviewQueue, "http-list-review-queue"],
    ["fetch an original", getOriginalUrl, "http-get-original-url"],
    ["correct a case", correctCase, "http-correct-case"],
  ])("a court may not %s (403), and the table is not touched", async (_, handler, eventName) => {
    const { status, body } = await call(handler, asCourt(eventName));

    expect(status).toBe(403);
    expect(body).toMatchObject({ code: "request.role-refused", message: "Tài khoản tòa án không được dùng chức năng này" });
    expect(documents.calls()).toHaveLength(0);
  });

  it("lets a leader read a case of any unit but not correct it", async () => {
    expect((await call(getCase, asLeader("http-get-case"))).status).toBe(200);

    const { status, body } = await call(correctCase, asLeader("http-correct-case"));

    expect(status).toBe(403);
    expect(body.code).toBe("request.role-refused");
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it("refuses staff of another unit the case and its correction (403 naming the case's unit), writing nothing", async () => {
    const read = await call(getCase, asOtherUnit("http-get-case"));
    const corrected = await call(correctCase, asOtherUnit("http-correct-case"));

    expect([read.status, corrected.status]).toEqual([403, 403]);
    expect(read.body).toMatchObject({ code: "request.other-unit", message: "Hồ sơ hoặc việc này thuộc đơn vị cthads-ha-nam, không thuộc đơn vị của tài khoản" });
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it("searches only the caller's unit, and refuses a search of another unit's cases", async () => {
    documents.on(QueryCommand).resolves({ Items: [] });

    const own = await call(searchCases, withQuery(asOtherUnit("http-search-cases"), { status: "needs_review" }));
    const other = await call(searchCases, withQuery(loadEvent("http-search-cases"), { agencyId: "ninh-binh-kv-4" }));

    expect(own.status).toBe(200);
    expect(JSON.stringify(documents.commandCalls(QueryCommand).map((call) => call.args[0].input))).toContain("ninh-binh-kv-4");
    expect(other.status).toBe(403);
  });

  it("refuses a user in no role group, or a staff user without a unit (403)", async () => {
    const noGroup = await call(getCase, withClaims(loadEvent("http-get-case"), { "cognito:groups": undefined }));
    const noUnit = await call(getCase, withClaims(loadEvent("http-get-case"), { "custom:unitId": undefined }));

    expect([noGroup.status, noUnit.status]).toEqual([403, 403]);
    expect(noGroup.body.code).toBe("request.no-role");
    expect(documents.calls()).toHaveLength(0);
  });

  it("refuses a request that carries no verified claims (403)", async () => {
    const event = loadEvent("http-get-case") as unknown as APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } };
    delete event.requestContext.authorizer;

    expect((await call(getCase, event)).status).toBe(403);
    expect(documents.calls()).toHaveLength(0);
  });
});
