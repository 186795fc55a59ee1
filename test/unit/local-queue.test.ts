import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { DeadLetterQueue, EventSourceMapping, LocalQueue } from "../../local/queue.ts";

const settings = { maxReceiveCount: 3, visibilityTimeoutMs: 60_000 };
const mappingSettings = { functionName: "test", batchSize: 5, maxConcurrency: 2, timeoutMs: 1_000, retryDelayMs: 5 };

function queues(lastError: string | null = null) {
  const deadLetters = new DeadLetterQueue("work-dlq", () => lastError);
  return { queue: new LocalQueue("work", settings, deadLetters), deadLetters };
}

async function drained(queue: LocalQueue, mapping: EventSourceMapping): Promise<void> {
  while (queue.depth > 0 || mapping.busy) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe("local queue and event source mapping", () => {
  it("hides a received message until its visibility timeout ends, and counts each receipt", () => {
    const { queue } = queues();
    queue.send("a");

    const [first] = queue.receive(10);
    expect(queue.receive(10)).toEqual([]);
    queue.changeVisibility(first!.receiptHandle, 0);
    const [second] = queue.receive(10);

    expect(second?.messageId).toBe(first?.messageId);
    expect(second?.attributes.ApproximateReceiveCount).toBe("2");
  });

  it("deletes the records a batch handled and redelivers only those it reported as failed", async () => {
    const { queue } = queues();
    const deliveries = new Map<string, number>();
    const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const failures = event.Records.filter((record) => {
        deliveries.set(record.body, (deliveries.get(record.body) ?? 0) + 1);
        return record.body === "flaky" && deliveries.get("flaky") === 1;
      });
      return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
    };
    const mapping = new EventSourceMapping(queue, handler, mappingSettings);
    for (const body of ["ok-1", "flaky", "ok-2"]) queue.send(body);

    await drained(queue, mapping);
    await mapping.stop();

    expect(Object.fromEntries(deliveries)).toEqual({ "ok-1": 1, flaky: 2, "ok-2": 1 });
  });

  it("moves a message that fails every delivery to the dead-letter queue after maxReceiveCount, with the last error", async () => {
    const { queue, deadLetters } = queues("UnsupportedDocumentError: not a court upload");
    const mapping = new EventSourceMapping(queue, async (event) => ({ batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) }), mappingSettings);
    queue.send("poison");

    await drained(queue, mapping);
    await mapping.stop();

    expect(deadLetters.list()).toEqual([expect.objectContaining({ body: "poison", receiveCount: 3, lastError: "UnsupportedDocumentError: not a court upload" })]);
  });

  it("returns the whole batch to the queue when the invocation itself throws", async () => {
    const { queue, deadLetters } = queues();
    const deliveries: string[] = [];
    let thrown = false;
    const mapping = new EventSourceMapping(
      queue,
      async (event) => {
        deliveries.push(...event.Records.map((record) => record.body));
        if (!thrown) {
          thrown = true;
          throw new Error("function timed out");
        }
        return { batchItemFailures: [] };
      },
      mappingSettings,
      () => undefined,
    );
    queue.send("a");

    await drained(queue, mapping);
    await mapping.stop();

    expect(deliveries).toEqual(["a", "a"]);
    expect(deadLetters.list()).toEqual([]);
  });
});
