import { Duration } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { CaseIndex, MatterIndex } from "../../shared/adapters/aws/table-design.ts";
import { UPLOAD_PREFIX } from "../../shared/domain/upload-key.ts";
import { EXPORTS_PREFIX } from "../../shared/use-cases/report-downloads.ts";
import type { DeploymentSettings } from "../settings.ts";
import { CASE_API_ROUTES, CONSOLE_CORS, settingsEnvironment, type ApiFunctionName } from "../topology.ts";
import { ThadsFunction } from "./thads-function.ts";

export interface CaseApiProps {
  uploads: IBucket;
  cases: ITableV2;
  matters: ITableV2;
  analytics: ITableV2;
  reports: IBucket;
  /** Who signs in; every route needs an ID token the pool issued to `consoleClient`. */
  users: IUserPool;
  consoleClient: IUserPoolClient;
  /** The web console's CloudFront origin, which the API lets call it (CORS). */
  consoleOrigin: string;
  settings: DeploymentSettings;
  logRetention: RetentionDays;
}

const STAGE = "$default";

/**
 * The HTTP API courts, staff and leaders call from the console: API Gateway's JWT authoriser checks
 * every route's bearer ID token against the user pool (issuer, app client, signature, expiry); the
 * handler then checks the route's roles (infra/topology.ts) and holds staff to their unit and courts
 * to their uploads. No route takes IAM callers.
 */
export class CaseApi extends Construct {
  readonly api: HttpApi;
  readonly accessLogs: LogGroup;
  readonly functions: ThadsFunction[] = [];

