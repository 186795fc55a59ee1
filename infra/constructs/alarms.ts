import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";

/** Every alarm looks at 5-minute periods and alarms on the first one that breaches; no data is no trouble. */
export const ALARM_PERIOD = Duration.minutes(5);

/** An alarm as soon as `metric` goes above `threshold` in one period. */
export function alarmAbove(scope: Construct, id: string, props: { metric: IMetric; threshold: number; description: string }): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/** An alarm as soon as any message waits in `queue` (a dead-letter or failure queue: anything there needs a person). */
export function messagesWaitingAlarm(scope: Construct, id: string, queue: IQueue, description: string): Alarm {
  return alarmAbove(scope, id, { metric: queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: "Maximum" }), threshold: 0, description });
}
