/**
 * The whole enforcement flow on the embedded stack, through its HTTP API with the tokens of its demo
 * users: two courts upload ten digital PDFs rendered from judgments (an upload URL, then the PUT it
 * signed); staff of each unit open the matters intake proposed for their unit (one proposal split,
 * two merged), record every step, and hand one matter to the other unit (ủy thác), whose staff open
 * it there; staff of the other unit and the leader are refused a step. The leader then reads the
 * report from the API, and `thads report --format json` (the CLI, attached to this stack) writes it:
 * both show, from the aggregates the matters stream kept, the table written out by hand below.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorPair } from "#domain/report/indicators.ts";
import type { MatterProposal } from "#domain/matters/types.ts";
import type { MatterStep } from "#domain/lifecycle/steps.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LocalStack } from "../../local/stack.ts";
import { repoRoot, samplesDir } from "../support/paths.ts";
import { runThadsOn } from "../support/run-thads.ts";
import { bearer } from "../support/sign-in.ts";

const M = 1_000_000;
/** The units of the demo staff: can-bo's, which the loan judgment 27/2024/DS-ST goes to, and can-bo-2's. */
const A = "ninh-binh-kv-7";
const B = "ninh-binh-kv-4";
const FIXTURES = ["a-001", "a-002", "a-003", "a-004", "a-005", "a-006", "a-007"];

type User = "toa-an" | "toa-an-2" | "can-bo" | "can-bo-2" | "lanh-dao";
type Headers = Record<string, string>;
const STAFF: Record<string, User> = { [A]: "can-bo", [B]: "can-bo-2" };

let dataDir: string;
let stack: LocalStack;
let api: string;
const as = {} as Record<User, Headers>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-report-e2e-"));
  stack = await LocalStack.start({ dataDir, httpPort: 0 });
  api = stack.api!.url;
  for (const user of ["toa-an", "toa-an-2", "can-bo", "can-bo-2", "lanh-dao"] as const) as[user] = await bearer(api, user);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const segment = (id: string) => id.replace("/", "~");
const post = (user: User, path: string, body: unknown) =>
  fetch(`${api}${path}`, { method: "POST", headers: { ...as[user], "content-type": "application/json" }, body: JSON.stringify(body) });

async function read<T>(user: User, path: string): Promise<T> {
  const response = await fetch(`${api}${path}`, { headers: as[user] });
  expect(response.status, `GET ${path} as ${user}`).toBe(200);
  return (await response.json()) as T;
}

