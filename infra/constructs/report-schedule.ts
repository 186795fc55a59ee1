import { Duration } from "aws-cdk-lib";
import type { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { MatterIndex, MatterItemPrefix } from "../../shared/adapters/aws/table-design.ts";
import { REPORTS_PREFIX } from "../../shared/use-cases/roll-up-report.ts";
import { MATTER_STREAM } from "../topology.ts";
import { messagesWaitingAlarm } from "./alarms.ts";
import { ThadsFunction } from "./thads-function.ts";

export interface ReportScheduleProps {
  matters: ITableV2;
  analytics: ITableV2;
  reports: IBucket;
  /** EventBridge schedule expression (UTC). */
  schedule: string;
  /** Report periods both functions follow; they must agree, so one setting feeds both. */
  scheme: "statistical" | "calendar";
  logRetention: RetentionDays;
}

/**
 * The statistics: apply-matter-changes keeps the analytics table's aggregates current from the
 * matters stream; an EventBridge schedule invokes roll-up-report, which rebuilds the period's
 * report from those aggregates and exports it to the reports bucket.
 */
export class ReportSchedule extends Construct {
  readonly aggregate: ThadsFunction<"apply-matter-changes">;
  readonly failedChanges: Queue;
  readonly failedChangesAlarm: Alarm;
  readonly rollup: ThadsFunction<"roll-up-report">;
  /** Recomputes the aggregates from the matters table; invoked by hand when the failure alarm fires. */
  readonly rebuild: ThadsFunction<"rebuild-aggregates">;
  readonly rule: Rule;
  /** Schedule events EventBridge could not deliver to roll-up-report after its retries. */
  readonly missedRollups: Queue;
  readonly missedRollupsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ReportScheduleProps) {
    super(scope, id);

    this.aggregate = new ThadsFunction(this, "ApplyMatterChanges", {
      name: "apply-matter-changes",
      settings: { ANALYTICS_TABLE: props.analytics.tableName, REPORT_SCHEME: props.scheme },
      logRetention: props.logRetention,
      memorySize: 512,
      timeout: Duration.seconds(MATTER_STREAM.consumerTimeoutSeconds),
    }).allowTable(props.analytics, ["PutItem", "UpdateItem"]);

    // Where a batch goes after its retries are spent. The aggregates have then missed a change, so
    // anything arriving here is an alarm, kept for the longest time SQS allows.
    this.failedChanges = new Queue(this, "FailedMatterChanges", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // Runbook: fix the cause, let the stream catch up, then invoke the rebuild function (below) with
    // {} or {"period": "2026-H1"}, and empty the failure queue.
    this.rebuild = new ThadsFunction(this, "RebuildAggregates", {
      name: "rebuild-aggregates",
      settings: { MATTERS_TABLE: props.matters.tableName, ANALYTICS_TABLE: props.analytics.tableName, REPORT_SCHEME: props.scheme },
      logRetention: props.logRetention,
      memorySize: 1024,
      timeout: Duration.minutes(15),
    })
      .allowTable(props.matters, ["Scan"])
      .allowTable(props.analytics, ["Query", "BatchWriteItem"]);
    this.failedChangesAlarm = messagesWaitingAlarm(
      this,
      "FailedMatterChangesAlarm",
      this.failedChanges,
      `Matter changes the report aggregates could not take in are waiting in their failure queue: once the stream has caught up, invoke ${this.rebuild.functionName} and empty the queue`,
    );
    this.aggregate.addEventSource(
      new DynamoEventSource(props.matters, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: MATTER_STREAM.batchSize,
        maxBatchingWindow: Duration.seconds(MATTER_STREAM.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        retryAttempts: MATTER_STREAM.retryAttempts,
        maxRecordAge: Duration.hours(MATTER_STREAM.maxRecordAgeHours),
        onFailure: new SqsDlq(this.failedChanges),
        // Proposals change nothing in the report; only matter items wake the function.
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(MatterItemPrefix.matter) } } } })],
      }),
    );

    this.rollup = new ThadsFunction(this, "RollUpReport", {
      name: "roll-up-report",
      settings: { ANALYTICS_TABLE: props.analytics.tableName, MATTERS_TABLE: props.matters.tableName, REPORTS_BUCKET: props.reports.bucketName, REPORT_SCHEME: props.scheme },
      logRetention: props.logRetention,
      timeout: Duration.minutes(5),
    })
      .allowTable(props.analytics, ["Query"])
      // the bank-credit sheet reads the open-credit index only
      .allowTable(props.matters, ["Query"], [MatterIndex.openCredit])
      .allowWriteObjects(props.reports, REPORTS_PREFIX);
    this.missedRollups = new Queue(this, "MissedRollups", { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.missedRollupsAlarm = messagesWaitingAlarm(this, "MissedRollupsAlarm", this.missedRollups, "A scheduled report rollup could not be delivered to roll-up-report: the report in the bucket is out of date");
    this.rule = new Rule(this, "Schedule", {
      description: "Rolls up the enforcement statistics report",
      schedule: Schedule.expression(props.schedule),
      targets: [new LambdaFunction(this.rollup, { retryAttempts: 2, maxEventAge: Duration.hours(2), deadLetterQueue: this.missedRollups })],
    });
  }
}
