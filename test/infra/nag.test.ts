import { Validations } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { ACCEPTED_WILDCARDS, BUCKET_DEPLOYMENT_REASONS, CONSOLE_DISTRIBUTION_REASONS, PINNED_RUNTIME_REASON, ThadsNagChecks } from "../../infra/nag.ts";
import { synthesizeApp } from "./synthesize.ts";

// Bundling is skipped here (the stacks test covers it): cdk-nag reads templates, not function code.
const { app } = synthesizeApp({ "aws:cdk:bundling-stacks": [] });
const report = new ThadsNagChecks(app).validateScope(app);

/** Every acknowledgement recorded in the construct tree, with its reason. */
const acknowledgements = app.node
  .findAll()
  .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((entry) => ({ path: construct.node.path, rules: entry.data as Record<string, string> })))
  .flatMap(({ path, rules }) => Object.entries(rules).map(([id, reason]) => ({ path, id: id.replace(/^annotation::/i, ""), reason })));

describe("cdk-nag AwsSolutions checks", () => {
  it("leave no finding unacknowledged", () => {
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.resourceLogicalId).join(", ")}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it("acknowledge findings only with a written reason", () => {
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(60);
  });

  it("acknowledge only wildcard resources for actions that need them, CDK's own notification and bucket-deployment handlers, the console's distribution, the failure queues of the stream and the schedule, and the pinned runtime", () => {
    const accepted = new Set([...ACCEPTED_WILDCARDS.map((wildcard) => wildcard.reason)]);
    const others = [
      { id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]", path: "ThadsStateless/BucketNotificationsHandler050a0587b7544547bf325f094a3db834" },
      { id: "AwsSolutions-SQS3", path: "ThadsStateless/Reports/FailedMatterChanges/Resource" },
      { id: "AwsSolutions-SQS3", path: "ThadsStateless/Reports/MissedRollups/Resource" },
    ];
    const deployment = new Set<string>(Object.values(BUCKET_DEPLOYMENT_REASONS));
    for (const { id, reason, path } of acknowledgements) {
      // CDK's function that copies the console's build into its bucket, and the console's distribution
      if (deployment.has(reason)) expect(path).toMatch(/^ThadsStateless\/Custom::CDKBucketDeployment[0-9A-F]{32}/);
      else if (id in CONSOLE_DISTRIBUTION_REASONS) expect({ path, reason }).toEqual({ path: "ThadsStateful/Console/Distribution/Resource", reason: CONSOLE_DISTRIBUTION_REASONS[id as keyof typeof CONSOLE_DISTRIBUTION_REASONS] });
      else if (id.startsWith("AwsSolutions-IAM5[Resource::")) expect(accepted.has(reason)).toBe(true);
      else if (id === "AwsSolutions-L1") expect(reason).toBe(PINNED_RUNTIME_REASON);
      else expect(others).toContainEqual({ id, path });
    }
  });
});
