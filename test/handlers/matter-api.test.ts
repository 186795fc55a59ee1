import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { acceptProposal } from "#domain/matters/edit.ts";
import { proposeMatters } from "#domain/matters/propose.ts";
import { handler as getMatter } from "../../functions/get-matter/handler.ts";
import { handler as listCaseMatters } from "../../functions/list-case-matters/handler.ts";
import { handler as mergeProposals } from "../../functions/merge-proposals/handler.ts";
import { handler as openMatter } from "../../functions/open-matter/handler.ts";
import { handler as recordMatterStep } from "../../functions/record-matter-step/handler.ts";
import { handler as splitProposal } from "../../functions/split-proposal/handler.ts";
import { storedCase } from "../support/cases.ts";
import { lambdaContext, loadEvent, withClaims } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

const logs = capturedLogs();
const documents = mockClient(DynamoDBDocumentClient);

const record = storedCase();
const CASE_ID = record.caseId;
const MATTER_ID = `${CASE_ID}/1`;
const proposals = proposeMatters(record, { caseId: CASE_ID, receivedOn: "2025-03-14", directory: haNamNinhBinhDirectory() });
const proposalItems = proposals.map((proposal) => ({ ...proposal, pk: `CASE#${CASE_ID}`, sk: `PROPOSAL#${proposal.id}`, entity: "proposal" }));
/** The matter opened from the second proposal and verified có điều kiện: version 2. */
function storedMatter() {
  const opened = acceptProposal(proposals[1]!, { matterId: MATTER_ID, actor: { by: "staff", at: "2025-03-19T17:00:00.000Z", reason: "Thụ lý" } });
  const matter = { ...opened.matter, state: "enforceable" as const, version: 2, updatedAt: "2025-04-01T17:00:00.000Z" };
  const verified = { matterId: MATTER_ID, seq: 2, type: "transition", at: "2025-04-01T17:00:00.000Z", by: "staff", reason: "Xác minh", from: "accepted", to: "enforceable", amountVnd: 0 };
  return { ...matter, events: [opened.event, verified], pk: `CASE#${CASE_ID}`, sk: `MATTER#${MATTER_ID}`, entity: "matter" };
}

async function call(handler: unknown, event: APIGatewayProxyEventV2) {
  const invoke = handler as (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  const response = await invoke(event, lambdaContext());
  return { status: response.statusCode, body: JSON.parse(String(response.body)) as Record<string, any> };
}

const stepEvent = (body: Record<string, unknown>) => ({ ...loadEvent<APIGatewayProxyEventV2>("http-record-matter-step"), body: JSON.stringify(body) });
const routeEvent = (routeKey: string, rawPath: string, pathParameters: Record<string, string>): APIGatewayProxyEventV2 => {
  const { body: _body, ...event } = loadEvent<APIGatewayProxyEventV2>("http-open-matter");
  return { ...event, routeKey, rawPath, pathParameters, requestContext: { ...event.requestContext, routeKey, http: { ...event.requestContext.http, method: "GET", path: rawPath } } };
};

beforeEach(() => {
  documents.reset();
  documents.on(QueryCommand).resolves({ Items: proposalItems });
  documents.on(GetCommand).resolves({ Item: storedMatter() });
  documents.on(PutCommand).resolves({});
});

describe("matter routes", () => {
  it("lists a case's proposals and opened matters", async () => {
    documents.on(QueryCommand).resolves({ Items: [...proposalItems, storedMatter()] });

    const { status, body } = await call(listCaseMatters, routeEvent("GET /cases/{caseId}/matters", `/cases/${CASE_ID}/matters`, { caseId: CASE_ID }));

    expect(status).toBe(200);
    expect(body.proposals.map((proposal: { id: string }) => proposal.id)).toEqual([`${CASE_ID}/0`, MATTER_ID]);
    expect(body.matters).toEqual([expect.objectContaining({ id: MATTER_ID, state: "enforceable", version: 2 })]);
  });

  it("opens a matter from a proposal (201), recording the decision and executor, and logs no names", async () => {
    const { status, body } = await call(openMatter, loadEvent("http-open-matter"));

    expect(status).toBe(201);
    expect(body.matter).toMatchObject({ id: MATTER_ID, state: "accepted", version: 1, decision: { number: "215/QĐ-CCTHADS", date: "2025-03-20" }, executor: "Trần Văn Bình" });
    expect(documents).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ sk: `MATTER#${MATTER_ID}` }), ConditionExpression: "attribute_not_exists(pk)" });
    expect(logs.text()).toContain("matter opened");
    expect(logs.text()).not.toContain("Trần Văn Bình");
  });

  it("reads a matter by the id in its URL form (~ for /)", async () => {
    const { status, body } = await call(getMatter, routeEvent("GET /matters/{matterId}", `/matters/${CASE_ID}~1`, { matterId: `${CASE_ID}~1` }));

    expect(status).toBe(200);
    expect(body.matter).toMatchObject({ id: MATTER_ID, caseId: CASE_ID });
    expect(documents).toHaveReceivedCommandWith(GetCommand, { Key: { pk: `CASE#${CASE_ID}`, sk: `MATTER#${MATTER_ID}` } });
  });

  it("records a collection with its receipt onto the version read", async () => {
    const { status, body } = await call(recordMatterStep, loadEvent("http-record-matter-step"));

    expect(status).toBe(200);
    expect(body.matter).toMatchObject({ collectedVnd: 2_500_000, version: 3 });
    expect(body.matter.events.at(-1)).toMatchObject({ seq: 3, type: "collect", amountVnd: 2_500_000, receipt: "BL-0012", at: "2025-05-09T17:00:00.000Z" });
    // onto the version read, and with no obstacle noted since (noting one keeps the version)
    expect(documents).toHaveReceivedCommandWith(PutCommand, { ConditionExpression: "#version = :previous AND attribute_not_exists(#obstacles)", ExpressionAttributeValues: { ":previous": 2 } });
  });

  it("answers 409 with the Vietnamese reason for a step the lifecycle refuses, writing nothing", async () => {
    documents.on(GetCommand).resolves({ Item: { ...storedMatter(), state: "suspended" } });

    const { status, body } = await call(recordMatterStep, stepEvent({ kind: "complete", version: 2 }));

    expect(status).toBe(409);
    expect(body).toEqual({ error: "ConflictError", code: "matter.illegal-transition", message: 'Việc đang ở trạng thái "tạm đình chỉ": không chuyển sang "thi hành xong" được' });
    expect(documents).not.toHaveReceivedCommand(PutCommand);
  });

  it("answers 409 when the matter moved past the version the caller read", async () => {
    const { status, body } = await call(recordMatterStep, stepEvent({ kind: "postpone", version: 1 }));

    expect(status).toBe(409);
    expect(body).toMatchObject({ code: "matter.version-conflict" });
    expect(documents).not.toHaveReceivedCommand(PutCommand);
  });

  it("answers 400 for a step of an unknown kind or a path that is not a matter id, reading nothing", async () => {
    expect((await call(recordMatterStep, stepEvent({ kind: "forgive", version: 2 }))).status).toBe(400);
    expect((await call(getMatter, routeEvent("GET /matters/{matterId}", "/matters/x", { matterId: "../x" }))).status).toBe(400);
    expect(documents.calls()).toHaveLength(0);
  });

  it("records an ủy thác to another unit, leaving that unit a proposal in the same write; 400 without the unit", async () => {
    documents.on(TransactWriteCommand).resolves({});

    const { status, body } = await call(recordMatterStep, stepEvent({ kind: "transfer", toUnitId: "ha-nam-kim-bang", version: 2, date: "2025-04-10" }));

    expect(status).toBe(200);
    expect(body.matter).toMatchObject({ state: "transferred", version: 3 });
    expect(documents).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [expect.objectContaining({ Put: expect.objectContaining({ Item: expect.objectContaining({ state: "transferred" }) }) }), expect.objectContaining({ Put: expect.objectContaining({ Item: expect.objectContaining({ id: `${MATTER_ID}@ha-nam-kim-bang`, unitId: "ha-nam-kim-bang" }) }) })],
    });
    expect((await call(recordMatterStep, stepEvent({ kind: "transfer", version: 2 }))).status).toBe(400);
  });
});

