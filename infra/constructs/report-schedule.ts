import { Duration } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { CaseIndex } from "../../shared/adapters/aws/table-design.ts";
import { ThadsFunction } from "./thads-function.ts";

export interface ReportScheduleProps {
  cases: ITableV2;
  analytics: ITableV2;
  reports: IBucket;
  /** EventBridge schedule expression (UTC). */
  schedule: string;
  logRetention: RetentionDays;
}

/** Where report exports are written in the reports bucket. */
export const REPORTS_PREFIX = "reports/";

/** The statistics rollup: an EventBridge schedule invokes roll-up-report, which reads cases and writes snapshots and exports. */
export class ReportSchedule extends Construct {
  readonly rollup: ThadsFunction<"roll-up-report">;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ReportScheduleProps) {
    super(scope, id);
    this.rollup = new ThadsFunction(this, "RollUpReport", {
      name: "roll-up-report",
      settings: { CASES_TABLE: props.cases.tableName, ANALYTICS_TABLE: props.analytics.tableName, REPORTS_BUCKET: props.reports.bucketName },
      logRetention: props.logRetention,
      timeout: Duration.minutes(5),
    })
      .allowTable(props.cases, ["Query", "GetItem", "BatchGetItem"], [CaseIndex.month])
      .allowTable(props.analytics, ["GetItem", "Query", "PutItem", "BatchWriteItem"])
      .allowWriteObjects(props.reports, REPORTS_PREFIX);
    this.rule = new Rule(this, "Schedule", {
      description: "Rolls up the enforcement statistics report",
      schedule: Schedule.expression(props.schedule),
      targets: [new LambdaFunction(this.rollup, { retryAttempts: 2, maxEventAge: Duration.hours(2) })],
    });
  }
}
