import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { createTableInput, mattersTable } from "#adapters/aws/table-design.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { caseMatters, getMatter, mergeCaseProposals, openProposedMatter, proposeCaseMatters, recordMatterStep, splitCaseProposal } from "#use-cases/matters.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../local/dynamodb-local.ts";
import { LOCAL_CREDENTIALS, REGION } from "../../local/environment.ts";
import { storedCase } from "../support/cases.ts";

const staff = "chuyen-vien";
const caller = { id: staff, role: "staff", unitId: "ha-nam-phu-ly" } as const;
const now = () => new Date("2025-06-30T03:00:00.000Z");
const opening = { caller, decision: { number: "215/QĐ-CCTHADS", date: "2025-03-20" }, executor: "Chấp hành viên Trần Văn Bình" };

let server: DynamoDbLocal;
let matters: DynamoDbMatterRepository;

beforeAll(async () => {
  server = await startDynamoDbLocal({ dataDir: null });
  const dynamodb = new DynamoDBClient({ region: REGION, endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
  await dynamodb.send(new CreateTableCommand(createTableInput(mattersTable, "matters")));
  matters = new DynamoDbMatterRepository(DynamoDBDocumentClient.from(dynamodb), "matters");
}, 120_000);

afterAll(() => server?.stop());

/** A case received with its proposals stored, as intake leaves it. */
async function receivedCase(caseId: string) {
  const record = storedCase({ caseId });
  await proposeCaseMatters(record, { matters, directory: haNamNinhBinhDirectory() });
  return record;
}

describe("staff work a matter through its lifecycle (DynamoDB Local)", () => {
  it("opens a proposal with the decision, executor and an edited amount, and lists it beside the case's proposals", async () => {
    const record = await receivedCase("a".repeat(32));
    const { proposals } = await caseMatters(record.caseId, { matters }, caller);

    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: proposals[0]!.id, amountVnd: 120_000_000, ...opening }, { matters });

    expect(opened).toMatchObject({ state: "accepted", owedVnd: 120_000_000, decision: opening.decision, executor: opening.executor, unitId: "ha-nam-phu-ly", version: 1 });
    const listed = await caseMatters(record.caseId, { matters }, caller);
    expect(listed.proposals.map((proposal) => proposal.id)).toEqual(proposals.map((proposal) => proposal.id));
    expect(listed.matters).toEqual([opened]);
  });

  it("refuses to open the same proposal twice, in Vietnamese", async () => {
    const record = await receivedCase("b".repeat(32));
    const proposalId = `${record.caseId}/1`;
    await openProposedMatter({ caseId: record.caseId, proposalId, ...opening }, { matters });

    await expect(openProposedMatter({ caseId: record.caseId, proposalId, ...opening }, { matters })).rejects.toMatchObject({
      name: "ConflictError",
      code: "matter.already-open",
      message: `Việc đề xuất ${proposalId} đã được thụ lý`,
    });
  });

  it("records verification, a partial and a full collection with receipts, and completion, each audited", async () => {
    const record = await receivedCase("c".repeat(32));
    const matterId = `${record.caseId}/1`;
    await openProposedMatter({ caseId: record.caseId, proposalId: matterId, ...opening }, { matters });
    const step = (version: number, rest: Omit<Parameters<typeof recordMatterStep>[0], "matterId" | "expectedVersion" | "caller">) =>
      recordMatterStep({ matterId, expectedVersion: version, caller, ...rest }, { matters, now });

    await step(1, { step: { kind: "verify", enforceable: true }, date: "2025-04-02", note: "Xác minh tài khoản tại Agribank Phủ Lý" });
    await step(2, { step: { kind: "collect", amountVnd: 2_500_000, receipt: "BL-0012" }, date: "2025-05-10" });
    await step(3, { step: { kind: "collect", amountVnd: 5_000_000, receipt: "BL-0031" } });
    await step(4, { step: { kind: "complete" }, date: "2025-06-30" });

    const done = await getMatter(matterId, { matters }, caller);
    expect(done).toMatchObject({ state: "completed", owedVnd: 7_500_000, collectedVnd: 7_500_000, version: 5 });
    expect(done.events.map(({ seq, type, at, by, from, to, amountVnd, receipt, reason }) => ({ seq, type, at, by, from, to, amountVnd, receipt, reason }))).toEqual([
      { seq: 1, type: "intake", at: "2025-03-19T17:00:00.000Z", by: staff, from: null, to: "accepted", amountVnd: 7_500_000, receipt: undefined, reason: "Thụ lý theo quyết định thi hành án số 215/QĐ-CCTHADS ngày 20/03/2025" },
      { seq: 2, type: "transition", at: "2025-04-01T17:00:00.000Z", by: staff, from: "accepted", to: "enforceable", amountVnd: 0, receipt: undefined, reason: "Xác minh tài khoản tại Agribank Phủ Lý" },
      { seq: 3, type: "collect", at: "2025-05-09T17:00:00.000Z", by: staff, from: "enforceable", to: "enforceable", amountVnd: 2_500_000, receipt: "BL-0012", reason: "Ghi nhận: thu tiền" },
      { seq: 4, type: "collect", at: "2025-06-29T17:00:00.000Z", by: staff, from: "enforceable", to: "enforceable", amountVnd: 5_000_000, receipt: "BL-0031", reason: "Ghi nhận: thu tiền" },
      { seq: 5, type: "transition", at: "2025-06-29T17:00:00.000Z", by: staff, from: "enforceable", to: "completed", amountVnd: 0, receipt: undefined, reason: "Ghi nhận: thi hành xong" },
    ]);
  });

  it("records a reduction (giảm), refuses one over the balance, and completion collects only what is left", async () => {
    const record = await receivedCase("9".repeat(32));
    const matterId = `${record.caseId}/1`;
    await openProposedMatter({ caseId: record.caseId, proposalId: matterId, ...opening }, { matters });
    await recordMatterStep({ matterId, expectedVersion: 1, step: { kind: "verify", enforceable: true }, caller }, { matters, now });
    await recordMatterStep({ matterId, expectedVersion: 2, step: { kind: "reduce", amountVnd: 500_000 }, note: "Miễn, giảm theo quyết định số 3/QĐ-THADS", caller }, { matters, now });

    await expect(recordMatterStep({ matterId, expectedVersion: 3, step: { kind: "collect", amountVnd: 7_500_000 }, caller }, { matters, now })).rejects.toMatchObject({
      code: "matter.over-balance",
      message: "Số tiền 7.500.000 đồng vượt số còn phải thi hành (7.000.000 đồng)",
    });
    const done = await recordMatterStep({ matterId, expectedVersion: 3, step: { kind: "complete" }, caller }, { matters, now });

    expect(done).toMatchObject({ state: "completed", owedVnd: 7_500_000, reducedVnd: 500_000, collectedVnd: 7_000_000 });
    expect(done.events.slice(2).map(({ type, amountVnd, reason }) => [type, amountVnd, reason])).toEqual([
      ["reduce", 500_000, "Miễn, giảm theo quyết định số 3/QĐ-THADS"],
      ["transition", 7_000_000, "Ghi nhận: thi hành xong"],
    ]);
  });

  it("refuses a step the lifecycle forbids with a Vietnamese reason, and changes nothing", async () => {
    const record = await receivedCase("d".repeat(32));
    const matterId = `${record.caseId}/0`;
    const opened = await openProposedMatter({ caseId: record.caseId, proposalId: matterId, ...opening }, { matters });

    await expect(recordMatterStep({ matterId, expectedVersion: 1, step: { kind: "complete" }, caller }, { matters, now })).rejects.toMatchObject({
      name: "ConflictError",
      code: "matter.illegal-transition",
      message: 'Việc đang ở trạng thái "thụ lý": không chuyển sang "thi hành xong" được',
    });
    await expect(recordMatterStep({ matterId, expectedVersion: 1, step: { kind: "verify", enforceable: true }, date: "2025-03-01", caller }, { matters, now })).rejects.toMatchObject({
      code: "matter.out-of-order",
      message: "Ngày 01/03/2025 trước ngày của bước ghi gần nhất (20/03/2025)",
    });
    expect(await getMatter(matterId, { matters }, caller)).toEqual(opened);
  });

  it("refuses a step based on a version another change has moved past", async () => {
    const record = await receivedCase("e".repeat(32));
    const matterId = `${record.caseId}/0`;
    await openProposedMatter({ caseId: record.caseId, proposalId: matterId, ...opening }, { matters });
    await recordMatterStep({ matterId, expectedVersion: 1, step: { kind: "verify", enforceable: false }, caller }, { matters, now });

    await expect(recordMatterStep({ matterId, expectedVersion: 1, step: { kind: "verify", enforceable: true }, caller }, { matters, now })).rejects.toMatchObject({
      name: "ConflictError",
      code: "matter.version-conflict",
    });
    expect(await getMatter(matterId, { matters }, caller)).toMatchObject({ state: "not_enforceable", version: 2 });
  });

  it("says which matter is missing when asked for one that was never opened", async () => {
    await expect(getMatter(`${"f".repeat(32)}/0`, { matters }, caller)).rejects.toMatchObject({ name: "NotFoundError", code: "request.matter-not-found" });
  });
});