async function created<T>(user: User, path: string, body: unknown, status = 200): Promise<T> {
  const response = await post(user, path, body);
  expect(response.status, `POST ${path} as ${user}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}

/** Uploads a document as a court does: an upload URL from the API, then the PUT it signed. */
async function upload(user: User, fileName: string, bytes: Uint8Array): Promise<void> {
  const { upload: put } = await created<{ upload: { method: string; url: string; headers: Headers } }>(user, "/upload-urls", { fileName, contentType: "application/pdf", sizeBytes: bytes.length });
  expect((await fetch(put.url, { method: put.method, headers: put.headers, body: bytes })).status).toBe(200);
}

/** The samples from one court and the rendered fixtures from another; the ids of the cases they became, from each court's list of uploads. */
async function ingestJudgments(): Promise<string[]> {
  for (const name of ["ban-an-vay-tai-san", "ban-an-tin-dung-ngan-hang", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon"]) {
    await upload("toa-an", `${name}.pdf`, await readFile(join(samplesDir, "pdf", `${name}.pdf`)));
  }
  for (const name of FIXTURES) {
    await upload("toa-an-2", `${name}.pdf`, await renderTextPdf([await readFile(join(repoRoot, "test", "fixtures", "judgments", `${name}.txt`), "utf8")]));
  }
  await stack.settled(90_000);
  const caseIds: string[] = [];
  for (const court of ["toa-an", "toa-an-2"] as const) {
    const { items } = await read<{ items: { caseId: string }[] }>(court, "/uploads");
    caseIds.push(...items.map((item) => item.caseId));
  }
  expect(new Set(caseIds).size).toBe(3 + FIXTURES.length);
  return caseIds;
}

/** Staff of `unitId` open a proposal there, owing `amountVnd`, under a decision of 10 November 2025; the matter's id and version. */
async function open(proposal: Pick<MatterProposal, "caseId" | "id">, unitId: string, amountVnd?: number, date = "2025-11-10") {
  const body = { proposalId: proposal.id, decision: { number: `${proposal.id.slice(-3)}/QĐ-THADS`, date }, executor: "Chấp hành viên", unitId, ...(amountVnd !== undefined && { amountVnd }) };
  const { matter } = await created<{ matter: { id: string; version: number } }>(STAFF[unitId]!, `/cases/${proposal.caseId}/matters`, body, 201);
  return matter;
}

/** Staff of the matter's unit record the steps, each on its date, at the version the last one left. */
async function steps(opened: { id: string; version: number }, unitId: string, ...list: [string, MatterStep][]) {
  let { version } = opened;
  for (const [date, step] of list) ({ matter: { version } } = await created<{ matter: { version: number } }>(STAFF[unitId]!, `/matters/${segment(opened.id)}/steps`, { ...step, date, version }));
}
const enforceable: MatterStep = { kind: "verify", enforceable: true };
const notEnforceable: MatterStep = { kind: "verify", enforceable: false };
const collect = (amountVnd: number): MatterStep => ({ kind: "collect", amountVnd, receipt: `BL-${amountVnd / M}` });

/** The figures the report must show for one row: việc then tiền, by indicator. */
interface Expected {
  viec: Record<string, number>;
  tien: Record<string, number>;
  rate: { viec: number | null; tien: number | null };
}

function figures(pair: IndicatorPair): Expected {
  const pick = ({ totalReceived, new: fresh, transferred, toEnforce, enforceable, notEnforceable, completed, terminated, inProgress, postponed, suspended, other, unclassified, carriedToNext }: IndicatorPair["viec"]) => ({
    new: fresh,
    totalReceived,
    transferred,
    toEnforce,
    enforceable,
    notEnforceable,
    completed,
    terminated,
    inProgress,
    postponed,
    suspended,
    other,
    unclassified,
    carriedToNext,
  });
  return { viec: pick(pair.viec), tien: pick(pair.tien), rate: { viec: pair.viec.completionRate, tien: pair.tien.completionRate } };
}

const row = (viec: number[], tien: number[], rate: [number | null, number | null]): Expected => {
  const names = ["new", "totalReceived", "transferred", "toEnforce", "enforceable", "notEnforceable", "completed", "terminated", "inProgress", "postponed", "suspended", "other", "unclassified", "carriedToNext"];
  return { viec: Object.fromEntries(names.map((name, i) => [name, viec[i]!])), tien: Object.fromEntries(names.map((name, i) => [name, tien[i]! * M])), rate: { viec: rate[0], tien: rate[1] } };
};

// Written out by hand from the steps below (tiền in millions of đồng):
//                  mới tổng  ủy thác phải THA  có ĐK  chưa  xong  đình chỉ đang hoãn tạm ĐC khác (thụ lý) chuyển kỳ sau
const EXPECTED: Record<string, Expected> = {
  [A]: row([5, 5, 1, 4, 3, 1, 1, 1, 0, 0, 0, 1, 0, 2], [300, 300, 50, 250, 230, 20, 140, 40, 0, 0, 0, 50, 0, 70], [2 / 3, 180 / 230]),
  [B]: row([5, 5, 0, 5, 4, 1, 2, 0, 0, 1, 0, 1, 1, 3], [215, 215, 0, 215, 185, 30, 100, 0, 0, 70, 0, 15, 15, 115], [2 / 4, 100 / 185]),
  total: row([10, 10, 1, 9, 7, 2, 3, 1, 0, 1, 0, 2, 1, 5], [515, 515, 50, 465, 415, 50, 240, 40, 0, 70, 0, 65, 15, 185], [4 / 7, 280 / 415]),
};

interface Report {
  views: { byUnit: { rows: { key: string; current: IndicatorPair }[]; total: { current: IndicatorPair } } };
}

/** The report's figures by unit (those that received work) and in total, checked against the table above. */
function expectTable(report: Report, source: string) {
  const shown = Object.fromEntries(report.views.byUnit.rows.filter((r) => r.current.viec.totalReceived > 0).map((r) => [r.key, figures(r.current)]));
  shown.total = figures(report.views.byUnit.total.current);
  for (const key of Object.keys(EXPECTED)) {
    expect(shown[key]?.viec, `${source}: ${key} việc`).toEqual(EXPECTED[key]!.viec);
    expect(shown[key]?.tien, `${source}: ${key} tiền`).toEqual(EXPECTED[key]!.tien);
    expect(shown[key]!.rate.viec).toBeCloseTo(EXPECTED[key]!.rate.viec!, 10);
    expect(shown[key]!.rate.tien).toBeCloseTo(EXPECTED[key]!.rate.tien!, 10);
  }
  expect(Object.keys(shown).sort()).toEqual(Object.keys(EXPECTED).sort());
}

describe("the report from the matters staff work through the API", () => {
  it("counts, by unit and in total, the việc and tiền of matters courts uploaded and staff opened, split, merged, worked, handed to another unit and closed", async () => {
    const caseIds = await ingestJudgments();
    const proposalsOf = async (caseId: string) => (await read<{ proposals: MatterProposal[] }>("lanh-dao", `/cases/${caseId}/matters`)).proposals;
    const all = await Promise.all(caseIds.map(proposalsOf));
    const ofUnit = (unitId: string | null) => {
      const found = all.filter((proposals) => proposals.length > 0 && proposals.every((p) => p.unitId === unitId));
      expect(found, `one case for ${unitId}`).toHaveLength(1);
      return found[0]!;
    };
    // the loan judgment goes to A, one fixture to B, and intake could give one case no unit: staff place its matters
    const [inA, inB, unplaced] = [ofUnit(A), ofUnit(B), ofUnit(null)];
    expect([inA.length, inB.length, unplaced.length]).toEqual([4, 3, 2]);

    // in A's case the proposal of several lines is split, and two of one mode merged
    const whole = inA.find((p) => p.lines.length >= 2)!;
    const pair = inA.filter((p) => p !== whole && p.mode === inA.find((q) => q !== whole)!.mode).slice(0, 2);
    const [last] = inA.filter((p) => p !== whole && !pair.includes(p));
    const { proposals: parts } = await created<{ proposals: MatterProposal[] }>("can-bo", `/cases/${whole.caseId}/proposals/split`, { proposalId: whole.id, groups: [[0], whole.lines.slice(1).map((_, i) => i + 1)] });
    const { proposal: merged } = await created<{ proposal: MatterProposal }>("can-bo", `/cases/${whole.caseId}/proposals/merge`, { proposalIds: pair.map((p) => p.id), parties: { debtor: pair[0]!.debtor, creditor: pair[0]!.creditor } });

    // unit A: xong after two partial payments, partly collected, đình chỉ, chưa có điều kiện, ủy thác to B
    await steps(await open(parts[0]!, A, 100 * M), A, ["2025-12-01", enforceable], ["2026-01-15", collect(40 * M)], ["2026-03-10", collect(60 * M)], ["2026-03-10", { kind: "complete" }]);
    await steps(await open(parts[1]!, A, 80 * M), A, ["2025-12-01", enforceable], ["2026-01-15", collect(30 * M)]);
    await steps(await open(merged, A, 40 * M), A, ["2025-12-01", enforceable], ["2026-04-01", { kind: "terminate" }]);
    await steps(await open(unplaced[0]!, A, 20 * M), A, ["2025-12-01", notEnforceable]);
    const handed = await open(last!, A, 60 * M);
    await steps(handed, A, ["2025-12-01", enforceable], ["2026-01-05", collect(10 * M)]);

    // the roles hold: staff of another unit and the leader are refused a step on it, a court the opening of a matter
    const { matter: before } = await read<{ matter: { version: number } }>("lanh-dao", `/matters/${segment(handed.id)}`);
    const refused = await Promise.all([
      post("can-bo-2", `/matters/${segment(handed.id)}/steps`, { kind: "transfer", toUnitId: B, date: "2026-02-01", version: before.version }),
      post("lanh-dao", `/matters/${segment(handed.id)}/steps`, { kind: "complete", date: "2026-02-01", version: before.version }),
      post("toa-an", `/cases/${inB[0]!.caseId}/matters`, { proposalId: inB[0]!.id, decision: { number: "1/QĐ-THADS", date: "2025-11-10" }, executor: "Chấp hành viên" }),
    ]);
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403]);
    for (const response of refused) expect(((await response.json()) as { message: string }).message).toMatch(/^(Tài khoản|Hồ sơ hoặc việc)/);
    expect((await read<{ matter: { version: number } }>("lanh-dao", `/matters/${segment(handed.id)}`)).matter.version).toBe(before.version);
    // the ủy thác, by A's staff
    await steps({ id: handed.id, version: before.version }, A, ["2026-02-01", { kind: "transfer", toUnitId: B }]);

    // unit B: xong in one, hoãn, thụ lý only, chưa có điều kiện, and the matter A handed over, opened for the balance left
    await steps(await open(inB[0]!, B, 50 * M), B, ["2025-12-01", enforceable], ["2026-02-20", { kind: "complete" }]);
    await steps(await open(inB[1]!, B, 70 * M), B, ["2025-12-01", enforceable], ["2026-05-04", { kind: "postpone" }]);
    await open(inB[2]!, B, 15 * M);
    await steps(await open(unplaced[1]!, B, 30 * M), B, ["2025-12-01", notEnforceable]);
    const received = (await proposalsOf(last!.caseId)).find((p) => p.id === `${handed.id}@${B}`)!;
    expect(received).toMatchObject({ unitId: B, amountVnd: 50 * M });
    await steps(await open(received, B, undefined, "2026-02-15"), B, ["2026-03-01", enforceable], ["2026-04-20", { kind: "complete" }]);
    await stack.settled(60_000);
    // the aggregates follow the matters table's stream, a moment behind the last step (as on AWS)
    await stack.matterStream.settled(60_000);

    // the leader reads the report from the API, and downloads it through a short-lived link
    const fromApi = await read<Report>("lanh-dao", "/reports/2026-H2");
    expectTable(fromApi, "GET /reports/2026-H2");
    const exported = await read<{ files: { name: string; url: string }[] }>("lanh-dao", "/reports/2026-H2/exports/json");
    expect(exported.files.map((file) => file.name)).toEqual(["bao-cao-thads-2026-H2.json"]);
    expect(await (await fetch(exported.files[0]!.url)).json()).toEqual(fromApi);

    // and the CLI on this machine's data writes the same
    const out = join(dataDir, "report");
    const run = await runThadsOn(dataDir, ["report", "--period", "2026-H2", "--format", "json", "--out", out]);
    expect(run.code).toBe(0);
    const fromCli = JSON.parse(await readFile(join(out, "bao-cao-thads-2026-H2.json"), "utf8")) as Report;
    expectTable(fromCli, "thads report");
    expect(fromCli).toEqual(fromApi);
  }, 105_000);
});
