import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { casesTable, createTableInput, mattersTable } from "#adapters/aws/table-design.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import type { MatterRow } from "#domain/matters/worklist.ts";
import type { StoredCase } from "#domain/stored-case.ts";
import type { WorklistRequest } from "#use-cases/matters.ts";
import { getCase } from "#use-cases/case-queries.ts";
import { CaseCorrectionSchema, correctCase } from "#use-cases/correct-case.ts";
import {
  addStaffProposal,
  caseMatters,
  creditCaseList,
  getMatter,
  listMatters,
  noteMatterObstacle,
  openProposedMatter,
  proposeCaseMatters,
  recordMatterStep,
} from "#use-cases/matters.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../local/dynamodb-local.ts";
import { LOCAL_CREDENTIALS, REGION } from "../../local/environment.ts";
import { LEADER, STAFF_ID, staffOf } from "../support/callers.ts";
import { storedCase } from "../support/cases.ts";

const staff = STAFF_ID;
const PHU_LY = staffOf("ha-nam-phu-ly");
/** 30/06/2025 in Vietnam. */
const now = () => new Date("2025-06-30T03:00:00.000Z");
const directory = haNamNinhBinhDirectory();

let server: DynamoDbLocal;
let matters: DynamoDbMatterRepository;
let cases: DynamoDbCaseRepository;

const A = "a1".padEnd(32, "0");
const B = "b1".padEnd(32, "0");
const C = "c1".padEnd(32, "0");

async function received(record: StoredCase) {
  await cases.create(record);
  await proposeCaseMatters(record, { matters, directory });
  return record;
}

async function open(matterId: string, date: string, executor: string, unitId?: string) {
  const [caseId] = matterId.split("/");
  const proposed = (await caseMatters(caseId!, { matters }, LEADER)).proposals.find((proposal) => proposal.id === matterId);
  const caller = staffOf(proposed?.unitId ?? unitId ?? "");
  return openProposedMatter({ caseId: caseId!, proposalId: matterId, decision: { number: `${date.slice(5)}/QĐ-THADS`, date }, executor, caller, ...(unitId && { unitId }) }, { matters });
}

async function step(matterId: string, kind: "verify" | "complete", date: string) {
  const { version, unitId } = await getMatter(matterId, { matters }, LEADER);
  return recordMatterStep({ matterId, expectedVersion: version, step: kind === "verify" ? { kind, enforceable: true } : { kind }, date, caller: staffOf(unitId) }, { matters, now });
}

const ids = (rows: readonly MatterRow[]) => rows.map((row) => row.id);

/** Every page of a worklist, following its cursors. */
async function allPages(request: WorklistRequest, limit: number): Promise<{ pages: number; rows: MatterRow[] }> {
  const rows: MatterRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listMatters(request, { limit, cursor }, { matters, now }, LEADER);
    rows.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { pages, rows };
}

