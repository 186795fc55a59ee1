/**
 * The whole enforcement flow on the embedded stack: ten digital PDFs rendered from judgments are
 * ingested, staff open their matters (one proposal split, two merged), record steps, one matter is
 * handed to another unit (ủy thác) whose staff open it there; `thads report --format json` (the CLI,
 * attached to this stack) then shows, from the aggregates the matters stream kept, the table written
 * out by hand below.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorPair } from "#domain/report/indicators.ts";
import type { MatterProposal } from "#domain/matters/types.ts";
import type { MatterStep } from "#domain/lifecycle/steps.ts";
import { caseMatters, getMatter, mergeCaseProposals, openProposedMatter, recordMatterStep, splitCaseProposal } from "#use-cases/matters.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { repoRoot, samplesDir } from "../support/paths.ts";
import { runThadsOn } from "../support/run-thads.ts";
import { LEADER, staffOf } from "../support/callers.ts";

const M = 1_000_000;
const A = "ninh-binh-kv-7";
const B = "ninh-binh-kv-3";
const P = "ninh-binh";
const FIXTURES = ["a-001", "a-002", "a-003", "a-004", "a-005", "a-006", "a-007"];

let dataDir: string;
let stack: LocalStack;
let matters: DynamoDbMatterRepository;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-report-e2e-"));
  stack = await LocalStack.start({ dataDir, httpPort: 0 });
  matters = new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function ingestJudgments(): Promise<string[]> {
  const pdfs: [string, Uint8Array][] = [];
  for (const name of ["ban-an-vay-tai-san", "ban-an-tin-dung-ngan-hang", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon"]) {
    pdfs.push([`${name}.pdf`, await readFile(join(samplesDir, "pdf", `${name}.pdf`))]);
  }
  for (const name of FIXTURES) {
    pdfs.push([`${name}.pdf`, await renderTextPdf([await readFile(join(repoRoot, "test", "fixtures", "judgments", `${name}.txt`), "utf8")])]);
  }
  for (const [fileName, bytes] of pdfs) await stack.upload({ courtId: "tand-binh-luc", fileName, bytes });
  await stack.settled(120_000);
  const caseIds: string[] = [];
  for await (const stored of stack.cases.allCases()) caseIds.push(stored.caseId);
  expect(caseIds).toHaveLength(pdfs.length);
  return caseIds;
}

/** Opens a proposal in a unit, owing `amountVnd`, under a decision of 10 November 2025. */
async function open(proposal: Pick<MatterProposal, "caseId" | "id">, unitId: string, amountVnd?: number, date = "2025-11-10") {
  const matter = await openProposedMatter(
    { caseId: proposal.caseId, proposalId: proposal.id, decision: { number: `${proposal.id.slice(-3)}/QĐ-THADS`, date }, executor: "Chấp hành viên", unitId, ...(amountVnd !== undefined && { amountVnd }), caller: staffOf(unitId) },
    { matters },
  );
  return matter.id;
}

async function steps(matterId: string, ...list: [string, MatterStep][]) {
  for (const [date, step] of list) {
    const { version, unitId } = await getMatter(matterId, { matters }, LEADER);
    await recordMatterStep({ matterId, expectedVersion: version, step, date, caller: staffOf(unitId) }, { matters, now: () => new Date() });
  }
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
  [A]: row([8, 8, 1, 7, 6, 1, 3, 1, 0, 0, 0, 2, 1, 3], [375, 375, 50, 325, 305, 20, 200, 40, 0, 0, 0, 65, 15, 85], [4 / 6, 240 / 305]),
  [B]: row([3, 3, 0, 3, 2, 1, 1, 0, 0, 1, 0, 0, 0, 2], [150, 150, 0, 150, 120, 30, 50, 0, 0, 70, 0, 0, 0, 100], [1 / 2, 50 / 120]),
  [P]: row([2, 2, 0, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1], [60, 60, 0, 60, 25, 35, 25, 0, 0, 0, 0, 0, 0, 35], [1, 1]),
  total: row([13, 13, 1, 12, 9, 3, 5, 1, 0, 1, 0, 2, 1, 6], [585, 585, 50, 535, 450, 85, 275, 40, 0, 70, 0, 65, 15, 220], [6 / 9, 315 / 450]),
};

