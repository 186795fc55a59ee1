import { App } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { deploymentSettings } from "../../infra/settings.ts";
import { FUNCTION_SETTING_DEFAULTS } from "../../infra/topology.ts";

const required = { "thads:region": "ap-southeast-1", "thads:logRetentionDays": 90, "thads:rollupSchedule": "cron(0 19 * * ? *)" };

describe("deployment settings from CDK context", () => {
  it("give the functions the defaults the local stack uses unless the context overrides them", () => {
    expect(deploymentSettings(new App({ context: required }).node)).toMatchObject(FUNCTION_SETTING_DEFAULTS);
    expect(deploymentSettings(new App({ context: { ...required, "thads:uploadUrlTtlSeconds": "600" } }).node).uploadUrlTtlSeconds).toBe(600);
  });

  it("refuse a value the function would refuse at cold start, naming the setting", () => {
    expect(() => deploymentSettings(new App({ context: { ...required, "thads:uploadUrlTtlSeconds": "86400" } }).node)).toThrow(/thads:uploadUrlTtlSeconds/);
  });
});
