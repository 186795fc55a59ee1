/**
 * Staff work an ingested judgment's matter with `thads matters` on the stack `npm start` runs:
 * open it under an enforcement decision, verify, collect in two payments, complete it, show it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { vietnamDirectory } from "#domain/agencies/vietnam-directory.ts";
import { CaseCorrectionSchema, correctCase } from "#use-cases/correct-case.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { samplesDir } from "../support/paths.ts";
import { runThadsOn } from "../support/run-thads.ts";
import { staffOf } from "../support/callers.ts";
import { bearer } from "../support/sign-in.ts";

describe("thads matters on the embedded stack", () => {
  let dataDir: string;
  let stack: LocalStack;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "thads-matters-"));
    stack = await LocalStack.start({ dataDir, httpPort: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("splits and merges back an ingested judgment's proposal, opens its matter, records a partial and a full collection, completes it and shows its history", async () => {
    const thads = (...args: string[]) => runThadsOn(dataDir, args);
    const ingested = await thads("ingest", "--json", "--court", "tand-binh-luc", join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf"));
    const caseId = String(JSON.parse(ingested.stdout.trim().split("\n")[0]!).caseId);

    const listed = JSON.parse((await thads("matters", "list", "--json", caseId)).stdout) as { proposals: { id: string; mode: string; amountVnd: number }[] };
    const proposal = listed.proposals.find((candidate) => candidate.mode === "on_request")!;
    expect(proposal.amountVnd).toBeGreaterThan(1_000_000);
    const owed = proposal.amountVnd;

    // principal and interest: split into one proposal each, then merged back under the same id
    const split = JSON.parse((await thads("matters", "split", "--json", caseId, "--proposal", proposal.id, "--groups", "0|1")).stdout) as { proposals: { id: string; amountVnd: number }[] };
    expect(split.proposals.map((part) => part.amountVnd)).toEqual([180_000_000, 60_000_000]);
    const merged = await thads("matters", "merge", caseId, ...split.proposals.flatMap((part) => ["--proposal", part.id]));
    expect(merged.stdout).toBe(`Đã gộp thành việc đề xuất\n  ${proposal.id}  theo đơn  Đinh Văn Khải, Lã Thị Thu -> Trần Thị Hồng Nhung: 240.000.000 đ; đơn vị: ninh-binh-kv-7\n`);
    const partial = 1_000_000;

    const opened = await thads("matters", "open", caseId, "--proposal", proposal.id, "--decision", "12/QĐ-THADS", "--decision-date", "2025-03-20", "--executor", "Trần Văn Bình");
    expect(opened.stderr).toBe("");
    expect(opened.stdout).toContain(`Đã thụ lý việc ${proposal.id}`);
    expect(opened.stdout).toContain("Quyết định THA:   số 12/QĐ-THADS ngày 20/03/2025");

    const matterId = proposal.id.replace("/", "~");
    const steps = [
      ["--kind", "verify", "--result", "enforceable", "--date", "2025-04-02", "--note", "Xác minh thu nhập tại nơi làm việc"],
      ["--kind", "collect", "--amount", "1.000.000", "--receipt", "BL-0012", "--date", "2025-05-10"],
      ["--kind", "collect", "--amount", String(owed - partial), "--receipt", "BL-0031", "--date", "2025-06-20"],
      ["--kind", "complete", "--date", "2025-06-20"],
    ];
    for (const step of steps) {
      const run = await thads("matters", "step", matterId, ...step);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }

    const refused = await thads("matters", "step", matterId, "--kind", "postpone");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('thads: Việc đang ở trạng thái "thi hành xong": không chuyển sang "hoãn" được\n');

    const shown = await thads("matters", "show", "--json", proposal.id);
    const { matter } = JSON.parse(shown.stdout) as { matter: { state: string; owedVnd: number; collectedVnd: number; version: number; events: { type: string; to: string; amountVnd: number; receipt?: string }[] } };
    expect(matter).toMatchObject({ state: "completed", owedVnd: owed, collectedVnd: owed, version: 5 });
    expect(matter.events.map(({ type, to, amountVnd, receipt }) => [type, to, amountVnd, receipt])).toEqual([
      ["intake", "accepted", owed, undefined],
      ["transition", "enforceable", 0, undefined],
      ["collect", "enforceable", partial, "BL-0012"],
      ["collect", "enforceable", owed - partial, "BL-0031"],
      ["transition", "completed", 0, undefined],
    ]);
    const text = (await thads("matters", "show", proposal.id)).stdout;
    expect(text).toContain("Trạng thái:       thi hành xong (phiên bản 5)");
    expect(text).toContain("  3. 10/05/2025  thu 1.000.000 đ, biên lai BL-0012");
  });

  it("adds a matter the extraction missed, notes an obstacle, lists a unit's credit worklist and writes the bank-credit list; a correction leaves a notice thads case shows", async () => {
    const thads = (...args: string[]) => runThadsOn(dataDir, args);
    const ingested = await thads("ingest", "--json", "--court", "tand-binh-luc", join(samplesDir, "pdf", "ban-an-tin-dung-ngan-hang.pdf"));
    const caseId = String(JSON.parse(ingested.stdout.trim().split("\n")[0]!).caseId);
    const { proposals } = JSON.parse((await thads("matters", "list", "--json", caseId)).stdout) as { proposals: { id: string; mode: string; unitId: string }[] };
    const debt = proposals.find((candidate) => candidate.mode === "on_request")!;
    const unit = debt.unitId;
    expect((await thads("matters", "open", caseId, "--proposal", debt.id, "--decision", "5/QĐ-THADS", "--decision-date", "2025-01-15", "--executor", "Trần Văn Bình", "--as", "can-bo-3")).code).toBe(0);

    const added = await thads("matters", "add", caseId, "--debtor", "Công ty Sông Đào", "--creditor", "Ngân hàng Bắc Thành An", "--kind", "interest", "--amount", "12.000.000", "--mode", "on_request", "--unit", unit, "--as", "can-bo-3");
    expect(added.stdout).toBe(`Đã bổ sung việc đề xuất\n  ${caseId}/1000  theo đơn  Công ty Sông Đào -> Ngân hàng Bắc Thành An: 12.000.000 đ; đơn vị: ${unit}\n`);
    const noted = await thads("matters", "obstacle", debt.id.replace("/", "~"), "--note", "Tài sản bảo đảm chưa bán được", "--as", "can-bo-3");
    expect(noted.stdout).toMatch(/Vướng mắc:\n {2}\d{2}\/\d{2}\/\d{4} {2}\(.+\): Tài sản bảo đảm chưa bán được\n$/);

    const worklist = await thads("matters", "list", "--unit", unit, "--credit", "--older-than", "30");
    expect(worklist.stdout).toMatch(new RegExp(`^Số việc: 1\\n  ${debt.id.replaceAll("+", "\\+")}  ${unit}  thụ lý  thụ lý 15/01/2025 \\(\\d+ ngày\\)  theo đơn, tín dụng  `));
    const json = JSON.parse((await thads("matters", "list", "--json", "--unit", unit, "--state", "completed")).stdout) as { items: unknown[] };
    expect(json.items).toEqual([]);
    expect((await thads("matters", "list", "--unit", unit, "--state", "closed")).code).toBe(2);

    const out = join(dataDir, "out");
    const written = await thads("credit-cases", "--unit", unit, "--format", "json", "--out", out);
    expect(written.stderr).toBe("thads: Đã lập danh sách 1 việc tín dụng, ngân hàng chưa thi hành xong\n");
    const list = JSON.parse(await readFile(written.stdout.trim(), "utf8")) as { cases: { matterId: string; obstacles: { note: string }[]; stateLabel: string }[] };
    expect(list.cases.map(({ matterId, stateLabel, obstacles }) => [matterId, stateLabel, obstacles.map((obstacle) => obstacle.note)])).toEqual([[debt.id, "thụ lý", ["Tài sản bảo đảm chưa bán được"]]]);

    // the same lists through the embedded stack's case API (the route table CDK deploys)
    const api = stack.api!.url;
    const headers = await bearer(api, "can-bo-3");
    const page = (await (await fetch(`${api}/matters?unit=${unit}&credit=true&olderThanDays=30&limit=5`, { headers })).json()) as { items: { id: string }[] };
    expect(page.items.map((item) => item.id)).toEqual([debt.id]);
    const forged = await fetch(`${api}/matters?unit=${unit}&cursor=${Buffer.from('{"k":{"unitPk":"UNIT#x","openedSk":"1"}}').toString("base64url")}`, { headers });
    expect(forged.status).toBe(400);
    const xlsx = await fetch(`${api}/credit-cases?unit=${unit}&format=xlsx`, { headers });
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString("latin1")).toBe("PK");

    // staff correct the debt the judgment orders: the opened matter no longer matches
    const record = (await stack.cases.get(caseId))!;
    const matters = new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable);
    const obligations = record.obligations.map(({ debtor, creditor, amountVnd, kind, periodic }, index) => ({ debtor, creditor, kind, periodic, amountVnd: index === 0 ? amountVnd + 1_000_000 : amountVnd }));
    await correctCase(
      { caseId, expectedVersion: record.version, correction: CaseCorrectionSchema.parse({ reason: "Sửa tiền gốc theo bản án", changes: { obligations } }), caller: staffOf(record.agencyId ?? "") },
      { cases: stack.cases, matters, directory: vietnamDirectory(), now: () => new Date() },
    );
    const shown = await thads("case", caseId);
    expect(shown.stdout).toContain(`Lưu ý:         Hồ sơ đã được sửa (phiên bản ${record.version + 1}): các việc đã thụ lý ${debt.id} có thể không còn khớp với hồ sơ đã sửa; cần kiểm tra lại\n`);
  });

  it("lists the matters commands in thads --help", async () => {
    const help = await runThadsOn(dataDir, ["--help"]);

    expect(help.stdout).toMatch(/^ {2}matters +liệt kê, thụ lý, tách, gộp việc thi hành án/m);
    expect(help.stdout).toMatch(/^ {2}credit-cases +lập danh sách việc tín dụng, ngân hàng chưa thi hành xong/m);
  });
});
