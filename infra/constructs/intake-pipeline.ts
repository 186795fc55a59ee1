import { Duration, Stack } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Alias } from "aws-cdk-lib/aws-kms";
import { Bucket, EventType, type IBucket } from "aws-cdk-lib/aws-s3";
import { SqsDestination } from "aws-cdk-lib/aws-s3-notifications";
import { Topic } from "aws-cdk-lib/aws-sns";
import { SqsSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { CaseIndex } from "../../shared/adapters/aws/table-design.ts";
import { UPLOAD_PREFIX } from "../../shared/domain/upload-key.ts";
import type { DeploymentSettings } from "../settings.ts";
import { OcrPipeline } from "./ocr-pipeline.ts";
import { INTAKE_QUEUE, settingsEnvironment } from "../topology.ts";
import { ThadsFunction } from "./thads-function.ts";
import { WorkQueue } from "./work-queue.ts";

export interface IntakePipelineProps {
  uploads: IBucket;
  cases: ITableV2;
  /** Where each new case's proposed matters are stored. */
  matters: ITableV2;
  idempotency: ITableV2;
  settings: DeploymentSettings;
  logRetention: RetentionDays;
}

const INTAKE_TIMEOUT = Duration.seconds(INTAKE_QUEUE.consumerTimeoutSeconds);
/** The intake queues' event source mappings (infra/topology.ts, as the local stack runs them). */
const EVENT_SOURCE = { batchSize: INTAKE_QUEUE.batchSize, maxConcurrency: INTAKE_QUEUE.maxConcurrency, reportBatchItemFailures: true };

/**
 * Court uploads become cases: S3 ObjectCreated -> intake queue -> ingest-document, which reads the
 * document's text layer and sends what needs OCR to the engine chosen (thads:ocrEngine): one message
 * per page to the Tesseract page function (OcrPipeline), which finishes the document; or Textract
 * (synchronously for single pages, else a job: Textract -> SNS -> completion queue -> complete-textract-job).
 */
export class IntakePipeline extends Construct {
  readonly intake: WorkQueue;
  readonly completions: WorkQueue;
  readonly textractTopic: Topic;
  readonly textractPublisher: Role;
  readonly ingest: ThadsFunction<"ingest-document">;
  readonly complete: ThadsFunction<"complete-textract-job">;
  readonly ocr: OcrPipeline;

  constructor(scope: Construct, id: string, props: IntakePipelineProps) {
    super(scope, id);
    const { uploads, cases, matters, idempotency, settings } = props;

    this.textractTopic = new Topic(this, "TextractCompletionTopic", {
      enforceSSL: true,
      // The AWS-managed key: Textract publishes through a role of this account, which its key policy allows.
      masterKey: Alias.fromAliasName(this, "SnsManagedKey", "alias/aws/sns"),
    });
    this.textractPublisher = new Role(this, "TextractPublisherRole", {
      description: "Lets Textract report finished text detection jobs to the completion topic",
      assumedBy: new ServicePrincipal("textract.amazonaws.com", { conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } } }),
    });
    this.textractPublisher.addToPolicy(new PolicyStatement({ actions: ["sns:Publish"], resources: [this.textractTopic.topicArn] }));

    this.intake = new WorkQueue(this, "Intake", { consumerTimeout: INTAKE_TIMEOUT });
    // The bucket belongs to the stateful stack; notifying through an imported reference keeps the
    // dependency one-way (stateless -> stateful).
    Bucket.fromBucketAttributes(this, "UploadsNotifier", { bucketArn: uploads.bucketArn, bucketName: uploads.bucketName }).addEventNotification(
      EventType.OBJECT_CREATED,
      new SqsDestination(this.intake.queue),
      { prefix: UPLOAD_PREFIX },
    );

    const pageSettings = { CASES_TABLE: cases.tableName, MATTERS_TABLE: matters.tableName, UPLOAD_MAX_BYTES: settingsEnvironment(settings).UPLOAD_MAX_BYTES };
    const intakeSettings = { ...pageSettings, IDEMPOTENCY_TABLE: idempotency.tableName };
    this.ocr = new OcrPipeline(this, "TesseractOcr", { uploads, cases, matters, settings: pageSettings, logRetention: props.logRetention });
    this.ingest = new ThadsFunction(this, "IngestDocument", {
      name: "ingest-document",
      settings: {
        ...intakeSettings,
        TEXTRACT_TOPIC_ARN: this.textractTopic.topicArn,
        TEXTRACT_ROLE_ARN: this.textractPublisher.roleArn,
        OCR_ENGINE: settings.ocrEngine,
        OCR_PAGE_QUEUE_URL: this.ocr.pages.queue.queueUrl,
      },
      logRetention: props.logRetention,
      memorySize: 1536,
      timeout: INTAKE_TIMEOUT,
    })
      .allowReadObjects(uploads, UPLOAD_PREFIX)
      .allowTable(cases, ["GetItem", "BatchGetItem", "Query", "PutItem"], [CaseIndex.lookup])
      .allowTable(matters, ["PutItem"])
      .allowTable(idempotency, ["GetItem", "PutItem", "UpdateItem", "DeleteItem"]);
    // Only what the chosen engine needs: sending pages to the Tesseract queue, or starting Textract jobs.
    if (settings.ocrEngine === "tesseract") this.ocr.pages.queue.grantSendMessages(this.ingest);
    else this.ingest.allowTextract({ startJobs: { publisher: this.textractPublisher, topic: this.textractTopic } });
    this.ingest.addEventSource(new SqsEventSource(this.intake.queue, EVENT_SOURCE));

    this.completions = new WorkQueue(this, "TextractCompletions", { consumerTimeout: INTAKE_TIMEOUT });
    this.textractTopic.addSubscription(new SqsSubscription(this.completions.queue));
    this.complete = new ThadsFunction(this, "CompleteTextractJob", {
      name: "complete-textract-job",
      settings: intakeSettings,
      logRetention: props.logRetention,
      memorySize: 1536,
      timeout: INTAKE_TIMEOUT,
    })
      .allowReadObjects(uploads, UPLOAD_PREFIX)
      .allowTable(cases, ["GetItem", "BatchGetItem", "Query", "PutItem", "DeleteItem"], [CaseIndex.lookup])
      .allowTable(matters, ["PutItem"])
      .allowTable(idempotency, ["GetItem", "PutItem", "UpdateItem", "DeleteItem"])
      .allowTextract();
    this.complete.addEventSource(new SqsEventSource(this.completions.queue, EVENT_SOURCE));
  }
}