describe("proposal routes", () => {
  const proposalEvent = (action: "split" | "merge", body: unknown): APIGatewayProxyEventV2 => ({
    ...routeEvent(`POST /cases/{caseId}/proposals/${action}`, `/cases/${CASE_ID}/proposals/${action}`, { caseId: CASE_ID }),
    body: JSON.stringify(body),
  });

  it("refuses to merge an ex officio proposal with an on-request one (400, in Vietnamese), writing nothing", async () => {
    const { status, body } = await call(mergeProposals, proposalEvent("merge", { proposalIds: proposals.map((proposal) => proposal.id) }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "matter.invalid-merge", message: expect.stringContaining("cùng loại (chủ động hoặc theo đơn)") });
    expect(documents).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it("answers 409 when the proposal to split was opened meanwhile", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ ...proposalItems[0]!, lines: [proposals[0]!.lines[0]!, { ...proposals[0]!.lines[0]!, obligationIndex: 5 }] }] });
    documents.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed" }] }));

    const { status, body } = await call(splitProposal, proposalEvent("split", { proposalId: proposals[0]!.id, groups: [[0], [1]] }));

    expect(status).toBe(409);
    expect(body).toMatchObject({ code: "matter.proposals-changed" });
  });
});

describe("matter routes hold callers to their unit", () => {
  const step = () => stepEvent({ kind: "collect", amountVnd: 1_000_000, receipt: "BL-0001", version: 2 });

  it("refuses staff of another unit a step and a leader any step (403), writing nothing", async () => {
    const otherUnit = await call(recordMatterStep, withClaims(step(), { "custom:unitId": "ninh-binh-kv-4" }));
    const leader = await call(recordMatterStep, withClaims(step(), { "cognito:groups": "[leader]", "custom:unitId": undefined }));

    expect([otherUnit.status, leader.status]).toEqual([403, 403]);
    expect(otherUnit.body).toMatchObject({ code: "request.other-unit", message: "Hồ sơ hoặc việc này thuộc đơn vị ha-nam-phu-ly, không thuộc đơn vị của tài khoản" });
    expect(leader.body.code).toBe("request.role-refused");
    expect(documents).not.toHaveReceivedCommand(PutCommand);
  });

  it("lets a leader read a matter of any unit, and records the staff user's name as who took a step", async () => {
    const read = await call(getMatter, withClaims(routeEvent("GET /matters/{matterId}", `/matters/${CASE_ID}~1`, { matterId: `${CASE_ID}~1` }), { "cognito:groups": "[leader]", "custom:unitId": undefined }));
    const stepped = await call(recordMatterStep, step());

    expect(read.status).toBe(200);
    expect(stepped.status).toBe(200);
    expect(stepped.body.matter.events.at(-1).by).toBe("chuyen-vien-phu-ly");
  });
});
