/**
 * The embedded stack's event source mapping on DynamoDB Local's stream of the matters table: where
 * it resumes after a restart, and what happens to a batch the function keeps failing.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import type { MatterProposal } from "#domain/matters/types.ts";
import { reportPeriod } from "#domain/report/periods.ts";
import { openProposedMatter, recordMatterStep } from "#use-cases/matters.ts";
import { rebuildAggregates } from "#use-cases/rebuild-aggregates.ts";
import { reportFromAggregates } from "#use-cases/roll-up-report.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { matterStreamArn, StreamCheckpoints, StreamEventSourceMapping, type StreamHandler } from "../../local/matter-stream.ts";
import { LocalStack } from "../../local/stack.ts";
import { waitUntil } from "../../local/net.ts";
import { staffOf } from "../support/callers.ts";

let stack: LocalStack;
let matters: DynamoDbMatterRepository;
let folder: string;
/** While set, apply-matter-changes fails every batch it is given. */
let failing = false;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "thads-stream-"));
  stack = await LocalStack.start({
    dataDir: null,
    queue: { retryDelayMs: 5 },
    testHooks: {
      wrapStreamHandler: (handler) => async (event, context) => {
        if (failing) throw new Error("analytics table unreachable");
        return handler(event, context);
      },
    },
  });
  matters = new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await rm(folder, { recursive: true, force: true });
});

let cases = 0;
/** A matter opened from a proposal of its own case, in unit ninh-binh-kv-7, owing 10 million đồng. */
async function openMatter(date: string) {
  cases += 1;
  const caseId = cases.toString(16).padStart(32, "0");
  const proposal: MatterProposal = {
    id: `${caseId}/0`,
    caseId,
    mode: "on_request",
    debtor: "Bên phải thi hành án",
    creditor: "Bên được thi hành án",
    lines: [{ obligationIndex: 0, kind: "principal", amountVnd: 10_000_000, periodic: null, countedVnd: 10_000_000 }],
    amountVnd: 10_000_000,
    periodic: [],
    judgmentType: "civil",
    creditInstitution: false,
    unitId: "ninh-binh-kv-7",
    reviewReasons: [],
  };
  await matters.saveProposals(caseId, [proposal]);
  return openProposedMatter({ caseId, proposalId: proposal.id, decision: { number: "1/QĐ-THADS", date }, executor: "Chấp hành viên", caller: staffOf(proposal.unitId ?? "") }, { matters });
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb!.SequenceNumber!;

describe("the matters stream on the embedded stack", () => {
  it("resumes after a restart from where it stopped: no change skipped, none delivered twice", async () => {
    const streamArn = await matterStreamArn(stack.clients.dynamodb, LOCAL_NAMES.mattersTable);
    const seen: string[] = [];
    const counting: StreamHandler = async (event: DynamoDBStreamEvent) => {
      seen.push(...event.Records.map(sequenceOf));
    };
    const checkpointFile = join(folder, "matter-stream.json");
    const settings = { functionName: "counting", batchSize: 2, retryAttempts: 0, timeoutMs: 10_000, retryDelayMs: 5, idlePollMs: 20 };
    const start = () => new StreamEventSourceMapping(stack.clients.streams, streamArn, counting, settings, new StreamCheckpoints(streamArn, checkpointFile), null, "ap-southeast-1");

    const first = start();
    for (const date of ["2025-11-01", "2025-11-02", "2025-11-03"]) await openMatter(date);
    await first.settled();
    await first.stop();
    const beforeRestart = [...seen];
    for (const date of ["2025-11-04", "2025-11-05"]) await openMatter(date);
    const second = start();
    await second.settled();
    await second.stop();

    expect(beforeRestart.length).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.length - beforeRestart.length).toBe(2);
    expect(JSON.parse(await readFile(checkpointFile, "utf8"))).toMatchObject({ streamArn });
  }, 60_000);

  it("retries a failing batch, then records it as failed and goes on; a rebuild brings the report back", async () => {
    const period = reportPeriod(2026, 2);
    const directory = haNamNinhBinhDirectory();
    const aggregates = new DynamoDbReportAggregates(stack.clients.documents, LOCAL_NAMES.analyticsTable);
    const completed = async () => (await reportFromAggregates(period, { aggregates, scheme: "statistical", directory })).views.byUnit.total.current.viec.completed;
    await stack.matterStream.settled();
    const before = await completed();

    const lost = await openMatter("2025-12-01");
    const verified = await recordMatterStep({ matterId: lost.id, expectedVersion: 1, step: { kind: "verify", enforceable: true }, date: "2025-12-02", caller: staffOf(lost.unitId) }, { matters, now: () => new Date() });
    await stack.matterStream.settled();
    failing = true;
    await recordMatterStep({ matterId: lost.id, expectedVersion: verified.version, step: { kind: "complete" }, date: "2025-12-20", caller: staffOf(lost.unitId) }, { matters, now: () => new Date() });
    await waitUntil(async () => stack.matterStream.failures.length > 0, { timeoutMs: 30_000, what: "the failed batch to be recorded" });
    failing = false;
    await stack.matterStream.settled();

    const [failure] = stack.matterStream.failures;
    expect(failure).toMatchObject({ requestContext: { condition: "RetryAttemptsExhausted", approximateInvokeCount: 11 }, DDBStreamBatchInfo: { batchSize: 1 } });
    expect(await completed()).toBe(before);

    await rebuildAggregates({ period: null }, { matters, aggregates, scheme: "statistical" });
    expect(await completed()).toBe(before + 1);
  }, 60_000);
});
