import { readFileSync } from "node:fs";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { addThadsStacks } from "../../infra/thads-app.ts";

const cdkJson = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8")) as { context: Record<string, unknown> };

/**
 * The app as `npm run synth` builds it (same context, local esbuild bundling of every function),
 * synthesized once. Call once per test file: synthesis bundles nine functions.
 */
export function synthesizeApp(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...cdkJson.context, ...context } });
  const stacks = addThadsStacks(app);
  app.synth();
  return {
    app,
    ...stacks,
    stateful: { stack: stacks.stateful, template: Template.fromStack(stacks.stateful) },
    stateless: { stack: stacks.stateless, template: Template.fromStack(stacks.stateless) },
  };
}
