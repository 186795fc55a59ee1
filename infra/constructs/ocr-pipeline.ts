import { fileURLToPath } from "node:url";
import { Duration } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, DockerImageCode, DockerImageFunction, Tracing } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { CaseIndex } from "../../shared/adapters/aws/table-design.ts";
import type { SettingsOf } from "../../shared/config.ts";
import { UPLOAD_PREFIX } from "../../shared/domain/upload-key.ts";
import { powertoolsEnvironment, readObjectsAccess, tableAccess, validateSettings } from "./thads-function.ts";
import { WorkQueue } from "./work-queue.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The page function's sizing, read by the bench's cost estimate and the tests. */
export const PAGE_FUNCTION = {
  /** 2 GB gives a little more than one vCPU (1,769 MB is one): what one single-threaded Tesseract uses, with room for a page image. */
  memorySize: 2048,
  /**
   * A degraded page takes 2-10 s of Tesseract; the invocation that brings in a document's last page also reads the
   * document's text layer and extracts the case, and a cold start pulls a ~400 MB image.
   */
  timeout: Duration.seconds(120),
  /** Pages recognised at once: a 40-page judgment in the time of one page, without taking the account's concurrency. */
  reservedConcurrency: 50,
} as const;

export interface OcrPipelineProps {
  uploads: IBucket;
  cases: ITableV2;
  matters: ITableV2;
  settings: Record<SettingsOf<"recognize-page">, string>;
  logRetention: RetentionDays;
}

/**
 * Tesseract OCR on AWS: intake sends each page of a scan as a message to the page queue; a container-image
 * function (infra/ocr-image/Dockerfile: Debian, Tesseract, the Vietnamese model) recognises one page per
 * invocation and stores it, and the invocation that brings in the last page finishes the document with the
 * intake code. SQS rather than Step Functions: the same queue, retry and dead-letter pattern as the rest of
 * intake (and the embedded local stack), a per-page retry for free, and no state machine to pay per transition.
 *
 * The image is built and pushed by `cdk deploy`; synth only stages its build context (kept small by
 * .dockerignore) and writes the asset manifest, so it needs no Docker.
 */
export class OcrPipeline extends Construct {
  readonly pages: WorkQueue;
  readonly recognizePage: DockerImageFunction;

  constructor(scope: Construct, id: string, props: OcrPipelineProps) {
    super(scope, id);
    validateSettings("recognize-page", props.settings);
    this.pages = new WorkQueue(this, "Pages", { consumerTimeout: PAGE_FUNCTION.timeout, maxReceiveCount: 3 });

    const role = new Role(this, "RecognizePageRole", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: "Runs the recognize-page function",
    });
    const logGroup = new LogGroup(this, "RecognizePageLogs", { retention: props.logRetention });
    logGroup.grantWrite(role);
    this.recognizePage = new DockerImageFunction(this, "RecognizePage", {
      code: DockerImageCode.fromImageAsset(projectRoot, { file: "infra/ocr-image/Dockerfile", platform: Platform.LINUX_ARM64 }),
      architecture: Architecture.ARM_64,
      memorySize: PAGE_FUNCTION.memorySize,
      timeout: PAGE_FUNCTION.timeout,
      reservedConcurrentExecutions: PAGE_FUNCTION.reservedConcurrency,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...props.settings, ...powertoolsEnvironment("recognize-page") },
    });
    for (const statement of [
      readObjectsAccess(props.uploads, UPLOAD_PREFIX),
      // Pages and progress (Get/Put/Update/Query); finishing the document as complete-textract-job does.
      tableAccess(props.cases, ["GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"], [CaseIndex.lookup]),
      tableAccess(props.matters, ["PutItem"]),
    ]) {
      role.addToPrincipalPolicy(statement);
    }
    // One page per invocation, so pages spread over instances; as many at once as the function may run.
    this.recognizePage.addEventSource(
      new SqsEventSource(this.pages.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: PAGE_FUNCTION.reservedConcurrency }),
    );
  }
}
