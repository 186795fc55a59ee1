import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { DynamoDBStreamRecord } from "@aws-lambda-powertools/parser/schemas/dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { documents } from "#adapters/aws/clients.ts";
import { MatterItemSchema } from "#domain/lifecycle/schema.ts";
import { cubesFromResiduals } from "#domain/report/carry-forward.ts";
import { parsePeriod } from "#domain/report/periods.ts";
import { rollup } from "#domain/report/rollup.ts";
import { handler } from "../../functions/apply-matter-changes/handler.ts";
import { analyticsTable } from "../support/analytics-table.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

const logs = capturedLogs();
let table: ReturnType<typeof analyticsTable>;
beforeEach(() => {
  table = analyticsTable();
});
afterEach(() => table.client.restore());

const streamEvent = () => loadEvent<DynamoDBStreamEvent>("dynamodb-stream-matters");
const failedSequences = async (event: DynamoDBStreamEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);
const sequenceOf = (event: DynamoDBStreamEvent, index: number) => event.Records[index]?.dynamodb?.SequenceNumber;

/** The last image of the sample matter, as the table holds it after the event. */
const finalMatter = () => MatterItemSchema.parse(DynamoDBStreamRecord.parse(streamEvent().Records[2]).dynamodb.NewImage);

const residualCell = (period: string) =>
  table.items.get(`RESIDUAL#statistical\n${period}#ha-nam-phu-ly|civil|on_request|0`);

describe("apply-matter-changes", () => {
  it("adds a matter opened in March to both reports of the year, and its April move to the 12-month one only", async () => {
    expect(await failedSequences(streamEvent())).toEqual([]);

    expect(residualCell("2025-H1")).toMatchObject({ v_new: 1, t_new: 150_000_000, v_unclassified: 1 });
    // Opened in H1 and classified in H2: the 12-month report holds it classified, khác but not unclassified.
    expect(residualCell("2025-H2")).toMatchObject({ v_new: 1, t_new: 150_000_000, v_other: 1, v_unclassified: 0 });
  });

  it("keeps aggregates that rebuild to the full recompute of the matter's history", async () => {
    await failedSequences(streamEvent());
    const periods = [parsePeriod("2025-H1"), parsePeriod("2025-H2"), parsePeriod("2026-H1"), parsePeriod("2027-H2")];
    const stored = await new DynamoDbReportAggregates(documents, "thads-analytics").residuals("statistical", periods.at(-1)!);
    const matter = finalMatter();

    const rebuilt = cubesFromResiduals(stored, periods).map((cube) => Object.fromEntries([...cube].map(([key, cell]) => [key, [...cell]])));
    const full = rollup([{ matter, events: matter.events }], periods).map((cube) => Object.fromEntries([...cube].map(([key, cell]) => [key, [...cell]])));
    expect(rebuilt).toEqual(full);
  });

  it("ignores proposals: only opened matters count in the report", async () => {
    const event = streamEvent();
    event.Records = [event.Records[0]!];

    expect(await failedSequences(event)).toEqual([]);
    expect(table.client).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it("applies a batch delivered twice only once", async () => {
    await failedSequences(streamEvent());
    const once = structuredClone([...table.items]);

    expect(await failedSequences(streamEvent())).toEqual([]);
    expect([...table.items]).toEqual(once);
  });

  it("reports a malformed matter image as a failed record and still applies the others", async () => {
    const event = streamEvent();
    (event.Records[2]!.dynamodb!.NewImage as Record<string, { S: string }>).state = { S: "lost" };

    expect(await failedSequences(event)).toEqual([sequenceOf(event, 2)]);
    expect(residualCell("2025-H1")).toMatchObject({ v_new: 1 });
    expect(logs.text()).toContain("stream record failed");
    expect(logs.text()).not.toContain("Nguyễn Văn H");
  });

  it("returns a record to the stream when the table throttles, and applies it on the retry", async () => {
    const event = streamEvent();
    table.throttleNext();

    expect(await failedSequences(event)).toEqual([sequenceOf(event, 1)]);
    // Lambda retries from the failed record: the one after it was applied already and is skipped.
    expect(await failedSequences(streamEvent())).toEqual([]);
    expect(residualCell("2025-H2")).toMatchObject({ v_new: 1, v_other: 1, v_unclassified: 0 });
  });
});
