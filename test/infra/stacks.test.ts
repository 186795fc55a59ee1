import { existsSync } from "node:fs";
import { join } from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { nodeRuntime } from "../../infra/bundling.ts";
import { BusinessMetric, METRICS_NAMESPACE } from "../../shared/metrics.ts";
import { CASE_API_ROUTES, FUNCTION_SETTING_DEFAULTS, INTAKE_QUEUE } from "../../infra/topology.ts";
import { casesTable, MATTER_LIST_ATTRIBUTES, MatterIndex, mattersTable, tableDesigns } from "../../shared/adapters/aws/table-design.ts";
import { functionSettings } from "../../shared/config.ts";
import { synthesizeApp } from "./synthesize.ts";

const { app, stateful, stateless } = synthesizeApp();
type Resources = Record<string, { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
const statefulResources = stateful.template.toJSON().Resources as Resources;
const statelessResources = stateless.template.toJSON().Resources as Resources;

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const logicalId = (resources: Resources, type: string, prefix: string) => {
  const match = ofType(resources, type).find(([id]) => id.startsWith(prefix));
  if (!match) throw new Error(`no ${type} ${prefix}`);
  return match[0];
};

/** Every (action, resource) an IAM role is allowed, from the inline policies attached to it. */
function permissionsOf(roleId: string): { actions: string[]; resources: string[] }[] {
  return ofType(statelessResources, "AWS::IAM::Policy")
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .map((statement) => ({
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat().map((resource) => JSON.stringify(resource)),
    }));
}

function roleOfFunction(prefix: string): string {
  const fn = statelessResources[logicalId(statelessResources, "AWS::Lambda::Function", prefix)];
  return fn?.Properties.Role["Fn::GetAtt"][0];
}

/** Actions a function may take on resources whose reference mentions `target` (e.g. the stateful stack output of a table's ARN). */
function actionsOn(functionPrefix: string, target: string): string[] {
  return permissionsOf(roleOfFunction(functionPrefix))
    .filter((statement) => statement.resources.some((resource) => resource.includes(target)))
    .flatMap((statement) => statement.actions)
    .sort();
}

describe("stateful stack", () => {
  it("keeps data stores and the user pool only, all retained when the stack goes (and the console's distribution, whose origin the uploads bucket's CORS names)", () => {
    expect(new Set(Object.values(statefulResources).map((resource) => resource.Type))).toEqual(
      new Set([
        "AWS::S3::Bucket",
        "AWS::S3::BucketPolicy",
        "AWS::DynamoDB::GlobalTable",
        "AWS::Cognito::UserPool",
        "AWS::Cognito::UserPoolGroup",
        "AWS::Cognito::UserPoolClient",
        "AWS::CloudFront::Distribution",
        "AWS::CloudFront::OriginAccessControl",
        "AWS::CloudFront::ResponseHeadersPolicy",
      ]),
    );
    for (const [, resource] of [...ofType(statefulResources, "AWS::S3::Bucket"), ...ofType(statefulResources, "AWS::DynamoDB::GlobalTable"), ...ofType(statefulResources, "AWS::Cognito::UserPool")]) {
      expect(resource.DeletionPolicy).toBe("Retain");
      expect(resource.UpdateReplacePolicy).toBe("Retain");
    }
  });

  it("lets only administrators make users, with strong passwords, required TOTP MFA, threat protection and deletion protection", () => {
    const [[, pool]] = ofType(statefulResources, "AWS::Cognito::UserPool") as [[string, Resources[string]]];
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      DeletionProtection: "ACTIVE",
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
      Schema: expect.arrayContaining([expect.objectContaining({ Name: "courtId", AttributeDataType: "String" }), expect.objectContaining({ Name: "unitId", AttributeDataType: "String" })]),
    });
  });

  it("has one group per role: court, staff, leader", () => {
    expect(ofType(statefulResources, "AWS::Cognito::UserPoolGroup").map(([, group]) => group.Properties.GroupName).sort()).toEqual(["court", "leader", "staff"]);
  });

  it("gives the console a public client that signs in with SRP or a password, reads the court and unit attributes and cannot write them", () => {
    const [[, client]] = ofType(statefulResources, "AWS::Cognito::UserPoolClient") as [[string, Resources[string]]];
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ExplicitAuthFlows.sort()).toEqual(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"]);
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(["custom:courtId", "custom:unitId"]));
    expect(client.Properties.WriteAttributes).toEqual(["locale"]);
    expect(client.Properties.PreventUserExistenceErrors).toBe("ENABLED");
  });

  it("encrypts every bucket, blocks public access and refuses plain HTTP", () => {
    const buckets = ofType(statefulResources, "AWS::S3::Bucket");
    // uploads, reports, the console's files, access logs
    expect(buckets).toHaveLength(4);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }]);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
    for (const [, policy] of ofType(statefulResources, "AWS::S3::BucketPolicy")) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
      );
    }
  });

  it("versions uploads and reports and logs access to both", () => {
    for (const id of ["UploadsBucket", "ReportsBucket"]) {
      const bucket = statefulResources[logicalId(statefulResources, "AWS::S3::Bucket", id)];
      expect(bucket?.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
      expect(bucket?.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(statefulResources, "AWS::S3::Bucket", "AccessLogsBucket") });
    }
  });

  it("builds each table from the shared design: keys, indexes, TTL", () => {
    for (const design of tableDesigns) {
      const table = statefulResources[logicalId(statefulResources, "AWS::DynamoDB::GlobalTable", design.id)];
      expect(table?.Properties.KeySchema).toEqual([
        { AttributeName: design.partitionKey.name, KeyType: "HASH" },
        ...(design.sortKey ? [{ AttributeName: design.sortKey.name, KeyType: "RANGE" }] : []),
      ]);
      expect((table?.Properties.GlobalSecondaryIndexes ?? []).map((index: { IndexName: string }) => index.IndexName)).toEqual(design.indexes.map((index) => index.indexName));
      if (design.timeToLiveAttribute) expect(table?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: design.timeToLiveAttribute, Enabled: true });
      expect(table?.Properties.StreamSpecification).toEqual(design.stream ? { StreamViewType: design.stream } : undefined);
    }
    const cases = statefulResources[logicalId(statefulResources, "AWS::DynamoDB::GlobalTable", casesTable.id)];
    expect(cases?.Properties.GlobalSecondaryIndexes[0].Projection).toEqual({ ProjectionType: "INCLUDE", NonKeyAttributes: [...casesTable.indexes[0]!.projected] });
  });

  it("projects into the matters indexes what a worklist row shows, never the audit trail", () => {
    const matters = statefulResources[logicalId(statefulResources, "AWS::DynamoDB::GlobalTable", mattersTable.id)];
    const indexes = matters?.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: { AttributeName: string }[]; Projection: { NonKeyAttributes: string[] } }[];
    expect(indexes.map((index) => [index.IndexName, index.KeySchema.map((key) => key.AttributeName)])).toEqual([
      [MatterIndex.unit, ["unitPk", "openedSk"]],
      [MatterIndex.unitState, ["unitStatePk", "openedSk"]],
      [MatterIndex.executor, ["executorPk", "openedSk"]],
      [MatterIndex.openCredit, ["creditPk", "creditSk"]],
    ]);
    for (const index of indexes) {
      expect(index.Projection).toEqual({ ProjectionType: "INCLUDE", NonKeyAttributes: [...MATTER_LIST_ATTRIBUTES] });
      expect(index.Projection.NonKeyAttributes).not.toContain("events");
    }
  });

  it("publishes every change to a matter, with both images, to the stream the aggregates follow", () => {
    const matters = statefulResources[logicalId(statefulResources, "AWS::DynamoDB::GlobalTable", mattersTable.id)];
    expect(matters?.Properties.StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it("protects tables: on-demand, KMS encryption, point-in-time recovery, deletion protection", () => {
    stateful.template.allResourcesProperties("AWS::DynamoDB::GlobalTable", {
      BillingMode: "PAY_PER_REQUEST",
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
  });
});

describe("stateless stack", () => {
  const functions = ofType(statelessResources, "AWS::Lambda::Function").filter(([, fn]) => fn.Properties.Runtime?.startsWith("nodejs"));
  // recognize-page runs from a container image (test/infra/ocr-pipeline.test.ts); the others are zip bundles.
  const zipFunctions = Object.entries(functionSettings).filter(([name]) => name !== "recognize-page");

  it("holds no data stores", () => {
    expect(Object.values(statelessResources).filter((resource) => /^AWS::(S3::Bucket|DynamoDB::)/.test(resource.Type))).toEqual([]);
  });

  it("runs every handler on the pinned Node.js 22 runtime, ARM64, with X-Ray tracing and its own retained-for-90-days log group", () => {
    expect(functions).toHaveLength(zipFunctions.length);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: nodeRuntime.name, Architectures: ["arm64"], TracingConfig: { Mode: "Active" }, Handler: "index.handler" });
      const logGroup = statelessResources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup).toMatchObject({ Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 90 } });
    }
    expect(nodeRuntime.name).toBe("nodejs22.x");
  });

  it("gives each function exactly the settings its handler reads", () => {
    for (const [name, settings] of zipFunctions) {
      const fn = functions.find(([, candidate]) => candidate.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === name);
      expect(Object.keys(fn?.[1].Properties.Environment.Variables ?? {}).filter((key) => !key.startsWith("POWERTOOLS_")).sort()).toEqual([...settings].sort());
    }
  });

  it("bundled every handler locally with esbuild into one minified ES module", () => {
    const assembly = app.synth();
    for (const [, fn] of functions) {
      const assetHash = fn.Properties.Code.S3Key.replace(/\.zip$/, "");
      expect(existsSync(join(assembly.directory, `asset.${assetHash}`, "index.mjs"))).toBe(true);
    }
  });

  it("feeds S3 uploads under courts/ to the intake queue, which moves a message to its dead-letter queue after 5 failed deliveries", () => {
    const queue = logicalId(statelessResources, "AWS::SQS::Queue", "IntakeQueue");
    stateless.template.hasResourceProperties("Custom::S3BucketNotifications", {
      NotificationConfiguration: {
        QueueConfigurations: [{ Events: ["s3:ObjectCreated:*"], Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "courts/" }] } }, QueueArn: { "Fn::GetAtt": [queue, "Arn"] } }],
      },
    });
    expect(statelessResources[queue]?.Properties).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [logicalId(statelessResources, "AWS::SQS::Queue", "IntakeDeadLetters"), "Arn"] }, maxReceiveCount: 5 },
      VisibilityTimeout: 540,
      MaximumMessageSize: 262144,
    });
  });

  it("encrypts every queue and refuses plain HTTP on each", () => {
    stateless.template.allResourcesProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true });
    for (const [, policy] of ofType(statelessResources, "AWS::SQS::QueuePolicy")) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }));
    }
  });

  it("lets only the uploads bucket send to the intake queue", () => {
    const policy = ofType(statelessResources, "AWS::SQS::QueuePolicy").find(([, candidate]) => JSON.stringify(candidate.Properties.Queues).includes("IntakeQueue"));
    expect(policy?.[1].Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Condition: { ArnLike: { "aws:SourceArn": expect.anything() } } }),
    );
  });

  it("reports partial batch failures from both queue consumers, with bounded concurrency", () => {
    stateless.template.resourcePropertiesCountIs(
      "AWS::Lambda::EventSourceMapping",
      { BatchSize: 5, FunctionResponseTypes: ["ReportBatchItemFailures"], ScalingConfig: { MaximumConcurrency: 5 } },
      2,
    );
  });

  it("alarms as soon as a message lands in a dead-letter queue (intake, OCR pages, completions), the stream's failure queue or the schedule's", () => {
    stateless.template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", { MetricName: "ApproximateNumberOfMessagesVisible", Threshold: 0, ComparisonOperator: "GreaterThanThreshold" }, 5);
  });

  it("feeds only opened matters from the matters stream to the aggregates, reporting partial failures and parking batches that keep failing", () => {
    const mapping = ofType(statelessResources, "AWS::Lambda::EventSourceMapping").find(([, candidate]) => JSON.stringify(candidate.Properties.EventSourceArn).includes("StreamArn"));
    expect(mapping?.[1].Properties).toMatchObject({
      FunctionName: { Ref: logicalId(statelessResources, "AWS::Lambda::Function", "ReportsApplyMatterChanges") },
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 100,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [logicalId(statelessResources, "AWS::SQS::Queue", "ReportsFailedMatterChanges"), "Arn"] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: [{ prefix: "MATTER#" }] } } } }) }] },
    });
  });

  it("has Textract report to an encrypted, TLS-only topic through a role only Textract of this account can assume", () => {
    const topic = statelessResources[logicalId(statelessResources, "AWS::SNS::Topic", "IntakeTextractCompletionTopic")];
    expect(JSON.stringify(topic?.Properties.KmsMasterKeyId)).toContain(":alias/aws/sns");
    stateless.template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "sqs", Endpoint: { "Fn::GetAtt": [logicalId(statelessResources, "AWS::SQS::Queue", "IntakeTextractCompletionsQueue"), "Arn"] } });
    const publisher = logicalId(statelessResources, "AWS::IAM::Role", "IntakeTextractPublisherRole");
    expect(statelessResources[publisher]?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "textract.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } } },
    ]);
    expect(permissionsOf(publisher)).toEqual([{ actions: ["sns:Publish"], resources: [JSON.stringify({ Ref: logicalId(statelessResources, "AWS::SNS::Topic", "IntakeTextractCompletionTopic") })] }]);
  });

  it("puts every API route behind the user pool's JWT authoriser and logs each request without its query string", () => {
    const routes = ofType(statelessResources, "AWS::ApiGatewayV2::Route").map(([, route]) => route.Properties);
    expect(routes.map((route) => route.RouteKey).sort()).toEqual([
      "GET /cases",
      "GET /cases/{caseId}",
      "GET /cases/{caseId}/matters",
      "GET /cases/{caseId}/original",
      "GET /credit-cases",
      "GET /matters",
      "GET /matters/{matterId}",
      "GET /reports/{period}",
      "GET /reports/{period}/exports/{format}",
      "GET /review-queue",
      "GET /uploads",
      "PATCH /cases/{caseId}",
      "POST /cases/{caseId}/matters",
      "POST /cases/{caseId}/proposals",
      "POST /cases/{caseId}/proposals/merge",
      "POST /cases/{caseId}/proposals/split",
      "POST /matters/{matterId}/obstacles",
      "POST /matters/{matterId}/steps",
      "POST /upload-urls",
    ]);
    const authorizers = ofType(statelessResources, "AWS::ApiGatewayV2::Authorizer");
    expect(authorizers).toHaveLength(1);
    const [[authorizerId, authorizer]] = authorizers as [[string, Resources[string]]];
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: "JWT", IdentitySource: ["$request.header.Authorization"] });
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration)).toMatch(/ConsoleClient/);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toMatch(/cognito-idp\..*Users/);
    for (const route of routes) expect(route).toMatchObject({ AuthorizationType: "JWT", AuthorizerId: { Ref: authorizerId } });
    const stage = ofType(statelessResources, "AWS::ApiGatewayV2::Stage")[0]?.[1].Properties;
    expect(stage).toMatchObject({ StageName: "$default", DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
    expect(JSON.parse(stage?.AccessLogSettings.Format)).toMatchObject({ requestId: "$context.requestId", status: "$context.status", caller: "$context.authorizer.claims.sub" });
    expect(stage?.AccessLogSettings.Format).not.toMatch(/querystring|rawQueryString/i);
  });

  it("deploys the route table, queue settings and setting defaults the local stack also reads (infra/topology.ts)", () => {
    const routeKeys = ofType(statelessResources, "AWS::ApiGatewayV2::Route").map(([, route]) => route.Properties.RouteKey as string);
    expect(routeKeys.sort()).toEqual(CASE_API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    stateless.template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", { BatchSize: INTAKE_QUEUE.batchSize, ScalingConfig: { MaximumConcurrency: INTAKE_QUEUE.maxConcurrency } }, 2);
    expect(statelessResources[logicalId(statelessResources, "AWS::SQS::Queue", "IntakeQueue")]?.Properties).toMatchObject({
      RedrivePolicy: { maxReceiveCount: INTAKE_QUEUE.maxReceiveCount },
      VisibilityTimeout: INTAKE_QUEUE.consumerTimeoutSeconds * INTAKE_QUEUE.visibilityTimeoutFactor,
    });
    const upload = statelessResources[logicalId(statelessResources, "AWS::Lambda::Function", "CaseApiCreateUploadUrl")];
    expect(upload?.Properties.Environment.Variables).toMatchObject({ UPLOAD_MAX_BYTES: String(FUNCTION_SETTING_DEFAULTS.uploadMaxBytes), UPLOAD_URL_TTL_SECONDS: String(FUNCTION_SETTING_DEFAULTS.uploadUrlTtlSeconds) });
  });

  it("grants no IAM caller the API: no policy allows execute-api", () => {
    expect(JSON.stringify(statelessResources)).not.toContain("execute-api:Invoke");
  });

  it("runs the report rollup on the configured schedule, retrying a failed invocation twice", () => {
    stateless.template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(0 19 * * ? *)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [logicalId(statelessResources, "AWS::Lambda::Function", "ReportsRollUpReport"), "Arn"] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 } })],
    });
  });
});