beforeAll(async () => {
  server = await startDynamoDbLocal({ dataDir: null });
  const dynamodb = new DynamoDBClient({ region: REGION, endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
  await dynamodb.send(new CreateTableCommand(createTableInput(mattersTable, "matters")));
  await dynamodb.send(new CreateTableCommand(createTableInput(casesTable, "cases")));
  const documents = DynamoDBDocumentClient.from(dynamodb);
  matters = new DynamoDbMatterRepository(documents, "matters");
  cases = new DynamoDbCaseRepository(documents, "cases");

  // A and C are bank-credit cases; each case proposes /0 (the debt, theo đơn) and /1 (án phí, chủ động)
  await received(storedCase({ caseId: A, creditInstitutionInvolved: true }));
  await received(storedCase({ caseId: B }));
  await received(storedCase({ caseId: C, creditInstitutionInvolved: true }));
  await open(`${C}/0`, "2024-12-01", "Lê Thị Hoa");
  await open(`${A}/0`, "2025-01-10", "Trần Văn Bình");
  await open(`${B}/1`, "2025-02-01", "Trần Văn Bình", "ha-nam-kim-bang");
  await open(`${A}/1`, "2025-03-20", "Lê Thị Hoa");
  await open(`${C}/1`, "2025-04-01", "Lê Thị Hoa", "ha-nam-kim-bang");
  await open(`${B}/0`, "2025-05-01", "Trần Văn Bình");
  await step(`${A}/0`, "verify", "2025-02-01");
  await step(`${C}/0`, "verify", "2025-01-02");
  await step(`${C}/0`, "complete", "2025-01-20");
}, 120_000);

afterAll(() => server?.stop());

describe("worklists read index partitions (DynamoDB Local)", () => {
  it("lists a unit's matters oldest thụ lý first, page by page, each once", async () => {
    const { pages, rows } = await allPages({ unitId: "ha-nam-phu-ly" }, 3);

    expect(pages).toBe(2);
    expect(ids(rows)).toEqual([`${C}/0`, `${A}/0`, `${A}/1`, `${B}/0`]);
    expect(rows[1]).toEqual({
      id: `${A}/0`,
      caseId: A,
      unitId: "ha-nam-phu-ly",
      executor: "Trần Văn Bình",
      state: "enforceable",
      mode: "on_request",
      creditInstitution: true,
      debtor: "Trần Thị Bích",
      creditor: "Nguyễn Văn Hùng",
      owedVnd: 150_000_000,
      collectedVnd: 0,
      reducedVnd: 0,
      openedOn: "2025-01-10",
      version: 2,
      obstacles: [],
    });
  });

  it("narrows a unit's list by state, mode and credit-institution involvement", async () => {
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", state: "enforceable" }, 25)).rows)).toEqual([`${A}/0`]);
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", state: "completed" }, 25)).rows)).toEqual([`${C}/0`]);
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", mode: "ex_officio" }, 25)).rows)).toEqual([`${A}/1`]);
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", creditInstitution: true }, 25)).rows)).toEqual([`${C}/0`, `${A}/0`, `${A}/1`]);
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", creditInstitution: false }, 25)).rows)).toEqual([`${B}/0`]);
  });

  it("keeps paging through a sparse filter until the partition ends", async () => {
    const { rows } = await allPages({ unitId: "ha-nam-phu-ly", mode: "ex_officio" }, 1);

    expect(ids(rows)).toEqual([`${A}/1`]);
  });

  it("lists only matters thụ lý more than N days ago", async () => {
    // 30/06/2025 less 120 days is 02/03/2025
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", olderThanDays: 120 }, 25)).rows)).toEqual([`${C}/0`, `${A}/0`]);
    expect(ids((await allPages({ unitId: "ha-nam-phu-ly", olderThanDays: 3650 }, 25)).rows)).toEqual([]);
  });

  it("finds an executor's matters in every unit, whatever the diacritics and case typed", async () => {
    expect(ids((await allPages({ executor: "tran van binh" }, 25)).rows)).toEqual([`${A}/0`, `${B}/1`, `${B}/0`]);
    expect(ids((await allPages({ executor: "TRẦN VĂN BÌNH", unitId: "ha-nam-kim-bang" }, 25)).rows)).toEqual([`${B}/1`]);
  });

  it("refuses a forged cursor, or one of another list, as a bad request", async () => {
    const page = await listMatters({ executor: "Lê Thị Hoa" }, { limit: 1 }, { matters, now }, LEADER);
    expect(page.nextCursor).toBeDefined();

    for (const cursor of ["not-a-cursor", Buffer.from(JSON.stringify({ k: { pk: 1 } })).toString("base64url"), page.nextCursor]) {
      await expect(listMatters({ unitId: "ha-nam-phu-ly" }, { limit: 5, cursor }, { matters, now }, LEADER)).rejects.toMatchObject({ name: "InvalidRequestError", code: "request.cursor" });
    }
  });

  it("asks for a unit or an executor rather than reading every matter", async () => {
    await expect(listMatters({ state: "accepted" }, { limit: 5 }, { matters, now }, LEADER)).rejects.toMatchObject({
      name: "InvalidRequestError",
      message: "Cần nêu đơn vị (unit) hoặc chấp hành viên (executor) để liệt kê việc",
    });
  });
});

describe("the bank-credit list (DynamoDB Local)", () => {
  it("lists every open credit matter by unit with its age and the obstacles staff noted; a finished one is gone", async () => {
    await noteMatterObstacle({ matterId: `${A}/0`, note: "Tài sản thế chấp đang bị tranh chấp", caller: staffOf((await getMatter(`${A}/0`, { matters }, LEADER)).unitId) }, { matters, now });

    const all = await creditCaseList({}, { matters, directory, now });

    expect(all.asOf).toBe("2025-06-30");
    expect(all.cases.map((row) => row.matterId)).toEqual([`${C}/1`, `${A}/0`, `${A}/1`]);
    expect(all.cases[1]).toMatchObject({
      unitId: "ha-nam-phu-ly",
      debtor: "Trần Thị Bích",
      creditor: "Nguyễn Văn Hùng",
      owedVnd: 150_000_000,
      collectedVnd: 0,
      ageDays: 171,
      stateLabel: "có điều kiện thi hành",
      obstacles: [{ at: "2025-06-30T03:00:00.000Z", by: staff, note: "Tài sản thế chấp đang bị tranh chấp" }],
    });
    const phuLy = await creditCaseList({ unitId: "ha-nam-phu-ly" }, { matters, directory, now });
    expect(phuLy.cases.map((row) => row.matterId)).toEqual([`${A}/0`, `${A}/1`]);
  });

  it("keeps an obstacle noted while a step was being recorded: the slower write is refused, not the note lost", async () => {
    const read = await getMatter(`${A}/1`, { matters }, LEADER);
    await noteMatterObstacle({ matterId: `${A}/1`, note: "Người phải thi hành đi khỏi nơi cư trú", caller: staffOf((await getMatter(`${A}/1`, { matters }, LEADER)).unitId) }, { matters, now });
    const { events, ...matter } = read;
    const stale = { ...matter, state: "enforceable" as const, version: 2, events: [...events, { ...events[0]!, seq: 2, type: "transition" as const, from: "accepted" as const, to: "enforceable" as const, amountVnd: 0 }] };

    await expect(matters.save(stale)).rejects.toMatchObject({ name: "MatterVersionConflictError" });
    expect((await getMatter(`${A}/1`, { matters }, LEADER)).obstacles?.map((obstacle) => obstacle.note)).toEqual(["Người phải thi hành đi khỏi nơi cư trú"]);

    // read again, the step goes through and keeps the note
    const verified = await step(`${A}/1`, "verify", "2025-06-30");
    expect(verified).toMatchObject({ state: "enforceable", version: 2, obstacles: [expect.objectContaining({ note: "Người phải thi hành đi khỏi nơi cư trú" })] });
  });
});

describe("staff add a matter the extraction missed (DynamoDB Local)", () => {
  it("stores it as a proposal marked as added by staff, at the next staff position, then opens it as usual", async () => {
    const record = await received(storedCase({ caseId: "e1".padEnd(32, "0"), creditInstitutionInvolved: true }));
    const request = { caseId: record.caseId, debtor: "Trần Thị Bích", creditor: "Ngân hàng TMCP Công thương Việt Nam", kind: "interest" as const, amountVnd: 12_000_000, mode: "on_request" as const, unitId: "ha-nam-phu-ly", caller: PHU_LY };

    const first = await addStaffProposal(request, { matters, cases, now });
    const second = await addStaffProposal({ ...request, amountVnd: 1_000_000, note: "Lãi chậm trả bản án ghi ở trang 5" }, { matters, cases, now });

    expect(first).toMatchObject({ id: `${record.caseId}/1000`, amountVnd: 12_000_000, creditInstitution: true, judgmentType: "civil", addedBy: { by: staff, at: "2025-06-30T03:00:00.000Z", note: "Việc bổ sung: khâu đọc bản án bỏ sót" } });
    expect(second).toMatchObject({ id: `${record.caseId}/1001`, addedBy: { note: "Lãi chậm trả bản án ghi ở trang 5" } });
    const opened = await open(first.id, "2025-06-01", "Trần Văn Bình");
    expect(opened).toMatchObject({ id: first.id, owedVnd: 12_000_000, state: "accepted", unitId: "ha-nam-phu-ly" });
  });

  it("says so when the case does not exist", async () => {
    await expect(
      addStaffProposal({ caseId: "f1".padEnd(32, "0"), debtor: "A", creditor: "B", kind: "other", amountVnd: 1, mode: "on_request", unitId: "ha-nam-phu-ly", caller: PHU_LY }, { matters, cases, now }),
    ).rejects.toMatchObject({ name: "NotFoundError", code: "request.case-not-found" });
  });
});

describe("a case correction flows through to its proposals (DynamoDB Local)", () => {
  const correction = (obligations: { debtor: string; creditor: string; amountVnd: number; kind: "principal" | "court_fee"; periodic: null }[]) =>
    CaseCorrectionSchema.parse({ reason: "Sửa số tiền theo bản án gốc", changes: { obligations } });
  const principal = (amountVnd: number) => ({ debtor: "Trần Thị Bích", creditor: "Nguyễn Văn Hùng", amountVnd, kind: "principal" as const, periodic: null as null });
  const fee = { debtor: "Trần Thị Bích", creditor: "state budget", amountVnd: 7_500_000, kind: "court_fee" as const, periodic: null };

  it("replaces the proposals nobody opened, leaves opened matters and staff additions alone, and names the matter that may no longer match", async () => {
    const record = await received(storedCase({ caseId: "d1".padEnd(32, "0") }));
    const opened = await open(`${record.caseId}/0`, "2025-04-01", "Trần Văn Bình");
    const added = await addStaffProposal({ caseId: record.caseId, debtor: "Trần Thị Bích", creditor: "Nguyễn Văn Hùng", kind: "other", amountVnd: 500_000, mode: "on_request", unitId: "ha-nam-phu-ly", caller: PHU_LY }, { matters, cases, now });

    const other = { debtor: "Phạm Văn Dũng", creditor: "Nguyễn Văn Hùng", amountVnd: 30_000_000, kind: "principal" as const, periodic: null };
    await correctCase({ caseId: record.caseId, expectedVersion: 1, correction: correction([principal(120_000_000), { ...fee, amountVnd: 3_000_000 }, other]), caller: staffOf(record.agencyId ?? "") }, { cases, matters, directory, now });

    const after = await caseMatters(record.caseId, { matters }, LEADER);
    expect(after.proposals.map((proposal) => [proposal.id, proposal.amountVnd])).toEqual([
      [`${record.caseId}/0`, 150_000_000],
      [`${record.caseId}/1`, 3_000_000],
      [`${record.caseId}/1000`, 500_000],
      [`${record.caseId}/2`, 30_000_000],
    ]);
    expect(after.matters).toEqual([opened]);
    expect(after.proposals.find((proposal) => proposal.id === added.id)).toEqual(added);
    const notice = `Hồ sơ đã được sửa (phiên bản 2): các việc đã thụ lý ${record.caseId}/0 có thể không còn khớp với hồ sơ đã sửa; cần kiểm tra lại`;
    expect((await getCase(record.caseId, { cases, matters }, LEADER)).matterNotice).toEqual({ caseVersion: 2, matterIds: [`${record.caseId}/0`], message: notice });

    // a later correction back to what the opened matter holds clears the notice
    await correctCase({ caseId: record.caseId, expectedVersion: 2, correction: correction([principal(150_000_000), fee]), caller: staffOf(record.agencyId ?? "") }, { cases, matters, directory, now });
    expect((await getCase(record.caseId, { cases, matters }, LEADER)).matterNotice).toBeNull();
    expect((await caseMatters(record.caseId, { matters }, LEADER)).proposals.map((proposal) => [proposal.id, proposal.amountVnd])).toEqual([
      [`${record.caseId}/0`, 150_000_000],
      [`${record.caseId}/1`, 7_500_000],
      [`${record.caseId}/1000`, 500_000],
    ]);
  });

  it("replaces more proposals than one DynamoDB transaction holds", async () => {
    const debtors = Array.from({ length: 60 }, (_, index) => ({ ...principal(1_000_000 + index), debtor: `Người vay số ${index + 1}` }));
    const record = await received(storedCase({ caseId: "d3".padEnd(32, "0"), obligations: debtors.map((obligation) => ({ ...obligation, confidence: 1, evidence: null })) }));
    expect((await caseMatters(record.caseId, { matters }, LEADER)).proposals).toHaveLength(60);

    await correctCase({ caseId: record.caseId, expectedVersion: 1, correction: correction(debtors.map((obligation) => ({ ...obligation, amountVnd: obligation.amountVnd * 2 }))), caller: staffOf(record.agencyId ?? "") }, { cases, matters, directory, now });

    const after = await caseMatters(record.caseId, { matters }, LEADER);
    expect(after.proposals.map((proposal) => proposal.amountVnd).sort((a, b) => a - b)).toEqual(debtors.map((obligation) => obligation.amountVnd * 2));
    expect(after.notice).toBeUndefined();
  });

  it("loses nothing when a proposal is opened while the correction derives them again: it reads again and keeps the opened one", async () => {
    const record = await received(storedCase({ caseId: "d2".padEnd(32, "0") }));
    let raced = false;
    const racing = Object.create(matters) as DynamoDbMatterRepository;
    racing.reproposeAfterCorrection = async (...args) => {
      if (!raced) {
        raced = true;
        await open(`${record.caseId}/1`, "2025-06-02", "Lê Thị Hoa");
      }
      return matters.reproposeAfterCorrection(...args);
    };

    await correctCase({ caseId: record.caseId, expectedVersion: 1, correction: correction([principal(140_000_000), fee]), caller: staffOf(record.agencyId ?? "") }, { cases, matters: racing, directory, now });

    expect(raced).toBe(true);
    const after = await caseMatters(record.caseId, { matters }, LEADER);
    expect(after.matters.map((matter) => [matter.id, matter.owedVnd])).toEqual([[`${record.caseId}/1`, 7_500_000]]);
    expect(after.proposals.map((proposal) => [proposal.id, proposal.amountVnd])).toEqual([
      [`${record.caseId}/0`, 140_000_000],
      [`${record.caseId}/1`, 7_500_000],
    ]);
    // the fee opened in the race is what the corrected case still derives: no notice
    expect(after.notice).toBeUndefined();
  });
});
