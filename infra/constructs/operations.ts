import { CfnOutput, Duration, Stack } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { AlarmStatusWidget, Dashboard, GraphWidget, MathExpression, Metric, type Alarm, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import type { FunctionName } from "../../shared/config.ts";
import { BusinessMetric, METRICS_NAMESPACE } from "../../shared/metrics.ts";
import { ALARM_PERIOD, alarmAbove } from "./alarms.ts";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import type { WorkQueue } from "./work-queue.ts";

export interface OperationsProps {
  /** The zip functions and the container one (recognize-page) alike. */
  functions: readonly LambdaFunction[];
  queues: readonly WorkQueue[];
  /** Alarms the other constructs raise (dead letters, failure queues), shown with these on the dashboard. */
  alarms: readonly Alarm[];
  api: HttpApi;
}

const GRAPH_PERIOD = Duration.hours(1);
/** The functions that file cases: intake, and the two that finish OCR jobs (Tesseract's last page, Textract's notice). */
const INTAKE: readonly FunctionName[] = ["ingest-document", "recognize-page", "complete-textract-job"];

/** A business metric summed over the functions that emit it (Powertools' `service` dimension). */
function businessMetric(metricName: string, services: readonly FunctionName[], label: string): IMetric {
  const usingMetrics = Object.fromEntries(
    // Ids unique within a graph, which shows several of these: metric name and function.
    services.map((service) => [`${metricName}_${service}`.toLowerCase().replaceAll("-", "_"), new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic: "Sum", period: GRAPH_PERIOD })]),
  );
  return new MathExpression({ expression: Object.keys(usingMetrics).join(" + "), usingMetrics, label, period: GRAPH_PERIOD });
}

/**
 * What an on-call engineer looks at first: an alarm on every function's errors and throttles, and
 * one dashboard with the business metrics the functions emit, the functions' health, the intake
 * queues and every alarm of the stack; the API's and the dashboard's URLs as stack outputs.
 */
export class Operations extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    for (const fn of props.functions) {
      this.alarms.push(
        alarmAbove(this, `${fn.node.id}Errors`, { metric: fn.metricErrors({ period: ALARM_PERIOD, statistic: "Sum" }), threshold: 0, description: `${fn.node.id} failed an invocation` }),
        alarmAbove(this, `${fn.node.id}Throttles`, { metric: fn.metricThrottles({ period: ALARM_PERIOD, statistic: "Sum" }), threshold: 0, description: `${fn.node.id} was throttled` }),
      );
    }

    this.dashboard = new Dashboard(this, "Dashboard", { defaultInterval: Duration.days(7) });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "Intake",
        width: 12,
        left: [
          businessMetric(BusinessMetric.casesCreated, INTAKE, "cases filed"),
          businessMetric(BusinessMetric.casesNeedingReview, INTAKE, "needing review"),
          businessMetric(BusinessMetric.unreadableDocuments, INTAKE, "unreadable"),
          businessMetric(BusinessMetric.duplicateDocuments, INTAKE, "duplicates"),
          businessMetric(BusinessMetric.ocrJobsStarted, INTAKE, "OCR jobs started"),
        ],
      }),
      new GraphWidget({
        title: "Failures",
        width: 12,
        left: [
          businessMetric(BusinessMetric.recordsFailed, INTAKE, "intake records failed"),
          businessMetric(BusinessMetric.streamRecordsFailed, ["apply-matter-changes"], "matter changes failed"),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "Cases and reports",
        width: 12,
        left: [
          businessMetric(BusinessMetric.uploadUrlsIssued, ["create-upload-url"], "upload URLs issued"),
          businessMetric(BusinessMetric.casesCorrected, ["correct-case"], "cases corrected"),
          businessMetric(BusinessMetric.matterChangesApplied, ["apply-matter-changes"], "matter changes applied"),
          businessMetric(BusinessMetric.reportFilesWritten, ["roll-up-report"], "report files written"),
          businessMetric(BusinessMetric.aggregateCellsRebuilt, ["rebuild-aggregates"], "aggregate cells rebuilt"),
        ],
      }),
      new GraphWidget({
        title: "Intake queues: oldest message (s)",
        width: 12,
        left: props.queues.map((queue) => queue.queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: "Maximum", label: queue.node.id })),
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: "Function errors", width: 12, left: props.functions.map((fn) => fn.metricErrors({ period: ALARM_PERIOD, statistic: "Sum", label: fn.node.id })) }),
      new GraphWidget({ title: "Function throttles", width: 12, left: props.functions.map((fn) => fn.metricThrottles({ period: ALARM_PERIOD, statistic: "Sum", label: fn.node.id })) }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: "Alarms", width: 24, alarms: [...props.alarms, ...this.alarms] }));

    const region = Stack.of(this).region;
    new CfnOutput(this, "ApiUrl", { description: "The case API (IAM-authorised; sign requests with SigV4)", value: props.api.apiEndpoint });
    new CfnOutput(this, "DashboardUrl", {
      description: "The operations dashboard in the CloudWatch console",
      value: `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${this.dashboard.dashboardName}`,
    });
  }
}
