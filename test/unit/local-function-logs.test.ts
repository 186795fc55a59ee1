import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { observed } from "#adapters/aws/lambda-handler.ts";
import { logger } from "#shared/observability.ts";
import { startHttpApi, type HttpApi, type Route } from "../../local/http-api.ts";
import { capturedLogs } from "../support/logs.ts";

const logs = capturedLogs();
let api: HttpApi;

/** A route whose function logs one line after `delayMs`, the way every handler logs: through the shared logger. */
const loggingRoute = (path: string, functionName: string, delayMs: number): Route => ({
  method: "GET",
  path,
  functionName,
  handler: async () =>
    observed(async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      logger.info(`${functionName} answered`);
      return { statusCode: 200, body: "{}" };
    }),
});

beforeAll(async () => {
  api = await startHttpApi({ routes: [loggingRoute("/cases", "search-cases", 50), loggingRoute("/review-queue", "list-review-queue", 0)], port: 0, authorize: async () => ({ sub: "u-1" }) });
});

afterAll(async () => {
  await api?.stop();
});

describe("local function logs", () => {
  it("carry the name of the function that wrote them while functions run at once", async () => {
    await Promise.all([fetch(`${api.url}/cases`), fetch(`${api.url}/review-queue`)]);

    const entries = logs
      .text()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { message: string; function_name?: string });
    expect(entries.find((entry) => entry.message === "search-cases answered")?.function_name).toBe("search-cases");
    expect(entries.find((entry) => entry.message === "list-review-queue answered")?.function_name).toBe("list-review-queue");
  });
});
