import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { INTAKE_QUEUE } from "../topology.ts";

export interface WorkQueueProps {
  /** How long one delivery may take; the queue hides a message longer (INTAKE_QUEUE.visibilityTimeoutFactor), as Lambda advises. */
  consumerTimeout: Duration;
  /** Deliveries before a message is moved to the dead-letter queue (default: INTAKE_QUEUE.maxReceiveCount). */
  maxReceiveCount?: number;
}

/**
 * A queue a function consumes, with its dead-letter queue and an alarm as soon as anything lands
 * there. Both are encrypted (SSE-SQS) and refuse non-TLS requests.
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, "DeadLetters", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, "Queue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * INTAKE_QUEUE.visibilityTimeoutFactor),
      retentionPeriod: Duration.days(4),
      // S3 and SNS notifications are a few KB; 256 KB leaves room for events with many records.
      maxMessageSizeBytes: 256 * 1024,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.maxReceiveCount ?? INTAKE_QUEUE.maxReceiveCount },
    });
    this.deadLetterAlarm = new Alarm(this, "DeadLettersAlarm", {
      alarmDescription: `Messages ${id} could not process are waiting in its dead-letter queue`,
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
