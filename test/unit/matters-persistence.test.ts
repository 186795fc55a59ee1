import "aws-sdk-client-mock-vitest/extend";
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { proposeMatters } from "#domain/matters/propose.ts";
import { openProposedMatter, proposeCaseMatters, recordMatterStep } from "#use-cases/matters.ts";
import { storedCase } from "../support/cases.ts";
import { staffOf } from "../support/callers.ts";

const dynamo = mockClient(DynamoDBDocumentClient);
const matters = new DynamoDbMatterRepository(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })), "thads-matters");
const directory = haNamNinhBinhDirectory();
const record = storedCase();
const staff = "chuyen-vien";
const caller = { id: staff, role: "staff", unitId: "ha-nam-phu-ly" } as const;
const opening = { caller, decision: { number: "215/QĐ-CCTHADS", date: "2025-03-20" }, executor: "Chấp hành viên Trần Văn Bình" };
const now = () => new Date("2025-04-02T03:00:00.000Z");
const proposals = proposeMatters(record, { caseId: record.caseId, receivedOn: "2025-03-14", directory });
const proposalItem = (index: number) => ({ ...proposals[index], pk: `CASE#${record.caseId}`, sk: `PROPOSAL#${proposals[index]!.id}`, entity: "proposal" });

beforeEach(() => {
  dynamo.reset();
  dynamo.on(TransactWriteCommand).resolves({});
  dynamo.on(PutCommand).resolves({});
});

describe("proposed matters at intake", () => {
  it("stores one proposal per debtor, creditor and mode, at the unit of the court named in the judgment", async () => {
    expect(await proposeCaseMatters(record, { matters, directory })).toBe(2);

    const puts = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((action) => action.Put!);
    expect(puts.map((put) => [put.Item!.sk, put.Item!.mode, put.Item!.unitId, put.Item!.amountVnd])).toEqual([
      [`PROPOSAL#${record.caseId}/0`, "on_request", "ha-nam-phu-ly", 150_000_000],
      [`PROPOSAL#${record.caseId}/1`, "ex_officio", "ha-nam-phu-ly", 7_500_000],
    ]);
    expect(puts.every((put) => put.TableName === "thads-matters" && put.ConditionExpression === "attribute_not_exists(pk)")).toBe(true);
  });

  it("leaves the stored proposals alone when the same case arrives again", async () => {
    dynamo.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: [{ Code: "ConditionalCheckFailed" }, { Code: "None" }] }));

    expect(await matters.saveProposals(record.caseId, proposals)).toBe("exists");
  });

  it("writes nothing for a case that orders no payment", async () => {
    expect(await proposeCaseMatters(storedCase({ obligations: [] }), { matters, directory })).toBe(0);
    expect(dynamo).not.toHaveReceivedCommand(TransactWriteCommand);
  });
});

