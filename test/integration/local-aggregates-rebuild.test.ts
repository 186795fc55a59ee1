/**
 * The report aggregates rebuilt from the matters table equal those the matters stream kept, after
 * random matter histories recorded through the use cases on DynamoDB Local (its own stream feeding
 * apply-matter-changes, as on AWS).
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { balanceVnd } from "#domain/lifecycle/matter.ts";
import type { MatterStep } from "#domain/lifecycle/steps.ts";
import { periodOfId } from "#domain/report/carry-forward.ts";
import { emptyCell } from "#domain/report/indicators.ts";
import { reportPeriod } from "#domain/report/periods.ts";
import type { Cube } from "#domain/report/rollup.ts";
import { JUDGMENT_TYPES, type MatterProposal } from "#domain/matters/types.ts";
import { RefusalError } from "#shared/errors.ts";
import { openProposedMatter, recordMatterStep } from "#use-cases/matters.ts";
import { rebuildAggregates } from "#use-cases/rebuild-aggregates.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { staffOf } from "../support/callers.ts";

const UNITS = ["ninh-binh-kv-7", "ninh-binh-kv-3"] as const;
const SCHEME = "statistical";
/** A period after every date generated: residuals are read through it. */
const LAST = reportPeriod(2030, 2);
const DAY_MS = 24 * 3600 * 1000;

let stack: LocalStack;
let matters: DynamoDbMatterRepository;
let aggregates: DynamoDbReportAggregates;

beforeAll(async () => {
  stack = await LocalStack.start({ dataDir: null });
  matters = new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable);
  aggregates = new DynamoDbReportAggregates(stack.clients.documents, LOCAL_NAMES.analyticsTable);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const stepArbitrary = fc.record({
  kind: fc.constantFrom("enforceable", "not-enforceable", "collect", "reduce", "postpone", "suspend", "resume", "terminate", "complete", "transfer"),
  /** Share of the balance a collection or reduction moves. */
  share: fc.double({ min: 0.05, max: 1, noNaN: true }),
  days: fc.integer({ min: 0, max: 200 }),
});

const matterArbitrary = fc.record({
  judgmentType: fc.constantFrom(...JUDGMENT_TYPES.slice(0, 3)),
  mode: fc.constantFrom("ex_officio" as const, "on_request" as const),
  creditInstitution: fc.boolean(),
  unit: fc.constantFrom(...UNITS),
  millions: fc.integer({ min: 1, max: 500 }),
  /** Days after 1 June 2024 the matter is opened. */
  openedAfter: fc.integer({ min: 0, max: 700 }),
  steps: fc.array(stepArbitrary, { maxLength: 6 }),
});

type MatterPlan = typeof matterArbitrary extends fc.Arbitrary<infer T> ? T : never;

const dateAfter = (days: number) => new Date(Date.parse("2024-06-01T00:00:00Z") + days * DAY_MS).toISOString().slice(0, 10);

function stepOf(plan: MatterPlan["steps"][number], balance: number, unit: string): MatterStep {
  const amountVnd = Math.max(1, Math.floor(balance * plan.share));
  switch (plan.kind) {
    case "enforceable":
    case "not-enforceable":
      return { kind: "verify", enforceable: plan.kind === "enforceable" };
    case "collect":
    case "reduce":
      return { kind: plan.kind, amountVnd };
    case "transfer":
      return { kind: "transfer", toUnitId: UNITS.find((other) => other !== unit)! };
    default:
      return { kind: plan.kind };
  }
}

/** Opens the planned matter and records its steps through the use cases; steps the lifecycle refuses are left out, as staff would see them refused. */
async function record(plan: MatterPlan): Promise<void> {
  const caseId = randomUUID().replaceAll("-", "");
  const amountVnd = plan.millions * 1_000_000;
  const proposal: MatterProposal = {
    id: `${caseId}/0`,
    caseId,
    mode: plan.mode,
    debtor: "Bên phải thi hành án",
    creditor: "Bên được thi hành án",
    lines: [{ obligationIndex: 0, kind: "principal", amountVnd, periodic: null, countedVnd: amountVnd }],
    amountVnd,
    periodic: [],
    judgmentType: plan.judgmentType,
    creditInstitution: plan.creditInstitution,
    unitId: plan.unit,
    reviewReasons: [],
  };
  await matters.saveProposals(caseId, [proposal]);
  let days = plan.openedAfter;
  let matter = await openProposedMatter(
    { caseId, proposalId: proposal.id, decision: { number: "1/QĐ-THADS", date: dateAfter(days) }, executor: "Chấp hành viên", caller: staffOf(proposal.unitId ?? "") },
    { matters },
  );
  for (const step of plan.steps) {
    days += step.days;
    try {
      matter = await recordMatterStep(
        { matterId: matter.id, expectedVersion: matter.version, step: stepOf(step, balanceVnd(matter), matter.unitId), date: dateAfter(days), caller: staffOf(matter.unitId) },
        { matters, now: () => new Date() },
      );
    } catch (error) {
      if (!(error instanceof RefusalError)) throw error;
    }
  }
}

/** Stored residuals as plain data, cells that add up to nothing left out (the stream leaves them at zero, a rebuild removes them). */
function plain(residuals: ReadonlyMap<string, Cube>): Record<string, Record<string, number[]>> {
  const result: Record<string, Record<string, number[]>> = {};
  for (const [period, cube] of [...residuals].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [...cube].filter(([, cell]) => cell.some((value) => value !== 0)).sort(([a], [b]) => a.localeCompare(b));
    if (cells.length > 0) result[period] = Object.fromEntries(cells.map(([key, cell]) => [key, [...cell]]));
  }
  return result;
}

const kept = async () => {
  await stack.matterStream.settled();
  return plain(await aggregates.residuals(SCHEME, LAST));
};

describe("rebuilding the report aggregates from the matters table", () => {
  it("gives what the matters stream kept, after any matter histories", async () => {
    let runs = 0;
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(matterArbitrary, { minLength: 1, maxLength: 3 }), async (plans) => {
        for (const plan of plans) await record(plan);
        const fromStream = await kept();
        const rebuilt = await rebuildAggregates({ period: null }, { matters, aggregates, scheme: SCHEME });
        expect(plain(await aggregates.residuals(SCHEME, LAST))).toEqual(fromStream);
        runs += 1;
        cells = rebuilt.cells;
      }),
      { numRuns: 25, endOnFailure: true },
    );
    expect(runs).toBe(25);
    expect(cells).toBeGreaterThan(0);
  }, 240_000);

  it("repairs one period's aggregates and leaves the other periods as they were", async () => {
    const before = await kept();
    const [period, cube] = Object.entries(before)[0]!;
    const [key] = Object.keys(cube);
    // a change applied twice under two record ids, as if a batch were replayed after its markers expired
    const wrong = emptyCell();
    wrong[0] = 1;
    await aggregates.apply(`replayed-${randomUUID()}`, [{ period, key: key!, values: wrong }], SCHEME);
    expect(plain(await aggregates.residuals(SCHEME, LAST))).not.toEqual(before);

    const { matters: read } = await rebuildAggregates({ period: periodOfId(period) }, { matters, aggregates, scheme: SCHEME });

    expect(read).toBeGreaterThan(0);
    expect(plain(await aggregates.residuals(SCHEME, LAST))).toEqual(before);
  }, 60_000);
});
