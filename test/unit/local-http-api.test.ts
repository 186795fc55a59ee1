import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startHttpApi, type HttpApi, type Route } from "../../local/http-api.ts";

let api: HttpApi;
const echo: Route = {
  method: "GET",
  path: "/cases/{caseId}",
  functionName: "get-case",
  handler: async () => async (event) => ({ statusCode: 200, body: JSON.stringify(event.pathParameters) }),
};
const upload: Route = {
  method: "POST",
  path: "/upload-urls",
  functionName: "create-upload-url",
  handler: async () => async (event) => ({ statusCode: 201, body: String(event.body?.length ?? 0) }),
};
const broken: Route = {
  method: "GET",
  path: "/review-queue",
  functionName: "list-review-queue",
  handler: async () => async () => {
    throw new Error("table gone");
  },
};

beforeAll(async () => {
  api = await startHttpApi({ routes: [echo, upload, broken], port: 0, authorize: async () => ({ sub: "u-1" }) });
});

afterAll(async () => {
  await api?.stop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("local case API adapter", () => {
  it("answers a malformed escape in the path with 400 and keeps serving", async () => {
    const response = await fetch(`${api.url}/cases/%E0%A4%A`, { signal: AbortSignal.timeout(5_000) });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "InvalidRequestError", message: expect.stringMatching(/path/) });
    const next = await fetch(`${api.url}/cases/c%C3%A1-1`);
    expect(await next.json()).toEqual({ caseId: "cá-1" });
  });

  it("answers a body over 1 MB with 413 and keeps serving", async () => {
    const response = await fetch(`${api.url}/upload-urls`, { method: "POST", body: "x".repeat(1024 * 1024 + 1) });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "PayloadTooLargeError" });
    expect((await fetch(`${api.url}/upload-urls`, { method: "POST", body: "{}" })).status).toBe(201);
  });

  it("answers a function that throws with a generic 500 and logs which route failed", async () => {
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);

    const response = await fetch(`${api.url}/review-queue`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "InternalError", message: "internal error" });
    expect(logged.mock.calls.map(([line]) => String(line)).join("")).toMatch(/GET \/review-queue.*table gone/);
  });
});