  constructor(scope: Construct, id: string, props: CaseApiProps) {
    super(scope, id);
    const { uploads, cases, matters, analytics, reports, users, consoleClient, settings, logRetention } = props;

    this.api = new HttpApi(this, "Api", {
      description: "THADS case intake and query API",
      defaultAuthorizer: new HttpUserPoolAuthorizer("UserPoolAuthorizer", users, { userPoolClients: [consoleClient] }),
      createDefaultStage: false,
      // the console's origins only; API Gateway answers their preflight before the authoriser
      corsPreflight: {
        allowOrigins: [props.consoleOrigin, ...settings.uploadOrigins],
        allowMethods: CONSOLE_CORS.api.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CONSOLE_CORS.api.allowHeaders],
        exposeHeaders: [...CONSOLE_CORS.api.exposeHeaders],
        maxAge: Duration.seconds(CONSOLE_CORS.api.maxAgeSeconds),
      },
    });
    this.accessLogs = new LogGroup(this, "AccessLogs", { retention: logRetention });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: STAGE,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No query string: searches carry party names there.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            // the user pool's subject id, never a name
            caller: "$context.authorizer.claims.sub",
            sourceIp: "$context.identity.sourceIp",
            integrationError: "$context.integrationErrorMessage",
          }),
        ),
      },
    });

    const environment = settingsEnvironment(settings);
    const casesSetting = { CASES_TABLE: cases.tableName };
    const mattersSetting = { MATTERS_TABLE: matters.tableName };
    const reportSetting = { ANALYTICS_TABLE: analytics.tableName, REPORT_SCHEME: settings.reportScheme };
    const bothSettings = { ...casesSetting, MATTERS_TABLE: matters.tableName };
    const functions: Record<ApiFunctionName, () => ThadsFunction> = {
      "create-upload-url": () =>
        new ThadsFunction(this, "CreateUploadUrl", {
          name: "create-upload-url",
          settings: {
            UPLOADS_BUCKET: uploads.bucketName,
            UPLOAD_MAX_BYTES: environment.UPLOAD_MAX_BYTES,
            UPLOAD_URL_TTL_SECONDS: environment.UPLOAD_URL_TTL_SECONDS,
          },
          logRetention,
        }).allowWriteObjects(uploads, UPLOAD_PREFIX),
      "search-cases": () => new ThadsFunction(this, "SearchCases", { name: "search-cases", settings: casesSetting, logRetention }).allowTable(cases, ["Query", "BatchGetItem"], Object.values(CaseIndex)),
      "get-case": () =>
        new ThadsFunction(this, "GetCase", { name: "get-case", settings: bothSettings, logRetention }).allowTable(cases, ["GetItem", "Query"]).allowTable(matters, ["GetItem"]),
      // a correction derives the case's proposals nobody opened again (shared/use-cases/correct-case.ts)
      "correct-case": () =>
        new ThadsFunction(this, "CorrectCase", { name: "correct-case", settings: bothSettings, logRetention })
          .allowTable(cases, ["GetItem", "Query", "PutItem", "DeleteItem"])
          .allowTable(matters, ["Query", "PutItem", "DeleteItem", "ConditionCheckItem"]),
      "get-original-url": () =>
        new ThadsFunction(this, "GetOriginalUrl", {
          name: "get-original-url",
          settings: { ...casesSetting, DOWNLOAD_URL_TTL_SECONDS: environment.DOWNLOAD_URL_TTL_SECONDS },
          logRetention,
          timeout: Duration.seconds(5),
        })
          .allowTable(cases, ["GetItem"])
          .allowReadObjects(uploads, UPLOAD_PREFIX),
      "list-uploads": () => new ThadsFunction(this, "ListUploads", { name: "list-uploads", settings: casesSetting, logRetention }).allowTable(cases, ["Query", "BatchGetItem"]),
      "list-review-queue": () => new ThadsFunction(this, "ListReviewQueue", { name: "list-review-queue", settings: casesSetting, logRetention }).allowTable(cases, ["Query", "BatchGetItem"], [CaseIndex.status]),
      "list-case-matters": () => new ThadsFunction(this, "ListCaseMatters", { name: "list-case-matters", settings: mattersSetting, logRetention }).allowTable(matters, ["Query"]),
      "open-matter": () => new ThadsFunction(this, "OpenMatter", { name: "open-matter", settings: mattersSetting, logRetention }).allowTable(matters, ["Query", "PutItem"]),
      "get-matter": () => new ThadsFunction(this, "GetMatter", { name: "get-matter", settings: mattersSetting, logRetention }).allowTable(matters, ["GetItem"]),
      "record-matter-step": () => new ThadsFunction(this, "RecordMatterStep", { name: "record-matter-step", settings: mattersSetting, logRetention }).allowTable(matters, ["GetItem", "PutItem", "Query"]), // Query: the proposal an ủy thác hands over keeps its lines
      "split-proposal": () =>
        new ThadsFunction(this, "SplitProposal", { name: "split-proposal", settings: mattersSetting, logRetention }).allowTable(matters, ["Query", "PutItem", "DeleteItem", "ConditionCheckItem"]),
      "merge-proposals": () =>
        new ThadsFunction(this, "MergeProposals", { name: "merge-proposals", settings: mattersSetting, logRetention }).allowTable(matters, ["Query", "PutItem", "DeleteItem", "ConditionCheckItem"]),
      "get-report": () =>
        new ThadsFunction(this, "GetReport", { name: "get-report", settings: reportSetting, logRetention, timeout: Duration.seconds(29) }).allowTable(analytics, ["Query"]),
      "export-report": () =>
        new ThadsFunction(this, "ExportReport", {
          name: "export-report",
          settings: { ...reportSetting, REPORTS_BUCKET: reports.bucketName, DOWNLOAD_URL_TTL_SECONDS: environment.DOWNLOAD_URL_TTL_SECONDS },
          logRetention,
          timeout: Duration.seconds(29),
        })
          .allowTable(analytics, ["Query"])
          .allowWriteObjects(reports, EXPORTS_PREFIX)
          .allowReadObjects(reports, EXPORTS_PREFIX),
      "add-proposal": () =>
        new ThadsFunction(this, "AddProposal", { name: "add-proposal", settings: bothSettings, logRetention }).allowTable(cases, ["GetItem"]).allowTable(matters, ["Query", "PutItem"]),
      "list-matters": () =>
        new ThadsFunction(this, "ListMatters", { name: "list-matters", settings: mattersSetting, logRetention }).allowTable(matters, ["Query"], [MatterIndex.unit, MatterIndex.unitState, MatterIndex.executor]),
      "note-matter-obstacle": () => new ThadsFunction(this, "NoteMatterObstacle", { name: "note-matter-obstacle", settings: mattersSetting, logRetention }).allowTable(matters, ["UpdateItem"]),
      "list-credit-cases": () =>
        new ThadsFunction(this, "ListCreditCases", { name: "list-credit-cases", settings: mattersSetting, logRetention }).allowTable(matters, ["Query"], [MatterIndex.openCredit]),
    };

    // The route table (infra/topology.ts) the local stack serves too; every route takes the default (JWT) authoriser.
    for (const { method, path, functionName } of CASE_API_ROUTES) {
      const fn = functions[functionName]();
      this.functions.push(fn);
      this.api.addRoutes({ path, methods: [HttpMethod[method]], integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn) });
    }
  }
}
