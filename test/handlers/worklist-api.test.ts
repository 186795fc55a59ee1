import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { acceptProposal } from "#domain/matters/edit.ts";
import { proposeMatters } from "#domain/matters/propose.ts";
import { handler as addProposal } from "../../functions/add-proposal/handler.ts";
import { handler as listCreditCases } from "../../functions/list-credit-cases/handler.ts";
import { handler as listMatters } from "../../functions/list-matters/handler.ts";
import { handler as noteObstacle } from "../../functions/note-matter-obstacle/handler.ts";
import { storedCase } from "../support/cases.ts";
import { lambdaContext, loadEvent, withClaims } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

const logs = capturedLogs();
const documents = mockClient(DynamoDBDocumentClient);

const record = storedCase({ creditInstitutionInvolved: true });
const CASE_ID = record.caseId;
const proposals = proposeMatters(record, { caseId: CASE_ID, receivedOn: "2025-03-14", directory: haNamNinhBinhDirectory() });
const proposalItems = proposals.map((proposal) => ({ ...proposal, pk: `CASE#${CASE_ID}`, sk: `PROPOSAL#${proposal.id}`, entity: "proposal" }));

/** A worklist row as the indexes project it. */
const row = (id: string, openedOn: string) => ({
  id,
  caseId: CASE_ID,
  unitId: "ha-nam-phu-ly",
  executor: "Trần Văn Bình",
  state: "enforceable",
  mode: "on_request",
  creditInstitution: true,
  debtor: "Trần Thị Bích",
  creditor: "Ngân hàng TMCP Công thương Việt Nam",
  owedVnd: 150_000_000,
  collectedVnd: 20_000_000,
  reducedVnd: 0,
  openedOn,
  version: 3,
});

async function call(handler: unknown, event: APIGatewayProxyEventV2) {
  const invoke = handler as (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  return invoke(event, lambdaContext());
}
const jsonOf = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(String(response.body)) as Record<string, any>;

const listEvent = (query: Record<string, string>): APIGatewayProxyEventV2 => ({
  ...loadEvent<APIGatewayProxyEventV2>("http-list-matters"),
  rawQueryString: new URLSearchParams(query).toString(),
  queryStringParameters: query,
});
const creditEvent = (query: Record<string, string>): APIGatewayProxyEventV2 => {
  const event = listEvent(query);
  return { ...event, routeKey: "GET /credit-cases", rawPath: "/credit-cases", requestContext: { ...event.requestContext, routeKey: "GET /credit-cases", http: { ...event.requestContext.http, path: "/credit-cases" } } };
};

beforeEach(() => {
  documents.reset();
});

describe("GET /matters", () => {
  it("queries the unit-and-state index partition with the other criteria as filters, and hands back a cursor", async () => {
    const last = { pk: `CASE#${CASE_ID}`, sk: `MATTER#${CASE_ID}/1`, unitStatePk: "UNIT#ha-nam-phu-ly#STATE#enforceable", openedSk: `2025-01-12#${CASE_ID}/1` };
    documents.on(QueryCommand).resolves({ Items: [row(`${CASE_ID}/0`, "2025-01-10"), row(`${CASE_ID}/1`, "2025-01-12")], LastEvaluatedKey: last });

    const response = await call(listMatters, loadEvent("http-list-matters"));

    expect(response.statusCode).toBe(200);
    const body = jsonOf(response);
    expect(body.items).toEqual([{ ...row(`${CASE_ID}/0`, "2025-01-10"), obstacles: [] }, { ...row(`${CASE_ID}/1`, "2025-01-12"), obstacles: [] }]);
    expect(JSON.parse(Buffer.from(body.nextCursor, "base64url").toString("utf8"))).toEqual({ k: last });
    const input = documents.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      IndexName: "ByUnitStateOpened",
      KeyConditionExpression: "#pk = :pk AND #opened < :before",
      Limit: 2,
      FilterExpression: "#f0 = :f0",
      ExpressionAttributeValues: { ":pk": "UNIT#ha-nam-phu-ly#STATE#enforceable", ":f0": true },
    });
    expect(input.ExpressionAttributeNames).toMatchObject({ "#pk": "unitStatePk", "#opened": "openedSk", "#f0": "creditInstitution" });
  });

  it("answers 400 for a forged cursor, not 500", async () => {
    const response = await call(listMatters, listEvent({ unit: "ha-nam-phu-ly", cursor: Buffer.from('{"k":{"unitPk":"UNIT#other"}}').toString("base64url") }));

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response)).toMatchObject({ code: "request.cursor" });
    expect(documents).not.toHaveReceivedCommand(QueryCommand);
  });

  it("answers a leader 400 in Vietnamese when neither a unit nor an executor is named (staff get their own unit's), and for an unknown state", async () => {
    const none = await call(listMatters, withClaims(listEvent({ state: "enforceable" }), { "cognito:groups": "[leader]", "custom:unitId": undefined }));
    expect(none.statusCode).toBe(400);
    expect(jsonOf(none)).toMatchObject({ code: "request.matters-no-criterion", message: "Cần nêu đơn vị (unit) hoặc chấp hành viên (executor) để liệt kê việc" });

    const unknown = await call(listMatters, listEvent({ unit: "ha-nam-phu-ly", state: "closed" }));
    expect(unknown.statusCode).toBe(400);
    expect(jsonOf(unknown).message).toContain("state");
    expect(documents).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe("POST /cases/{caseId}/proposals", () => {
  it("adds the matter staff describe as a proposal marked as theirs (201), and logs no names", async () => {
    documents.on(GetCommand).resolves({ Item: { ...record, pk: `CASE#${CASE_ID}`, sk: "CASE", entity: "case" } });
    documents.on(QueryCommand).resolves({ Items: proposalItems });
    documents.on(TransactWriteCommand).resolves({});

    const response = await call(addProposal, loadEvent("http-add-proposal"));

    expect(response.statusCode).toBe(201);
    const { proposal } = jsonOf(response);
    expect(proposal).toMatchObject({
      id: `${CASE_ID}/1000`,
      amountVnd: 12_000_000,
      mode: "on_request",
      unitId: "ha-nam-phu-ly",
      creditInstitution: true,
      addedBy: { by: "chuyen-vien-phu-ly", note: "Lãi chậm trả ghi ở trang 5 bản án" },
    });
    const put = documents.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems?.[0]?.Put;
    expect(put).toMatchObject({ ConditionExpression: "attribute_not_exists(pk)", Item: { sk: `PROPOSAL#${CASE_ID}/1000` } });
    expect(logs.text()).toContain("proposal added by staff");
    expect(logs.text()).not.toContain("Trần Thị Bích");
  });
});

describe("POST /matters/{matterId}/obstacles", () => {
  const event = (note: string): APIGatewayProxyEventV2 => {
    const base = loadEvent<APIGatewayProxyEventV2>("http-record-matter-step");
    const rawPath = `/matters/${CASE_ID}~0/obstacles`;
    return { ...base, routeKey: "POST /matters/{matterId}/obstacles", rawPath, body: JSON.stringify({ note }), pathParameters: { matterId: `${CASE_ID}~0` } };
  };

  it("appends the obstacle with who noted it, keeping the matter's version", async () => {
    const opened = acceptProposal(proposals[0]!, { matterId: `${CASE_ID}/0`, actor: { by: "staff", at: "2025-03-19T17:00:00.000Z", reason: "Thụ lý" } });
    const obstacle = { at: "2025-06-30T03:00:00.000Z", by: "chuyen-vien-phu-ly", note: "Tài sản thế chấp đang bị tranh chấp" };
    documents.on(GetCommand).resolves({ Item: { ...opened.matter, events: [opened.event] } });
    documents.on(UpdateCommand).resolves({ Attributes: { ...opened.matter, events: [opened.event], obstacles: [obstacle] } });

    const response = await call(noteObstacle, event("Tài sản thế chấp đang bị tranh chấp"));

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response).matter).toMatchObject({ version: 1, obstacles: [obstacle] });
    expect(documents).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { pk: `CASE#${CASE_ID}`, sk: `MATTER#${CASE_ID}/0` },
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":none": [], ":noted": [expect.objectContaining({ note: "Tài sản thế chấp đang bị tranh chấp", by: obstacle.by })] },
    });
  });

  it("answers 404 for a matter never opened", async () => {
    documents.on(GetCommand).resolves({});
    documents.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));

    const response = await call(noteObstacle, event("Không liên lạc được"));

    expect(response.statusCode).toBe(404);
    expect(jsonOf(response)).toMatchObject({ code: "request.matter-not-found" });
  });
});