describe("operability", () => {
  const alarms = ofType(statelessResources, "AWS::CloudWatch::Alarm").map(([, alarm]) => alarm.Properties);
  const functionIds = ofType(statelessResources, "AWS::Lambda::Function")
    // the zip functions and the container one (recognize-page)
    .filter(([, fn]) => fn.Properties.Runtime?.startsWith("nodejs") || fn.Properties.PackageType === "Image")
    .map(([id]) => id);
  const alarmedFunctions = (metricName: string) =>
    alarms.filter((alarm) => alarm.Namespace === "AWS/Lambda" && alarm.MetricName === metricName && alarm.Threshold === 0).map((alarm) => alarm.Dimensions[0].Value.Ref).sort();

  it("alarms on the first error and the first throttle of every function", () => {
    expect(alarmedFunctions("Errors")).toEqual([...functionIds].sort());
    expect(alarmedFunctions("Throttles")).toEqual([...functionIds].sort());
  });

  it("alarms when the oldest message of any intake queue (documents, OCR pages, Textract completions) has waited more than an hour", () => {
    const aged = alarms.filter((alarm) => alarm.MetricName === "ApproximateAgeOfOldestMessage");
    expect(aged.map((alarm) => alarm.Threshold)).toEqual([3600, 3600, 3600]);
    expect(aged.map((alarm) => JSON.stringify(alarm.Dimensions)).join()).toContain(logicalId(statelessResources, "AWS::SQS::Queue", "IntakeQueue"));
  });

  it("keeps schedule events it could not deliver to roll-up-report in an encrypted dead-letter queue", () => {
    const queue = logicalId(statelessResources, "AWS::SQS::Queue", "ReportsMissedRollups");
    stateless.template.hasResourceProperties("AWS::Events::Rule", { Targets: [Match.objectLike({ DeadLetterConfig: { Arn: { "Fn::GetAtt": [queue, "Arn"] } } })] });
    expect(statelessResources[queue]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it("has a dashboard with the business metrics the functions emit and every alarm", () => {
    const dashboards = ofType(statelessResources, "AWS::CloudWatch::Dashboard");
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.[1].Properties.DashboardBody);
    for (const metric of Object.values(BusinessMetric)) {
      if (metric !== BusinessMetric.matterChangesRepeated) expect(body).toContain(`\\"${metric}\\"`);
    }
    expect(body).toContain(`\\"${METRICS_NAMESPACE}\\"`);
    for (const [id] of ofType(statelessResources, "AWS::CloudWatch::Alarm")) expect(body).toContain(id);
  });

  it("outputs the API's URL and the dashboard's", () => {
    const outputs = stateless.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const api = Object.entries(outputs).find(([id]) => id.startsWith("OperationsApiUrl"));
    const dashboard = Object.entries(outputs).find(([id]) => id.startsWith("OperationsDashboardUrl"));
    expect(JSON.stringify(api?.[1].Value)).toContain(logicalId(statelessResources, "AWS::ApiGatewayV2::Api", "CaseApi"));
    expect(JSON.stringify(dashboard?.[1].Value)).toContain("console.aws.amazon.com/cloudwatch/home?region=ap-southeast-1#dashboards:name=");
  });
});

describe("least privilege", () => {
  // the functions' policies; not CDK's own bucket-deployment function that copies the console's build (its grants are CDK's, acknowledged in infra/nag.ts)
  const policies = [...ofType(statelessResources, "AWS::IAM::Policy"), ...ofType(statelessResources, "AWS::IAM::ManagedPolicy")].filter(([id]) => !id.startsWith("CustomCDKBucketDeployment"));
  const statements = policies.flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);

  it("never grants a wildcard action", () => {
    for (const statement of statements) for (const action of [statement.Action].flat()) expect(action).not.toContain("*");
  });

  it("uses resource '*' only for actions that have no resource-level permissions", () => {
    const unscoped = statements.filter((statement) => [statement.Resource].flat().includes("*")).flatMap((statement) => [statement.Action].flat());
    const ours = unscoped.filter((action) => !action.startsWith("s3:PutBucketNotification"));
    // complete-textract-job's; ingest-document calls Textract only when it is the engine chosen (ocr-pipeline.test.ts).
    expect(new Set(ours)).toEqual(new Set(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "textract:DetectDocumentText", "textract:GetDocumentTextDetection"]));
  });

  it("scopes each function to the tables, indexes and prefixes it uses, with the actions it needs", () => {
    expect(actionsOn("CaseApiSearchCases", "FnGetAttCases")).toEqual(["dynamodb:BatchGetItem", "dynamodb:Query"]);
    expect(actionsOn("CaseApiGetCase", "FnGetAttCases")).toEqual(["dynamodb:GetItem", "dynamodb:Query"]);
    // the correction notice
    expect(actionsOn("CaseApiGetCase", "FnGetAttMatters")).toEqual(["dynamodb:GetItem"]);
    expect(actionsOn("CaseApiCorrectCase", "FnGetAttCases")).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]);
    expect(actionsOn("CaseApiListReviewQueue", "FnGetAttCases")).toEqual(["dynamodb:BatchGetItem", "dynamodb:Query"]);
    expect(actionsOn("CaseApiListUploads", "FnGetAttCases")).toEqual(["dynamodb:BatchGetItem", "dynamodb:Query"]);
    expect(permissionsOf(roleOfFunction("CaseApiListUploads")).flatMap((statement) => statement.resources).some((resource) => resource.includes("/index/"))).toBe(false);
    expect(actionsOn("CaseApiGetOriginalUrl", "FnGetAttCases")).toEqual(["dynamodb:GetItem"]);
    expect(actionsOn("CaseApiGetOriginalUrl", "FnGetAttUploadsBucket")).toEqual(["s3:GetObject", "s3:GetObjectVersion"]);
    expect(actionsOn("CaseApiCreateUploadUrl", "FnGetAttUploadsBucket")).toEqual(["s3:PutObject"]);
    expect(actionsOn("IntakeIngestDocument", "FnGetAttIdempotency")).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]);
    expect(actionsOn("IntakeIngestDocument", "FnGetAttUploadsBucket")).toEqual(["s3:GetObject", "s3:GetObjectVersion"]);
    expect(actionsOn("ReportsRollUpReport", "FnGetAttReportsBucket")).toEqual(["s3:PutObject"]);
    expect(actionsOn("ReportsRollUpReport", "FnGetAttAnalytics")).toEqual(["dynamodb:Query"]);
    // the bank-credit sheet, from the open-credit index
    expect(actionsOn("ReportsRollUpReport", "FnGetAttMatters")).toEqual(["dynamodb:Query"]);
    expect(actionsOn("ReportsRollUpReport", "FnGetAttCases")).toEqual([]);
    expect(actionsOn("ReportsApplyMatterChanges", "FnGetAttAnalytics")).toEqual(["dynamodb:PutItem", "dynamodb:UpdateItem"]);
    // On the matters table, only its stream: reading changes, never items.
    expect(actionsOn("ReportsApplyMatterChanges", "FnGetAttMatters")).toEqual(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]);
    expect(permissionsOf(roleOfFunction("ReportsApplyMatterChanges")).flatMap((statement) => statement.resources).filter((resource) => resource.includes("FnGetAttMatters")).every((resource) => resource.includes("StreamArn"))).toBe(true);
    expect(actionsOn("IntakeIngestDocument", "FnGetAttMatters")).toEqual(["dynamodb:PutItem"]);
    expect(actionsOn("IntakeCompleteTextractJob", "FnGetAttMatters")).toEqual(["dynamodb:PutItem"]);
    expect(actionsOn("CaseApiListCaseMatters", "FnGetAttMatters")).toEqual(["dynamodb:Query"]);
    expect(actionsOn("CaseApiOpenMatter", "FnGetAttMatters")).toEqual(["dynamodb:PutItem", "dynamodb:Query"]);
    expect(actionsOn("CaseApiGetMatter", "FnGetAttMatters")).toEqual(["dynamodb:GetItem"]);
    expect(actionsOn("CaseApiRecordMatterStep", "FnGetAttMatters")).toEqual(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]);
    // the report routes read the aggregates only; exports go under exports/ of the reports bucket
    expect(actionsOn("CaseApiGetReport", "FnGetAttAnalytics")).toEqual(["dynamodb:Query"]);
    expect(actionsOn("CaseApiExportReport", "FnGetAttAnalytics")).toEqual(["dynamodb:Query"]);
    expect(actionsOn("CaseApiExportReport", "FnGetAttReportsBucket")).toEqual(["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"]);
    for (const fn of ["CaseApiGetReport", "CaseApiExportReport"]) expect([...actionsOn(fn, "FnGetAttMatters"), ...actionsOn(fn, "FnGetAttCases")]).toEqual([]);
    // the rebuild reads every matter and rewrites the aggregates, nothing else
    expect(actionsOn("ReportsRebuildAggregates", "FnGetAttMatters")).toEqual(["dynamodb:Scan"]);
    expect(actionsOn("ReportsRebuildAggregates", "FnGetAttAnalytics")).toEqual(["dynamodb:BatchWriteItem", "dynamodb:Query"]);
    expect(actionsOn("ReportsRebuildAggregates", "FnGetAttCases")).toEqual([]);
    const replaceProposals = ["dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Query"];
    expect(actionsOn("CaseApiSplitProposal", "FnGetAttMatters")).toEqual(replaceProposals);
    expect(actionsOn("CaseApiMergeProposals", "FnGetAttMatters")).toEqual(replaceProposals);
    // a correction derives the unopened proposals again
    expect(actionsOn("CaseApiCorrectCase", "FnGetAttMatters")).toEqual(replaceProposals);
    expect(actionsOn("CaseApiAddProposal", "FnGetAttMatters")).toEqual(["dynamodb:PutItem", "dynamodb:Query"]);
    expect(actionsOn("CaseApiAddProposal", "FnGetAttCases")).toEqual(["dynamodb:GetItem"]);
    expect(actionsOn("CaseApiNoteMatterObstacle", "FnGetAttMatters")).toEqual(["dynamodb:UpdateItem"]);
    expect(actionsOn("CaseApiListMatters", "FnGetAttMatters")).toEqual(["dynamodb:Query"]);
    expect(actionsOn("CaseApiListCreditCases", "FnGetAttMatters")).toEqual(["dynamodb:Query"]);
    // the matter routes never touch cases
    for (const fn of ["CaseApiListCaseMatters", "CaseApiOpenMatter", "CaseApiGetMatter", "CaseApiRecordMatterStep", "CaseApiSplitProposal", "CaseApiMergeProposals", "CaseApiListMatters", "CaseApiNoteMatterObstacle", "CaseApiListCreditCases"]) {
      expect(actionsOn(fn, "FnGetAttCases")).toEqual([]);
    }
  });

  it("names each table and index a function reads, never another table's or all indexes", () => {
    const searchResources = permissionsOf(roleOfFunction("CaseApiSearchCases")).flatMap((statement) => statement.resources).filter((resource) => resource.includes("GetStackOutput"));
    expect(searchResources.every((resource) => resource.includes("FnGetAttCases"))).toBe(true);
    expect(searchResources.filter((resource) => resource.includes("/index/")).map((resource) => /\/index\/(\w+)/.exec(resource)?.[1]).sort()).toEqual(casesTable.indexes.map((index) => index.indexName).sort());
    const queueResources = permissionsOf(roleOfFunction("CaseApiListReviewQueue")).flatMap((statement) => statement.resources).filter((resource) => resource.includes("/index/"));
    expect(queueResources.map((resource) => /\/index\/(\w+)/.exec(resource)?.[1])).toEqual(["ByStatusReceived"]);
    expect(permissionsOf(roleOfFunction("CaseApiGetCase")).flatMap((statement) => statement.resources).some((resource) => resource.includes("/index/"))).toBe(false);
  });

  it("lets worklists query the unit, unit-state and executor indexes, and the bank-credit list and its sheet only the open-credit index", () => {
    const indexesOf = (fn: string) =>
      permissionsOf(roleOfFunction(fn))
        .flatMap((statement) => statement.resources)
        .filter((resource) => resource.includes("FnGetAttMatters") && resource.includes("/index/"))
        .map((resource) => /\/index\/(\w+)/.exec(resource)?.[1])
        .sort();
    expect(indexesOf("CaseApiListMatters")).toEqual([MatterIndex.executor, MatterIndex.unit, MatterIndex.unitState].sort());
    expect(indexesOf("CaseApiListCreditCases")).toEqual([MatterIndex.openCredit]);
    expect(indexesOf("ReportsRollUpReport")).toEqual([MatterIndex.openCredit]);
  });

  it("with Tesseract, the default engine, lets the ingest function neither call Textract nor pass its publisher role", () => {
    const actions = permissionsOf(roleOfFunction("IntakeIngestDocument")).flatMap((statement) => statement.actions);
    expect(actions.filter((action) => action.startsWith("textract:") || action === "iam:PassRole")).toEqual([]);
    expect(actionsOn("CaseApiSearchCases", "TextractPublisher")).toEqual([]);
  });
});
