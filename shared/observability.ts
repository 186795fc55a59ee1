/**
 * One Logger, Metrics and Tracer per function instance. The service name comes from
 * POWERTOOLS_SERVICE_NAME (set per function by the CDK construct).
 *
 * Never log personal data: no event bodies, object keys (file names carry party names), party
 * names or text. Log ids instead: case id, court id, upload id, job id.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";
import { METRICS_NAMESPACE } from "./metrics.ts";

export const logger = new Logger();
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE });
export const tracer = new Tracer();
