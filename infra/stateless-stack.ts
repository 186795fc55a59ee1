/**
 * Everything that can be replaced without losing data: functions, queues, topic, API, schedule,
 * alarms and the operations dashboard.
 * It receives the stateful resources through typed props and only ever depends on that stack.
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { fileURLToPath } from "node:url";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { CaseApi } from "./constructs/case-api.ts";
import { IntakePipeline } from "./constructs/intake-pipeline.ts";
import { Operations } from "./constructs/operations.ts";
import { ReportSchedule } from "./constructs/report-schedule.ts";
import type { DeploymentSettings } from "./settings.ts";
import type { StatefulResources } from "./stateful-stack.ts";

/** The console as `npm run build` writes it (scripts/build.mjs). */
const CONSOLE_BUILD = fileURLToPath(new URL("../dist/console", import.meta.url));

export interface StatelessStackProps extends StackProps {
  stateful: StatefulResources;
  settings: DeploymentSettings;
}

export class StatelessStack extends Stack {
  readonly intake: IntakePipeline;
  readonly caseApi: CaseApi;
  readonly reports: ReportSchedule;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful, settings } = props;
    const logRetention = settings.logRetentionDays as RetentionDays;

    this.intake = new IntakePipeline(this, "Intake", {
      uploads: stateful.uploads,
      cases: stateful.cases,
      matters: stateful.matters,
      idempotency: stateful.idempotency,
      settings,
      logRetention,
    });
    this.caseApi = new CaseApi(this, "CaseApi", {
      uploads: stateful.uploads,
      cases: stateful.cases,
      matters: stateful.matters,
      analytics: stateful.analytics,
      reports: stateful.reports,
      users: stateful.users,
      consoleClient: stateful.consoleClient,
      consoleOrigin: stateful.consoleSite.origin,
      settings,
      logRetention,
    });
    // the console's build and its config.json (this API, the user pool's console client), replaced on each deployment
    new BucketDeployment(this, "ConsoleFiles", {
      destinationBucket: stateful.consoleFiles,
      sources: [
        Source.asset(CONSOLE_BUILD),
        Source.jsonData("config.json", { apiUrl: this.caseApi.api.apiEndpoint, auth: { mode: "cognito", region: this.region, clientId: stateful.consoleClient.userPoolClientId } }),
      ],
      distribution: stateful.consoleSite.distribution,
      distributionPaths: ["/index.html", "/config.json"],
      memoryLimit: 512,
    });
    this.reports = new ReportSchedule(this, "Reports", {
      matters: stateful.matters,
      analytics: stateful.analytics,
      reports: stateful.reports,
      schedule: settings.rollupSchedule,
      scheme: settings.reportScheme,
      logRetention,
    });
    const queues = [this.intake.intake, this.intake.ocr.pages, this.intake.completions];
    this.operations = new Operations(this, "Operations", {
      functions: [this.intake.ingest, this.intake.ocr.recognizePage, this.intake.complete, ...this.caseApi.functions, this.reports.aggregate, this.reports.rollup, this.reports.rebuild],
      queues,
      alarms: [...queues.flatMap((queue) => [queue.deadLetterAlarm, queue.oldestMessageAlarm]), this.reports.failedChangesAlarm, this.reports.missedRollupsAlarm],
      api: this.caseApi.api,
    });
  }
}
