/**
 * cdk-nag AwsSolutions checks, with the findings this project accepts on purpose, each with its
 * reason. Wildcard findings are accepted only on evidence: every statement granting the flagged
 * resource must consist of actions that need it (checked when the checks run, on the resolved policy).
 */
import { Stack, Validations, type PolicyValidationPluginReport } from "aws-cdk-lib";
import { CfnDistribution } from "aws-cdk-lib/aws-cloudfront";
import { CfnRule } from "aws-cdk-lib/aws-events";
import { CfnManagedPolicy, CfnPolicy } from "aws-cdk-lib/aws-iam";
import { CfnEventSourceMapping, CfnFunction } from "aws-cdk-lib/aws-lambda";
import { CfnQueue } from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks } from "cdk-nag";
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";
import { nodeRuntime } from "./bundling.ts";

interface AcceptedWildcard {
  reason: string;
  accepts(actions: readonly string[], resource: string): boolean;
}

const ACTIONS_WITHOUT_RESOURCES = new Set([
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "textract:DetectDocumentText",
  "textract:StartDocumentTextDetection",
  "textract:GetDocumentTextDetection",
]);
const OBJECT_ACTIONS = new Set(["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"]);

export const ACCEPTED_WILDCARDS: readonly AcceptedWildcard[] = [
  {
    reason:
      "X-Ray trace upload (active tracing) and Textract text detection support no resource-level permissions, so IAM requires resource '*'; the statement names each action.",
    accepts: (actions, resource) => resource === "*" && actions.every((action) => ACTIONS_WITHOUT_RESOURCES.has(action)),
  },
  {
    reason:
      "Object-level S3 permissions name objects by pattern; this one is limited to the single prefix the function works in (courts/ uploads, reports/ scheduled or exports/ on-demand report files) of one bucket, with named object actions.",
    accepts: (actions, resource) => /\/(courts|reports|exports)\/\*$/.test(resource) && actions.every((action) => OBJECT_ACTIONS.has(action)),
  },
];

const CDK_NOTIFICATIONS_HANDLER = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";
/** CDK's singleton function behind BucketDeployment (the console's files), named Custom::CDKBucketDeployment<hash>. */
const CDK_BUCKET_DEPLOYMENT_HANDLER = /^Custom::CDKBucketDeployment[0-9A-F]{32}/i;

/** Why the console's CloudFront distribution runs without WAF and on CloudFront's own certificate. */
export const CONSOLE_DISTRIBUTION_REASONS = {
  "AwsSolutions-CFR2":
    "The distribution serves only the console's static files (no data, no forms it processes); every data request goes to the HTTP API, which authorises each one with the user pool and throttles. A web ACL for CloudFront lives in us-east-1 and can be added with the deployment's custom domain.",
  "AwsSolutions-CFR4":
    "The console is served on CloudFront's own *.cloudfront.net certificate (viewers redirected to HTTPS) until the deployment names a custom domain with its ACM certificate, with which the distribution can require TLSv1.2; CloudFront's certificate cannot.",
} as const;

/** Why CDK's bucket-deployment function keeps CDK's own role and runtime. */
export const BUCKET_DEPLOYMENT_REASONS = {
  "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]":
    "CDK's own deploy-time function that copies the console's build into its bucket; CDK gives its role the AWS basic execution policy and offers no way to replace it.",
  "AwsSolutions-IAM5[*]":
    "CDK's bucket-deployment function reads the build from CDK's asset bucket and replaces the console bucket's objects (s3:GetObject*, s3:List*, s3:DeleteObject* on those two buckets only), and invalidates the distribution's cache, which CloudFront allows only on resource '*'.",
  "AwsSolutions-L1": "CDK's bucket-deployment function runs the runtime CDK chose for it (a deploy-time custom resource, not part of the application); it changes with aws-cdk-lib.",
} as const;

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function acknowledgeWildcards(policy: CfnPolicy | CfnManagedPolicy): void {
  const document = Stack.of(policy).resolve(policy.policyDocument) as { Statement?: Statement[] };
  const actionsByResource = new Map<string, string[]>();
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== "Allow") continue;
    for (const resource of asArray(statement.Resource).map(flattenCfnReference)) {
      if (!resource.includes("*")) continue;
      actionsByResource.set(resource, [...(actionsByResource.get(resource) ?? []), ...asArray(statement.Action)]);
    }
  }
  for (const [resource, actions] of actionsByResource) {
    const accepted = ACCEPTED_WILDCARDS.find((candidate) => candidate.accepts(actions, resource));
    if (accepted) Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason: accepted.reason });
  }
}

