/**
 * The matters table's DynamoDB stream as the aggregating function sees it: Powertools BatchProcessor
 * with partial batch responses, each record unmarshalled and checked before the handler runs.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { parser as batchParser } from "@aws-lambda-powertools/batch/parser";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { DynamoDBStreamRecord } from "@aws-lambda-powertools/parser/schemas/dynamodb";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import type { z } from "zod";
import { MatterItemSchema } from "../../domain/lifecycle/schema.ts";
import { BusinessMetric } from "../../metrics.ts";
import { logger, metrics } from "../../observability.ts";
import type { MatterChangeRecord } from "../../use-cases/apply-matter-changes.ts";
import { observed } from "./lambda-handler.ts";
import { MatterItemPrefix } from "./table-design.ts";

type StreamRecord = z.output<typeof DynamoDBStreamRecord>;

/** The change a stream record describes, or null for items that are not matters (proposals). Throws when a matter image is malformed. */
function matterChangeOf(record: StreamRecord): MatterChangeRecord | null {
  const { Keys, OldImage, NewImage } = record.dynamodb;
  if (!String(Keys.sk ?? "").startsWith(MatterItemPrefix.matter)) return null;
  return {
    id: record.eventID,
    change: {
      eventName: record.eventName,
      ...(OldImage && { oldImage: MatterItemSchema.parse(OldImage) }),
      ...(NewImage && { newImage: MatterItemSchema.parse(NewImage) }),
    },
  };
}

/**
 * A function fed by the matters stream. Records are handled in order, each on its own; a failed
 * record is reported (by sequence number) and Lambda retries from it, so `handleChange` must be
 * safe to repeat for the records after it.
 */
export function matterStreamBatch(handleChange: (record: MatterChangeRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams, { parser: batchParser, schema: DynamoDBStreamRecord, logger });
  const recordHandler = async (record: StreamRecord) => {
    try {
      const change = matterChangeOf(record);
      if (change) await handleChange(change);
    } catch (error) {
      // Ids only: images hold party names.
      logger.warn("stream record failed; it will be retried", { eventID: record.eventID, errorName: (error as Error).name });
      metrics.addMetric(BusinessMetric.streamRecordsFailed, MetricUnit.Count, 1);
      throw error;
    }
  };
  return observed<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event, context) =>
    processPartialResponse(event, recordHandler, processor, { context, processInParallel: false, throwOnFullBatchFailure: false }),
  );
}