describe("GET /credit-cases", () => {
  beforeEach(() => {
    documents.on(QueryCommand).resolves({ Items: [{ ...row(`${CASE_ID}/0`, "2025-01-10"), obstacles: [{ at: "2025-05-02T03:00:00.000Z", by: "staff", note: "Tài sản thế chấp đang bị tranh chấp" }] }] });
  });

  it("reads one unit's open credit matters from the open-credit index and answers JSON", async () => {
    const response = await call(listCreditCases, creditEvent({ unit: "ha-nam-phu-ly" }));

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response).cases).toEqual([
      expect.objectContaining({ matterId: `${CASE_ID}/0`, owedVnd: 150_000_000, collectedVnd: 20_000_000, balanceVnd: 130_000_000, stateLabel: "có điều kiện thi hành" }),
    ]);
    expect(documents).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: "ByOpenCredit",
      KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :unit)",
      ExpressionAttributeValues: { ":pk": "CREDIT#OPEN", ":unit": "ha-nam-phu-ly#" },
    });
  });

  it("answers CSV with Vietnamese headers, and an XLSX workbook base64-encoded", async () => {
    const csv = await call(listCreditCases, creditEvent({ format: "csv" }));
    expect(csv.headers).toMatchObject({ "content-type": "text/csv; charset=utf-8", "content-disposition": expect.stringMatching(/^attachment; filename="an-tin-dung-chua-xong-\d{4}-\d{2}-\d{2}\.csv"$/) });
    const lines = String(csv.body).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Đơn vị,Mã việc,Người phải thi hành,Người được thi hành,Phải thi hành (đồng),Đã thu (đồng),Còn phải thi hành (đồng),Ngày thụ lý,Số ngày từ khi thụ lý,Trạng thái,Chấp hành viên,Vướng mắc",
    );
    expect(lines[1]).toContain(`${CASE_ID}/0,Trần Thị Bích,Ngân hàng TMCP Công thương Việt Nam,150.000.000,20.000.000,130.000.000,10/01/2025,`);
    expect(lines[1]).toContain(",có điều kiện thi hành,Trần Văn Bình,02/05/2025: Tài sản thế chấp đang bị tranh chấp");

    const xlsx = await call(listCreditCases, creditEvent({ format: "xlsx" }));
    expect(xlsx.isBase64Encoded).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(String(xlsx.body), "base64") as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Án tín dụng chưa xong"]);
    expect(workbook.worksheets[0]!.getRow(2).getCell(5).value).toBe(150_000_000);
  });
});