/** Every wildcard action and resource a policy allows, as cdk-nag names its IAM5 findings. */
function wildcardFindings(policy: CfnPolicy): string[] {
  const document = Stack.of(policy).resolve(policy.policyDocument) as { Statement?: Statement[] };
  const findings = new Set<string>();
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== "Allow") continue;
    for (const action of asArray(statement.Action)) if (action.includes("*")) findings.add(`Action::${action}`);
    for (const resource of asArray(statement.Resource).map(flattenCfnReference)) if (resource.includes("*")) findings.add(`Resource::${resource}`);
  }
  return [...findings];
}

/** Why the functions do not follow the newest Node.js runtime aws-cdk-lib offers. */
export const PINNED_RUNTIME_REASON =
  "The Lambda runtime is pinned on purpose (infra/bundling.ts): moving to a newer Node.js is a deliberate change with its own tests and bundle target, not a side effect of upgrading aws-cdk-lib.";

type QueueArn = { "Fn::GetAtt"?: [string, string] } | undefined;

/**
 * Logical ids of the queues that are themselves where failures land: the queues event source mappings
 * send failed batches to (Lambda on-failure destinations) and EventBridge rule targets' dead-letter queues.
 */
function failureDestinations(root: IConstruct): Set<string> {
  const ids = new Set<string>();
  for (const construct of root.node.findAll()) {
    if (construct instanceof CfnEventSourceMapping) {
      const config = Stack.of(construct).resolve(construct.destinationConfig) as { onFailure?: { destination?: QueueArn } } | undefined;
      const target = config?.onFailure?.destination?.["Fn::GetAtt"]?.[0];
      if (target) ids.add(target);
    }
    if (construct instanceof CfnRule) {
      const targets = (Stack.of(construct).resolve(construct.targets) ?? []) as { deadLetterConfig?: { arn?: QueueArn } }[];
      for (const target of targets) {
        const queue = target.deadLetterConfig?.arn?.["Fn::GetAtt"]?.[0];
        if (queue) ids.add(queue);
      }
    }
  }
  return ids;
}

function acknowledgeAcceptedFindings(root: IConstruct): void {
  const destinations = failureDestinations(root);
  for (const construct of root.node.findAll()) {
    if (construct instanceof CfnQueue && destinations.has(Stack.of(construct).getLogicalId(construct))) {
      Validations.of(construct).acknowledge({
        id: "AwsSolutions-SQS3",
        reason:
          "This queue is itself a dead-letter destination (of a stream event source mapping or a schedule target: failures land here, with an alarm); a queue behind it would only move messages nobody reads.",
      });
    }
    if (construct instanceof CfnPolicy || construct instanceof CfnManagedPolicy) acknowledgeWildcards(construct);
    if (construct instanceof CfnFunction && construct.runtime === nodeRuntime.name) {
      Validations.of(construct).acknowledge({ id: "AwsSolutions-L1", reason: PINNED_RUNTIME_REASON });
    }
    if (CDK_BUCKET_DEPLOYMENT_HANDLER.test(construct.node.id)) {
      const { "AwsSolutions-IAM5[*]": wildcards, ...others } = BUCKET_DEPLOYMENT_REASONS;
      for (const [id, reason] of Object.entries(others)) Validations.of(construct).acknowledge({ id, reason });
      for (const policy of construct.node.findAll().filter((child): child is CfnPolicy => child instanceof CfnPolicy)) {
        for (const finding of wildcardFindings(policy)) Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: wildcards });
      }
    }
    if (construct instanceof CfnDistribution) {
      for (const [id, reason] of Object.entries(CONSOLE_DISTRIBUTION_REASONS)) Validations.of(construct).acknowledge({ id, reason });
    }
    if (construct.node.id === CDK_NOTIFICATIONS_HANDLER) {
      Validations.of(construct).acknowledge({
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason:
          "CDK's own deploy-time handler that writes the uploads bucket's notification configuration; CDK gives its role the AWS basic execution policy and offers no way to replace it.",
      });
    }
  }
}

/** AwsSolutions checks that first acknowledge the accepted findings above, reading the policies as synthesized. */
export class ThadsNagChecks extends AwsSolutionsChecks {
  constructor(scope: IConstruct) {
    super(scope, { verbose: true });
  }

  override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    acknowledgeAcceptedFindings(scope);
    return super.validateScope(scope);
  }
}
