import { Duration } from "aws-cdk-lib";
import type { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { INTAKE_QUEUE } from "../topology.ts";
import { ALARM_PERIOD, alarmAbove, messagesWaitingAlarm } from "./alarms.ts";

export interface WorkQueueProps {
  /** How long one delivery may take; the queue hides a message longer (INTAKE_QUEUE.visibilityTimeoutFactor), as Lambda advises. */
  consumerTimeout: Duration;
  /** Deliveries before a message is moved to the dead-letter queue (default: INTAKE_QUEUE.maxReceiveCount). */
  maxReceiveCount?: number;
  /**
   * Alarm when the oldest message has waited longer: the consumer is stuck or far behind. The
   * default (one hour) leaves room for a message's five deliveries of up to nine minutes each.
   */
  maxMessageAge?: Duration;
}

/**
 * A queue a function consumes, with its dead-letter queue, an alarm as soon as anything lands
 * there and one when its oldest message waits too long. Both queues are encrypted (SSE-SQS) and
 * refuse non-TLS requests.
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly oldestMessageAlarm: Alarm;

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
    this.deadLetterAlarm = messagesWaitingAlarm(this, "DeadLettersAlarm", this.deadLetters, `Messages ${id} could not process are waiting in its dead-letter queue`);
    const maxAge = props.maxMessageAge ?? Duration.hours(1);
    this.oldestMessageAlarm = alarmAbove(this, "OldestMessageAlarm", {
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: "Maximum" }),
      threshold: maxAge.toSeconds(),
      description: `The oldest message in ${id} has waited more than ${maxAge.toHumanString()}: its consumer is stuck or far behind`,
    });
  }
}
