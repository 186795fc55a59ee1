import { App, Stack } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { describe, expect, it } from "vitest";
import { ThadsFunction } from "../../infra/constructs/thads-function.ts";

// Each case fails before bundling, so no function is built.
const newFunction = (settings: Record<string, string>) => () =>
  new ThadsFunction(new Stack(new App(), "Test"), "Fn", { name: "create-upload-url", settings: settings as never, logRetention: RetentionDays.ONE_MONTH });

const valid = { UPLOADS_BUCKET: "uploads", UPLOAD_MAX_BYTES: "1048576", UPLOAD_URL_TTL_SECONDS: "900" };

describe("ThadsFunction settings", () => {
  it("refuses to synthesize a function missing a setting its handler reads", () => {
    const { UPLOAD_URL_TTL_SECONDS: _omitted, ...missing } = valid;
    expect(newFunction(missing)).toThrow("Function create-upload-url: UPLOAD_URL_TTL_SECONDS is missing");
  });

  it("refuses settings the handler does not read", () => {
    expect(newFunction({ ...valid, CASES_TABLE: "cases" })).toThrow("CASES_TABLE is not read by the handler");
  });

  it("checks literal values with the handler's own rules", () => {
    expect(newFunction({ ...valid, UPLOAD_URL_TTL_SECONDS: "86400" })).toThrow(/UPLOAD_URL_TTL_SECONDS: /);
  });
});
