import "../support/lambda-env.ts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reportRollupStub } from "#use-cases/report-rollup-stub.ts";
import { handler } from "../../functions/roll-up-report/handler.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

capturedLogs();
afterEach(() => vi.restoreAllMocks());

describe("roll-up-report", () => {
  it("rolls the report up to the moment the schedule fired", async () => {
    const rollUp = vi.spyOn(reportRollupStub, "rollUp").mockResolvedValue({ snapshots: 9, reportKeys: ["reports/2025-03-31/bao-cao-6-thang.json"] });

    const result = await handler(loadEvent("scheduled-rollup") as never, lambdaContext());

    expect(rollUp).toHaveBeenCalledWith({ asOf: "2025-03-31T19:00:00Z" });
    expect(result).toEqual({ snapshots: 9, reportKeys: ["reports/2025-03-31/bao-cao-6-thang.json"] });
  });

  it("refuses events that are not from the schedule", async () => {
    const rollUp = vi.spyOn(reportRollupStub, "rollUp");
    const event = { ...loadEvent("scheduled-rollup"), source: "aws.s3" };

    await expect(handler(event as never, lambdaContext())).rejects.toThrow(/parse/i);
    expect(rollUp).not.toHaveBeenCalled();
  });
});
