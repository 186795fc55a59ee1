import { fileURLToPath } from "node:url";
import { Duration, Token } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Effect, PolicyStatement, Role, ServicePrincipal, type IRole } from "aws-cdk-lib/aws-iam";
import { Architecture, Tracing } from "aws-cdk-lib/aws-lambda";
import { LogLevel, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import { checkSetting, functionSettings, type FunctionName, type SettingName, type SettingsOf } from "../../shared/config.ts";
import { METRICS_NAMESPACE } from "../../shared/metrics.ts";
import { bundling, externalModules, filesBesideBundle, nodeRuntime, nodeTarget } from "../bundling.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export type DynamoDbAction = "GetItem" | "BatchGetItem" | "Query" | "Scan" | "PutItem" | "UpdateItem" | "DeleteItem" | "BatchWriteItem" | "ConditionCheckItem";

export interface ThadsFunctionProps<F extends FunctionName> {
  /** The function's folder under functions/; also its service name in logs and metrics. */
  name: F;
  /** Exactly the settings the handler reads (shared/config.ts), checked when compiling and at synth. */
  settings: Record<SettingsOf<F>, string>;
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * A Lambda function of this project with its defaults: esbuild bundle (minified ESM, source maps,
 * the runtime's AWS SDK, pdf.js beside the bundle where PDFs are read), ARM64, the Node.js
 * runtime (pinned in bundling.ts), X-Ray active tracing, its own log group and its own role that starts with nothing but writing to that log group. Access is added with the
 * narrow `allow*` helpers below, never with wildcard actions.
 */
export class ThadsFunction<F extends FunctionName = FunctionName> extends NodejsFunction {
  readonly functionRole: IRole;

  constructor(scope: Construct, id: string, props: ThadsFunctionProps<F>) {
    validateSettings(props.name, props.settings);
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs the ${props.name} function`,
    });
    super(scope, id, {
      entry: `${projectRoot}functions/${props.name}/handler.ts`,
      handler: "handler",
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: nodeRuntime,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      environment: {
        ...props.settings,
        ...powertoolsEnvironment(props.name),
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: nodeTarget,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        bundleAwsSDK: false,
        // Sizes are reported by bench/bundles.ts; synth output shows only problems.
        logLevel: LogLevel.WARNING,
        externalModules: externalModules(props.name),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => filesBesideBundle(props.name, projectRoot.replace(/\/$/, ""), outputDir),
        },
      },
    });
    this.functionRole = role;
    logGroup.grantWrite(role);
  }

  /** DynamoDB actions on one table, and on the indexes named (each by name: no index wildcard). */
  allowTable(table: ITableV2, actions: DynamoDbAction[], indexes: readonly string[] = []): this {
    this.addToRolePolicy(tableAccess(table, actions, indexes));
    return this;
  }

  /** Reading objects (any version) under one prefix of one bucket. */
  allowReadObjects(bucket: IBucket, prefix: string): this {
    this.addToRolePolicy(readObjectsAccess(bucket, prefix));
    return this;
  }

  /** Writing objects under one prefix of one bucket (also what a presigned PUT it signs may do). */
  allowWriteObjects(bucket: IBucket, prefix: string): this {
    this.addToRolePolicy(new PolicyStatement({ actions: ["s3:PutObject"], resources: [bucket.arnForObjects(`${prefix}*`)] }));
    return this;
  }

  /**
   * Textract text detection. Textract has no resource-level permissions, so its actions take
   * resource "*"; starting asynchronous jobs also passes the role that lets Textract publish to the topic.
   */
  allowTextract(options: { startJobs?: { publisher: IRole; topic: ITopic } } = {}): this {
    const actions = ["textract:DetectDocumentText", "textract:GetDocumentTextDetection"];
    if (options.startJobs) actions.push("textract:StartDocumentTextDetection");
    this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: ["*"] }));
    if (options.startJobs) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ["iam:PassRole"],
          resources: [options.startJobs.publisher.roleArn],
          conditions: { StringEquals: { "iam:PassedToService": "textract.amazonaws.com" } },
        }),
      );
    }
    return this;
  }
}

/** DynamoDB actions on one table, and on the indexes named (each by name: no index wildcard). */
export function tableAccess(table: ITableV2, actions: DynamoDbAction[], indexes: readonly string[] = []): PolicyStatement {
  const resources = [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index}`)];
  return new PolicyStatement({ actions: actions.map((action) => `dynamodb:${action}`), resources });
}

/** Reading objects (any version) under one prefix of one bucket. */
export function readObjectsAccess(bucket: IBucket, prefix: string): PolicyStatement {
  return new PolicyStatement({ actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: [bucket.arnForObjects(`${prefix}*`)] });
}

/** What every function's Powertools reads: its service name (the function folder), the metrics namespace, the log level. */
export const powertoolsEnvironment = (name: FunctionName) => ({
  POWERTOOLS_SERVICE_NAME: name,
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  POWERTOOLS_LOG_LEVEL: "INFO",
});

/** Settings must be exactly those the handler reads; literal values must pass the handler's own checks. */
export function validateSettings(name: FunctionName, settings: Record<string, string>): void {
  const expected = new Set<string>(functionSettings[name]);
  const given = Object.keys(settings);
  const missing = [...expected].filter((key) => !given.includes(key));
  const extra = given.filter((key) => !expected.has(key));
  const invalid = given
    .filter((key) => expected.has(key) && !Token.isUnresolved(settings[key]))
    .map((key) => [key, checkSetting(key as SettingName, settings[key] as string)] as const)
    .filter(([, problem]) => problem !== null);
  const problems = [
    ...missing.map((key) => `${key} is missing`),
    ...extra.map((key) => `${key} is not read by the handler`),
    ...invalid.map(([key, problem]) => `${key}: ${problem}`),
  ];
  if (problems.length > 0) throw new Error(`Function ${name}: ${problems.join("; ")}`);
}