describe("staff split and merge proposals before opening them (DynamoDB Local)", () => {
  /** A case whose one debtor owes the creditor two amounts: one proposal of two lines. */
  async function twoLineCase(caseId: string) {
    const base = storedCase({ caseId });
    const [first] = base.obligations;
    const record = storedCase({ caseId, obligations: [first!, { ...first!, amountVnd: 20_000_000, kind: "interest" }] });
    await proposeCaseMatters(record, { matters, directory: haNamNinhBinhDirectory() });
    return record;
  }

  it("splits a proposal into one per line, then merges them back, each stored in place of what it replaces", async () => {
    const record = await twoLineCase("1".repeat(32));
    const [proposal] = (await caseMatters(record.caseId, { matters }, caller)).proposals;
    expect(proposal!.lines).toHaveLength(2);

    const parts = await splitCaseProposal({ caseId: record.caseId, proposalId: proposal!.id, groups: [[0], [1]], caller }, { matters });
    expect((await caseMatters(record.caseId, { matters }, caller)).proposals.map((p) => [p.id, p.amountVnd])).toEqual(parts.map((p) => [p.id, p.amountVnd]));

    const merged = await mergeCaseProposals({ caseId: record.caseId, proposalIds: parts.map((p) => p.id), caller }, { matters });
    expect(merged).toMatchObject({ id: proposal!.id, amountVnd: proposal!.amountVnd });
    expect((await caseMatters(record.caseId, { matters }, caller)).proposals.map((p) => p.id)).toEqual([proposal!.id]);
  });

  it("refuses to split a proposal already opened, or to split it badly, changing nothing", async () => {
    const record = await twoLineCase("2".repeat(32));
    const [proposal] = (await caseMatters(record.caseId, { matters }, caller)).proposals;

    await expect(splitCaseProposal({ caseId: record.caseId, proposalId: proposal!.id, groups: [[0, 1]], caller }, { matters })).rejects.toMatchObject({
      name: "InvalidRequestError",
      code: "matter.invalid-split",
    });
    await openProposedMatter({ caseId: record.caseId, proposalId: proposal!.id, ...opening }, { matters });
    await expect(splitCaseProposal({ caseId: record.caseId, proposalId: proposal!.id, groups: [[0], [1]], caller }, { matters })).rejects.toMatchObject({
      name: "ConflictError",
      code: "matter.proposals-changed",
    });
    expect((await caseMatters(record.caseId, { matters }, caller)).proposals.map((p) => p.id)).toEqual([proposal!.id]);
  });
});
