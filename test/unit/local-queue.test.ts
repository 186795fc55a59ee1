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

/** `work`, or a failure when it has not finished after `ms`. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not finished after ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

  it("dead-letters every message of a batch that fails each delivery, so the queue empties", async () => {
    const { queue, deadLetters } = queues("NoTextFoundError: no text found");
    // batches of 5 and 1 that fail at different moments, so their retries fall due at different moments
    const failAfterMsPerRecord = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      await new Promise((resolve) => setTimeout(resolve, event.Records.length * 2));
      return { batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) };
    };
    const mapping = new EventSourceMapping(queue, failAfterMsPerRecord, mappingSettings);
    for (let index = 0; index < 6; index += 1) queue.send(`oversized-${index}`);

    await within(2_000, drained(queue, mapping));
    await mapping.stop();

    expect(deadLetters.list().map((letter) => letter.body).sort()).toEqual(["oversized-0", "oversized-1", "oversized-2", "oversized-3", "oversized-4", "oversized-5"]);
    expect(deadLetters.list().every((letter) => letter.receiveCount === 3)).toBe(true);
  });

  it("moves a message whose last delivery failed to the dead-letter queue when its retry falls due, with no other wake-up", async () => {
    const deadLetters = new DeadLetterQueue("work-dlq", () => null);
    const queue = new LocalQueue("work", { maxReceiveCount: 1, visibilityTimeoutMs: 60_000 }, deadLetters);
    queue.send("a");
    queue.send("b");
    const [a, b] = queue.receive(10);
    queue.changeVisibility(a!.receiptHandle, 5);
    queue.changeVisibility(b!.receiptHandle, 15);

    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(deadLetters.list().map((letter) => letter.body)).toEqual(["a", "b"]);
    expect(queue.depth).toBe(0);
  });

  it("fails a delivery whose invocation outlives the function timeout, so a hung function cannot hold a message forever", async () => {
    const { queue, deadLetters } = queues();
    const errors: unknown[] = [];
    const mapping = new EventSourceMapping(queue, () => new Promise<never>(() => undefined), { ...mappingSettings, timeoutMs: 10 }, (error) => errors.push(error));
    queue.send("hangs");

    await within(2_000, drained(queue, mapping));
    await mapping.stop();

    expect(deadLetters.list()).toEqual([expect.objectContaining({ body: "hangs", receiveCount: 3 })]);
    expect(String(errors[0])).toMatch(/timed out/);
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