describe("opening and moving a matter", () => {
  it("opens a proposal as a matter in thụ lý, with its audited intake event, only if not opened before", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0), proposalItem(1)] });

    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[1]!.id, ...opening }, { matters });

    expect(opened).toMatchObject({ id: `${record.caseId}/1`, state: "accepted", mode: "ex_officio", owedVnd: 7_500_000, version: 1 });
    expect(opened.events).toEqual([expect.objectContaining({ seq: 1, type: "intake", by: staff, at: "2025-03-19T17:00:00.000Z", reason: "Thụ lý theo quyết định thi hành án số 215/QĐ-CCTHADS ngày 20/03/2025", from: null, to: "accepted" })]);
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ pk: `CASE#${record.caseId}`, sk: `MATTER#${record.caseId}/1`, entity: "matter" }),
      ConditionExpression: "attribute_not_exists(pk)",
    });
  });

  it("refuses to open a proposal the case does not have", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });

    await expect(openProposedMatter({ caseId: record.caseId, proposalId: "elsewhere/0", ...opening }, { matters })).rejects.toMatchObject({ name: "NotFoundError" });
  });

  it("records a step onto the version it read, keeping the whole audit trail", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, ...opening }, { matters });
    dynamo.on(GetCommand).resolves({ Item: { ...opened, pk: `CASE#${record.caseId}`, sk: `MATTER#${opened.id}`, entity: "matter" } });

    const moved = await recordMatterStep({ matterId: opened.id, expectedVersion: 1, step: { kind: "verify", enforceable: true }, caller }, { matters, now });

    expect(moved).toMatchObject({ state: "enforceable", version: 2 });
    expect(moved.events.map((event) => [event.seq, event.from, event.to])).toEqual([[1, null, "accepted"], [2, "accepted", "enforceable"]]);
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, { ConditionExpression: "#version = :previous AND attribute_not_exists(#obstacles)", ExpressionAttributeValues: { ":previous": 1 } });
  });

  it("refuses a step when another change got there first", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, ...opening }, { matters });
    dynamo.on(GetCommand).resolves({ Item: opened });
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));

    await expect(recordMatterStep({ matterId: opened.id, expectedVersion: 1, step: { kind: "verify", enforceable: false }, caller }, { matters, now })).rejects.toMatchObject({ name: "ConflictError", code: "matter.version-conflict" });
  });

  it("refuses a step the lifecycle does not allow, writing nothing", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, ...opening }, { matters });
    dynamo.on(GetCommand).resolves({ Item: opened });
    dynamo.resetHistory();

    await expect(recordMatterStep({ matterId: opened.id, expectedVersion: 1, step: { kind: "collect", amountVnd: 1 }, caller }, { matters, now })).rejects.toMatchObject({ name: "ConflictError", code: "matter.not-collecting" });
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it("hands a matter to another unit (ủy thác): it ends transferred and the receiving unit gets a proposal for the balance, in one write", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, ...opening }, { matters });
    dynamo.on(GetCommand).resolves({ Item: { ...opened, pk: `CASE#${record.caseId}`, sk: `MATTER#${opened.id}`, entity: "matter" } });

    const moved = await recordMatterStep({ matterId: opened.id, expectedVersion: 1, step: { kind: "transfer", toUnitId: "ha-nam-kim-bang" }, date: "2025-04-01", caller: staffOf(opened.unitId) }, { matters, now, directory });

    expect(moved).toMatchObject({ state: "transferred", version: 2 });
    expect(moved.events[1]).toMatchObject({ from: "accepted", to: "transferred", amountVnd: 150_000_000, reason: "Ghi nhận: ủy thác thi hành án" });
    const [matterPut, proposalPut] = dynamo.commandCalls(TransactWriteCommand).at(-1)!.args[0].input.TransactItems!.map((action) => action.Put!);
    expect(matterPut).toMatchObject({ Item: { sk: `MATTER#${opened.id}`, state: "transferred" }, ConditionExpression: "#version = :previous AND attribute_not_exists(#obstacles)" });
    expect(proposalPut).toMatchObject({
      Item: { sk: `PROPOSAL#${opened.id}@ha-nam-kim-bang`, unitId: "ha-nam-kim-bang", amountVnd: 150_000_000, lines: proposals[0]!.lines, mode: "on_request" },
      ConditionExpression: "attribute_not_exists(pk)",
    });
    expect(proposalPut!.Item!.reviewReasons).toEqual(["Nhận ủy thác từ đơn vị \"ha-nam-phu-ly\" (việc " + opened.id + ") ngày 01/04/2025; số tiền còn phải thi hành 150.000.000 đồng"]);
  });

  it("refuses, in Vietnamese, an ủy thác to a unit the directory does not hold that day or to the matter's own unit", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [proposalItem(0)] });
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, ...opening }, { matters });
    dynamo.on(GetCommand).resolves({ Item: opened });
    dynamo.resetHistory();
    const transfer = (toUnitId: string, date: string) => recordMatterStep({ matterId: opened.id, expectedVersion: 1, step: { kind: "transfer", toUnitId }, date, caller: staffOf(opened.unitId) }, { matters, now, directory });

    await expect(transfer("ninh-binh-kv-3", "2025-04-01")).rejects.toMatchObject({
      name: "InvalidRequestError",
      code: "matter.transfer-unknown-unit",
      message: 'Không có đơn vị thi hành án "ninh-binh-kv-3" trong danh mục vào ngày 01/04/2025: không ủy thác được',
    });
    await expect(transfer("ha-nam-phu-ly", "2025-04-01")).rejects.toMatchObject({ name: "ConflictError", code: "matter.transfer-same-unit" });
    expect(dynamo).not.toHaveReceivedCommand(TransactWriteCommand);
  });
});