describe("the report from the matters staff work", () => {
  it("counts, by unit and in total, the việc and tiền of matters opened, split, merged, worked, handed to another unit and closed", async () => {
    const caseIds = await ingestJudgments();
    const proposalsOf = async (caseId: string) => (await caseMatters(caseId, { matters }, LEADER)).proposals;
    const all = await Promise.all(caseIds.map(async (caseId) => ({ caseId, proposals: await proposalsOf(caseId) })));

    // a case with two proposals of one mode is merged; another with a proposal of several lines is split
    const mergeCase = all.find(({ proposals }) => proposals.some((p) => proposals.filter((q) => q.mode === p.mode).length >= 2))!;
    const splitCase = all.find(({ caseId, proposals }) => caseId !== mergeCase.caseId && proposals.length >= 2 && proposals.some((p) => p.lines.length >= 2))!;
    const whole = splitCase.proposals.find((p) => p.lines.length >= 2)!;
    const simple = all.filter(({ caseId }) => caseId !== mergeCase.caseId && caseId !== splitCase.caseId).map(({ proposals }) => proposals[0]!);
    simple.push(splitCase.proposals.find((p) => p.id !== whole.id)!);
    expect(simple).toHaveLength(9);

    const pair = mergeCase.proposals.filter((p) => mergeCase.proposals.filter((q) => q.mode === p.mode).length >= 2).slice(0, 2);
    const merged = await mergeCaseProposals({ caseId: mergeCase.caseId, proposalIds: pair.map((p) => p.id), parties: { debtor: pair[0]!.debtor, creditor: pair[0]!.creditor }, caller: staffOf(pair[0]!.unitId ?? "") }, { matters });
    const [partA, partB] = await splitCaseProposal({ caseId: splitCase.caseId, proposalId: whole.id, groups: [[0], whole.lines.slice(1).map((_, i) => i + 1)], caller: staffOf(whole.unitId ?? "") }, { matters });

    const [m1, m2, m3, m4, m5, m6, m7, m8, m9] = simple;
    // unit A: xong after two partial payments, xong in one, partly collected, chưa có điều kiện, đình chỉ, ủy thác to B
    await steps(await open(m1!, A, 100 * M), ["2025-12-01", enforceable], ["2026-01-15", collect(40 * M)], ["2026-03-10", collect(60 * M)], ["2026-03-10", { kind: "complete" }]);
    await steps(await open(m2!, A, 50 * M), ["2025-12-01", enforceable], ["2026-02-20", { kind: "complete" }]);
    await steps(await open(m3!, A, 80 * M), ["2025-12-01", enforceable], ["2026-01-15", collect(30 * M)]);
    await steps(await open(m4!, A, 20 * M), ["2025-12-01", notEnforceable]);
    await steps(await open(m6!, A, 40 * M), ["2025-12-01", enforceable], ["2026-04-01", { kind: "terminate" }]);
    const handed = await open(m7!, A, 60 * M);
    await steps(handed, ["2025-12-01", enforceable], ["2026-01-05", collect(10 * M)]);
    // the ủy thác through the CLI, as staff type it
    const transfer = await runThadsOn(dataDir, ["matters", "step", handed.replace("/", "~"), "--kind", "transfer", "--to", B, "--date", "2026-02-01"]);
    expect(transfer.stderr).toBe("");
    expect(transfer.code).toBe(0);
    // the split: one part closed xong, the other still thụ lý at the period's end
    await steps(await open(partA!, A, 10 * M), ["2025-12-01", enforceable], ["2026-02-01", { kind: "complete" }]);
    await open(partB!, A, 15 * M);

    // unit B: chưa có điều kiện, hoãn, and the matter A handed over, opened by B's staff for the balance left
    await steps(await open(m5!, B, 30 * M), ["2025-12-01", notEnforceable]);
    await steps(await open(m8!, B, 70 * M), ["2025-12-01", enforceable], ["2026-05-04", { kind: "postpone" }]);
    const received = (await proposalsOf(m7!.caseId)).find((p) => p.id === `${handed}@${B}`)!;
    expect(received).toMatchObject({ unitId: B, amountVnd: 50 * M });
    await steps(await open(received, B, undefined, "2026-02-15"), ["2026-03-01", enforceable], ["2026-04-20", { kind: "complete" }]);

    // the provincial agency: xong in one payment, and the merged matter chưa có điều kiện
    await steps(await open(m9!, P, 25 * M), ["2025-12-01", enforceable], ["2026-06-30", { kind: "complete" }]);
    await steps(await open(merged, P, 35 * M), ["2025-12-01", notEnforceable]);

    const out = join(dataDir, "report");
    const run = await runThadsOn(dataDir, ["report", "--period", "2026-H2", "--format", "json", "--out", out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(join(out, "bao-cao-thads-2026-H2.json"), "utf8")) as {
      views: { byUnit: { rows: { key: string; current: IndicatorPair }[]; total: { current: IndicatorPair } } };
    };
    const shown = Object.fromEntries(report.views.byUnit.rows.filter((r) => r.current.viec.totalReceived > 0).map((r) => [r.key, figures(r.current)]));
    shown.total = figures(report.views.byUnit.total.current);
    for (const key of Object.keys(EXPECTED)) {
      expect(shown[key]?.viec, `${key} việc`).toEqual(EXPECTED[key]!.viec);
      expect(shown[key]?.tien, `${key} tiền`).toEqual(EXPECTED[key]!.tien);
      expect(shown[key]!.rate.viec).toBeCloseTo(EXPECTED[key]!.rate.viec!, 10);
      expect(shown[key]!.rate.tien).toBeCloseTo(EXPECTED[key]!.rate.tien!, 10);
    }
    expect(Object.keys(shown).sort()).toEqual(Object.keys(EXPECTED).sort());

    // leaders and staff read the same report from the API, and download it through a short-lived link
    const fromApi = await fetch(`${stack.api!.url}/reports/2026-H2`);
    expect(fromApi.status).toBe(200);
    expect(await fromApi.json()).toEqual(report);
    const exported = (await (await fetch(`${stack.api!.url}/reports/2026-H2/exports/json`)).json()) as { files: { name: string; url: string }[] };
    expect(exported.files.map((file) => file.name)).toEqual(["bao-cao-thads-2026-H2.json"]);
    expect(await (await fetch(exported.files[0]!.url)).json()).toEqual(report);
  }, 150_000);
});
