/**
 * An in-process stand-in for an SQS queue and the Lambda event source mapping that drains it, with
 * the semantics the intake relies on: a received message is hidden for the visibility timeout, a
 * delivery that fails (the record is named in batchItemFailures, or the whole invocation throws)
 * returns it to the queue when that timeout ends, and after `maxReceiveCount` deliveries it moves to
 * the dead-letter queue instead of being delivered again.
 */
import { createHash, randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { invoke } from "./lambda.ts";

const REGION = "ap-southeast-1";
const ACCOUNT = "000000000000";

export interface QueueSettings {
  /** Deliveries before a message moves to the dead-letter queue (the CDK WorkQueue's maxReceiveCount). */
  maxReceiveCount: number;
  /** How long a received message stays hidden: longer than the function may run, so it is never delivered twice at once. */
  visibilityTimeoutMs: number;
}

interface StoredMessage {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  /** Hidden until then (epoch ms); 0 = visible. */
  visibleAt: number;
  /** The handle of the delivery in flight; a late delete with an older handle is ignored. */
  receiptHandle: string | null;
}

/** A message that reached the dead-letter queue, with why its last delivery failed when the function said so. */
export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  lastError: string | null;
}

export class LocalQueue {
  readonly arn: string;
  private readonly messages = new Map<string, StoredMessage>();
  private readonly listeners = new Set<() => void>();
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly settings: QueueSettings,
    private readonly deadLetters: DeadLetterQueue,
  ) {
    this.arn = `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
  }

  send(body: string): string {
    const messageId = randomUUID();
    this.messages.set(messageId, { messageId, body, sentAt: Date.now(), receiveCount: 0, firstReceivedAt: null, visibleAt: 0, receiptHandle: null });
    this.notify();
    return messageId;
  }

  /** Up to `max` visible messages as SQS records, hidden for the visibility timeout from now. */
  receive(max: number): SQSRecord[] {
    const now = Date.now();
    this.moveExhausted(now);
    const records: SQSRecord[] = [];
    for (const message of this.messages.values()) {
      if (records.length >= max) break;
      if (message.visibleAt > now) continue;
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + this.settings.visibilityTimeoutMs;
      message.receiptHandle = randomUUID();
      records.push(this.record(message));
    }
    this.scheduleWake();
    return records;
  }

  /** ChangeMessageVisibility: the message in flight under this handle becomes visible after `delayMs`. */
  changeVisibility(receiptHandle: string, delayMs: number): void {
    for (const message of this.messages.values()) {
      if (message.receiptHandle === receiptHandle) message.visibleAt = Date.now() + delayMs;
    }
    this.scheduleWake();
  }

  delete(receiptHandle: string): void {
    for (const message of this.messages.values()) {
      if (message.receiptHandle === receiptHandle) {
        this.messages.delete(message.messageId);
        return;
      }
    }
  }

  /** Messages waiting or in flight. */
  get depth(): number {
    return this.messages.size;
  }

  hasVisible(now = Date.now()): boolean {
    this.moveExhausted(now);
    for (const message of this.messages.values()) if (message.visibleAt <= now) return true;
    return false;
  }

  /** Called whenever a message may have become receivable. */
  onReady(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearTimeout(this.wakeTimer);
    this.listeners.clear();
  }

  /** SQS moves a message whose receive count reached maxReceiveCount when it would next become visible. */
  private moveExhausted(now: number): void {
    for (const message of [...this.messages.values()]) {
      if (message.visibleAt <= now && message.receiveCount >= this.settings.maxReceiveCount) {
        this.messages.delete(message.messageId);
        this.deadLetters.add(message);
      }
    }
  }

  /**
   * Wakes when the next hidden message falls due: an exhausted one moves to the dead-letter queue then,
   * whether or not anyone polls, and the timer is set again for the messages still hidden.
   */
  private scheduleWake(): void {
    clearTimeout(this.wakeTimer);
    const hidden = [...this.messages.values()].map((message) => message.visibleAt).filter((at) => at > Date.now());
    if (hidden.length === 0) return;
    this.wakeTimer = setTimeout(() => {
      this.moveExhausted(Date.now());
      this.scheduleWake();
      this.notify();
    }, Math.max(0, Math.min(...hidden) - Date.now()) + 1);
    this.wakeTimer.unref();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private record(message: StoredMessage): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: message.receiptHandle ?? "",
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: ACCOUNT,
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: createHash("md5").update(message.body).digest("hex"),
      eventSource: "aws:sqs",
      eventSourceARN: this.arn,
      awsRegion: REGION,
    };
  }
}

/** The dead letters kept in a file (JSON Lines), as a running stack writes them. */
export function readDeadLetters(file: string): DeadLetter[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as DeadLetter);
}

/**
 * The dead-letter queue: kept for inspection (the summary lists it), never delivered to a function.
 * With a file, it survives restarts, as an SQS dead-letter queue keeps its messages for 14 days.
 */
export class DeadLetterQueue {
  private readonly letters: DeadLetter[];

  /** `lastErrorOf` tells what the function logged when a delivery of a message last failed. */
  constructor(
    readonly name: string,
    private readonly lastErrorOf: (messageId: string) => string | null,
    private readonly file: string | null = null,
  ) {
    this.letters = file === null ? [] : readDeadLetters(file);
  }

  add(message: { messageId: string; body: string; receiveCount: number }): void {
    const letter: DeadLetter = { messageId: message.messageId, body: message.body, receiveCount: message.receiveCount, lastError: this.lastErrorOf(message.messageId) };
    this.letters.push(letter);
    if (this.file !== null) appendFileSync(this.file, `${JSON.stringify(letter)}\n`);
  }

  list(): readonly DeadLetter[] {
    return this.letters;
  }

  /**
   * Takes every letter out (SQS's dead-letter redrive moves each message back once), and rewrites the
   * file without them. Returns them oldest first.
   */
  takeAll(): DeadLetter[] {
    return this.take(() => true);
  }

  /** Takes out the letters `which` picks (those the local stack's recovery found resolved), keeping the others in order. */
  take(which: (letter: DeadLetter) => boolean): DeadLetter[] {
    const taken = this.letters.filter(which);
    const kept = this.letters.filter((letter) => !which(letter));
    this.letters.splice(0, this.letters.length, ...kept);
    if (this.file !== null) writeFileSync(this.file, kept.map((letter) => `${JSON.stringify(letter)}\n`).join(""));
    return taken;
  }
}

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface EventSourceSettings {
  functionName: string;
  /** Records per invocation (the CDK SqsEventSource batchSize). */
  batchSize: number;
  /** Invocations at once (the CDK SqsEventSource maxConcurrency). */
  maxConcurrency: number;
  timeoutMs: number;
  /**
   * When a failed record is delivered again. On AWS it waits out the visibility timeout (six times the
   * function timeout, nine minutes for intake); locally it comes back after this delay.
   */
  retryDelayMs: number;
}

/**
 * Polls a queue and invokes the function with batches, as Lambda's SQS event source mapping does
 * with reportBatchItemFailures: records the function lists as failed stay on the queue, the others
 * are deleted; an invocation that throws leaves the whole batch.
 */
export class EventSourceMapping {
  private active = 0;
  private stopped = false;
  private readonly unsubscribe: () => void;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    private readonly queue: LocalQueue,
    private readonly handler: SqsHandler,
    private readonly settings: EventSourceSettings,
    private readonly onInvocationError: (error: unknown, records: readonly SQSRecord[]) => void = () => undefined,
  ) {
    this.unsubscribe = queue.onReady(() => this.poll());
    this.poll();
  }

  /** An invocation is running. */
  get busy(): boolean {
    return this.active > 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    while (this.active > 0) await new Promise<void>((resolve) => this.idleWaiters.add(resolve));
  }

  private poll(): void {
    while (!this.stopped && this.active < this.settings.maxConcurrency && this.queue.hasVisible()) {
      const records = this.queue.receive(this.settings.batchSize);
      if (records.length === 0) return;
      this.active += 1;
      void this.invoke(records).finally(() => {
        this.active -= 1;
        for (const resolve of this.idleWaiters) resolve();
        this.idleWaiters.clear();
        this.poll();
      });
    }
  }

  private async invoke(records: SQSRecord[]): Promise<void> {
    let failed: Set<string>;
    let timer: NodeJS.Timeout | undefined;
    // Lambda ends an invocation at its timeout; the batch then counts as failed, as when it throws.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.settings.functionName}: task timed out after ${this.settings.timeoutMs} ms`)), this.settings.timeoutMs);
    });
    try {
      const response = await Promise.race([invoke(this.handler, { Records: records }, this.settings.functionName, this.settings.timeoutMs), timedOut]);
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      this.onInvocationError(error, records);
      failed = new Set(records.map((record) => record.messageId));
    } finally {
      clearTimeout(timer);
    }
    for (const record of records) {
      if (failed.has(record.messageId)) this.queue.changeVisibility(record.receiptHandle, this.settings.retryDelayMs);
      else this.queue.delete(record.receiptHandle);
    }
  }
}
