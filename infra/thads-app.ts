import { Validations, type App } from "aws-cdk-lib";
import { ThadsNagChecks } from "./nag.ts";
import { deploymentSettings } from "./settings.ts";
import { StatefulStack } from "./stateful-stack.ts";
import { StatelessStack } from "./stateless-stack.ts";

/** Adds both stacks to an app, checked by cdk-nag's AwsSolutions pack; shared by infra/app.ts and the tests. */
export function addThadsStacks(app: App) {
  const settings = deploymentSettings(app.node);
  // A concrete region: cross-stack references read the stateful stack's outputs in that region.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region };
  const stateful = new StatefulStack(app, "ThadsStateful", { env, uploadOrigins: settings.uploadOrigins, description: "THADS pipeline: buckets and tables (retained)" });
  const stateless = new StatelessStack(app, "ThadsStateless", { env, stateful, settings, description: "THADS pipeline: functions, queues, API, schedule" });
  // Synthesis fails on any finding not accepted in nag.ts.
  Validations.of(app).addPlugins(new ThadsNagChecks(app));
  return { stateful, stateless };
}
