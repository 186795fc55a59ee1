/**
 * Lambda's DynamoDB event source mapping, on DynamoDB Local's own stream of the matters table: the
 * poller reads the stream's shards (parents before their children, as Lambda does), turns each page
 * of records into the DynamoDBStreamEvent Lambda would deliver and invokes apply-matter-changes with
 * it, with the settings CDK deploys (infra/topology.ts MATTER_STREAM): partial batch failures retried
 * from the first failed record, a batch still failing after its retries recorded in the failure file
 * (the on-failure destination) and passed. The position reached in each shard is checkpointed in the
 * data folder after each batch, so a restart resumes there: nothing skipped, and a batch replayed
 * after a crash before its checkpoint changes nothing (the aggregates skip record ids already applied).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamsRecord,
  type AttributeValue,
  type Shard,
} from "@aws-sdk/client-dynamodb-streams";
import type { AttributeValue as LambdaAttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { MatterItemPrefix } from "#adapters/aws/table-design.ts";
import { invoke } from "./lambda.ts";
import { waitUntil } from "./net.ts";

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamMappingSettings {
  functionName: string;
  batchSize: number;
  /** Retries of a failing batch before it goes to the failure record. */
  retryAttempts: number;
  timeoutMs: number;
  /** Pause before retrying a failed batch. */
  retryDelayMs: number;
  /** Pause between polls when the stream has nothing new. */
  idlePollMs: number;
}

interface ShardPosition {
  /** The last record handled (or passed); none yet: from the oldest record kept. */
  sequenceNumber?: string;
  /** Closed and read to its end. */
  finished?: boolean;
}

interface CheckpointState {
  streamArn: string;
  shards: Record<string, ShardPosition>;
}

/** Where the poller has got to in each shard, in a file of the data folder (or in memory). */
export class StreamCheckpoints {
  private state: CheckpointState;

  constructor(
    private readonly streamArn: string,
    private readonly file: string | null,
  ) {
    const stored = file !== null && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as CheckpointState) : null;
    // A table created again has a new stream: positions in the old one mean nothing there.
    this.state = stored?.streamArn === streamArn ? stored : { streamArn, shards: {} };
  }

  of(shardId: string): ShardPosition {
    return this.state.shards[shardId] ?? {};
  }

  set(shardId: string, position: ShardPosition): void {
    this.state.shards[shardId] = position;
    if (this.file === null) return;
    // Written aside, then renamed: a crash mid-write leaves the previous checkpoint whole.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.state, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}

/** What AWS sends to a stream mapping's on-failure destination when a batch exhausted its retries: where the batch is, not its records. */
export interface StreamBatchFailure {
  requestContext: { requestId: string; functionArn: string; condition: "RetryAttemptsExhausted"; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: "1.0";
  timestamp: string;
  DDBStreamBatchInfo: { shardId: string; startSequenceNumber: string; endSequenceNumber: string; batchSize: number; streamArn: string };
}

/** An attribute value as Lambda's JSON event carries it: binary as base64, the rest as the SDK reads it. */
function lambdaAttribute(value: AttributeValue): LambdaAttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString("base64") };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString("base64")) };
  if (value.L !== undefined) return { L: value.L.map(lambdaAttribute) };
  if (value.M !== undefined) return { M: lambdaImage(value.M) };
  return value as LambdaAttributeValue;
}

function lambdaImage(image: Record<string, AttributeValue>): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, lambdaAttribute(value)]));
}

/** One record as Lambda delivers it: creation time in epoch seconds, the stream's ARN, the mapping's region. */
export function lambdaRecord(record: StreamsRecord, streamArn: string, region: string): DynamoDBRecord {
  const change = record.dynamodb!;
  return {
    eventID: record.eventID!,
    eventName: record.eventName as DynamoDBRecord["eventName"],
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change.ApproximateCreationDateTime && { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) }),
      Keys: lambdaImage(change.Keys ?? {}),
      ...(change.NewImage && { NewImage: lambdaImage(change.NewImage) }),
      ...(change.OldImage && { OldImage: lambdaImage(change.OldImage) }),
      SequenceNumber: change.SequenceNumber!,
      SizeBytes: change.SizeBytes ?? 0,
      StreamViewType: change.StreamViewType as "NEW_AND_OLD_IMAGES",
    },
  };
}

/** The records the AWS mapping's filter lets through: matter items (proposals change nothing in the report). */
const isMatterRecord = (record: StreamsRecord) => String(record.dynamodb?.Keys?.sk?.S ?? "").startsWith(MatterItemPrefix.matter);

/** The shards in the order Lambda reads them: a child only after its parent (when the parent is still listed). */
function shardsInOrder(shards: readonly Shard[]): Shard[] {
  const ids = new Set(shards.map((shard) => shard.ShardId));
  const ordered: Shard[] = [];
  const placed = new Set<string>();
  const place = (shard: Shard) => {
    if (placed.has(shard.ShardId!)) return;
    const parent = shard.ParentShardId && ids.has(shard.ParentShardId) ? shards.find((candidate) => candidate.ShardId === shard.ParentShardId) : undefined;
    if (parent) place(parent);
    placed.add(shard.ShardId!);
    ordered.push(shard);
  };
  shards.forEach(place);
  return ordered;
}

async function listShards(client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let ExclusiveStartShardId: string | undefined;
  do {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }));
    shards.push(...(StreamDescription?.Shards ?? []));
    ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
  } while (ExclusiveStartShardId);
  return shardsInOrder(shards);
}

async function iteratorAt(client: DynamoDBStreamsClient, streamArn: string, shardId: string, position: ShardPosition): Promise<string | undefined> {
  const at = position.sequenceNumber
    ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER" as const, SequenceNumber: position.sequenceNumber }
    : { ShardIteratorType: "TRIM_HORIZON" as const };
  try {
    return (await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...at }))).ShardIterator;
  } catch (error) {
    // The checkpointed record aged out of the stream (24 hours): read from the oldest kept; what was
    // trimmed in between is lost to the aggregates until a rebuild.
    if (!(error instanceof TrimmedDataAccessException)) throw error;
    process.stderr.write(`local stack: the matters stream no longer holds shard ${shardId} from its checkpoint; run thads aggregates rebuild\n`);
    return (await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
  }
}

/**
 * Whether every record of the stream has been handled: no shard holds a record after its
 * checkpoint. Works from any process that sees the stream and the checkpoint file.
 */
export async function streamDrained(client: DynamoDBStreamsClient, checkpoints: StreamCheckpoints, streamArn: string): Promise<boolean> {
  for (const shard of await listShards(client, streamArn)) {
    const position = checkpoints.of(shard.ShardId!);
    if (position.finished) continue;
    const iterator = await iteratorAt(client, streamArn, shard.ShardId!, position);
    if (!iterator) continue;
    try {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1 }));
      if ((page.Records ?? []).length > 0) return false;
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) return false; // ask again
      throw error;
    }
  }
  return true;
}

/** Polls the stream and invokes the function, as Lambda's event source mapping does; one batch at a time. */
export class StreamEventSourceMapping {
  private stopped = false;
  private running = false;
  private wake: (() => void) | null = null;
  private readonly loop: Promise<void>;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly handler: StreamHandler,
    private readonly settings: StreamMappingSettings,
    private readonly checkpoints: StreamCheckpoints,
    private readonly failureFile: string | null,
    private readonly region: string,
    private readonly onInvocationError: (error: unknown) => void = () => undefined,
  ) {
    this.loop = this.run();
  }

  /** Failure records written by this stack (kept in memory when there is no data folder). */
  readonly failures: StreamBatchFailure[] = [];

  /** Waits until every change written so far reached the function (or the failure record). */
  async settled(timeoutMs = 60_000): Promise<void> {
    this.wake?.(); // poll now rather than at the end of the idle pause
    await waitUntil(async () => !this.running && (await streamDrained(this.client, this.checkpoints, this.streamArn)), {
      timeoutMs,
      what: "the matters stream to be applied",
      intervalMs: 25,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let lastError: string | null = null;
    while (!this.stopped) {
      let handled = 0;
      try {
        this.running = true;
        for (const shard of await listShards(this.client, this.streamArn)) {
          if (this.stopped) break;
          handled += await this.readShard(shard.ShardId!);
        }
        lastError = null;
      } catch (error) {
        // Once per outage, not at every poll (DynamoDB Local may be down for a while: fault tests, a restart).
        const detail = error instanceof Error ? error.message : String(error);
        if (!this.stopped && detail !== lastError) process.stderr.write(`local stack: reading the matters stream failed: ${detail}\n`);
        lastError = detail;
      } finally {
        this.running = false;
      }
      if (handled === 0 && !this.stopped) await this.pause(this.settings.idlePollMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Reads one shard from its checkpoint to the records there are now; returns how many records it passed. */
  private async readShard(shardId: string): Promise<number> {
    let position = this.checkpoints.of(shardId);
    if (position.finished) return 0;
    let iterator = await iteratorAt(this.client, this.streamArn, shardId, position);
    let passed = 0;
    while (iterator && !this.stopped) {
      let page;
      try {
        page = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: this.settings.batchSize }));
      } catch (error) {
        // DynamoDB Local now and then refuses a fresh iterator as trimmed: the next poll starts again from the checkpoint
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) return passed;
        throw error;
      }
      const records = page.Records ?? [];
      if (records.length > 0) {
        await this.deliver(shardId, records.filter(isMatterRecord));
        position = { sequenceNumber: records.at(-1)!.dynamodb!.SequenceNumber! };
        passed += records.length;
      }
      iterator = page.NextShardIterator;
      if (!iterator) position = { ...position, finished: true };
      if (records.length > 0 || !iterator) this.checkpoints.set(shardId, position);
      if (records.length === 0) break;
    }
    return passed;
  }

  /** Invokes the function with a batch; failed records are retried from the first, then recorded as a failed batch. */
  private async deliver(shardId: string, records: StreamsRecord[]): Promise<void> {
    let pending = records.map((record) => lambdaRecord(record, this.streamArn, this.region));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const failedFrom = await this.invokeOnce(pending);
      if (failedFrom === null) return;
      // Lambda retries from the first failed record: those before it are done.
      const first = pending.findIndex((record) => record.dynamodb!.SequenceNumber === failedFrom);
      pending = pending.slice(Math.max(0, first));
      if (attempt >= this.settings.retryAttempts) {
        this.recordFailure(shardId, pending, attempt + 1);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.settings.retryDelayMs));
    }
  }

  /** One invocation: null when every record went through, else the sequence number to retry from. */
  private async invokeOnce(records: DynamoDBRecord[]): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.settings.functionName}: task timed out after ${this.settings.timeoutMs} ms`)), this.settings.timeoutMs);
    });
    try {
      const response = await Promise.race([invoke(this.handler, { Records: records }, this.settings.functionName, this.settings.timeoutMs), timedOut]);
      const failures = (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
      if (failures.length === 0) return null;
      return records.find((record) => failures.includes(record.dynamodb!.SequenceNumber!))?.dynamodb!.SequenceNumber ?? records[0]!.dynamodb!.SequenceNumber!;
    } catch (error) {
      this.onInvocationError(error);
      return records[0]!.dynamodb!.SequenceNumber!;
    } finally {
      clearTimeout(timer);
    }
  }

  private recordFailure(shardId: string, records: DynamoDBRecord[], invocations: number): void {
    const failure: StreamBatchFailure = {
      requestContext: {
        requestId: randomUUID(),
        functionArn: `arn:aws:lambda:${this.region}:000000000000:function:${this.settings.functionName}`,
        condition: "RetryAttemptsExhausted",
        approximateInvokeCount: invocations,
      },
      responseContext: { statusCode: 200, executedVersion: "$LATEST" },
      version: "1.0",
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: records[0]!.dynamodb!.SequenceNumber!,
        endSequenceNumber: records.at(-1)!.dynamodb!.SequenceNumber!,
        batchSize: records.length,
        streamArn: this.streamArn,
      },
    };
    this.failures.push(failure);
    if (this.failureFile !== null) appendFileSync(this.failureFile, `${JSON.stringify(failure)}\n`);
    process.stderr.write(`local stack: ${records.length} matter changes could not be applied to the report aggregates after ${invocations} attempts; run thads aggregates rebuild\n`);
  }
}

/** The matters table's stream, as DynamoDB Local named it when it created the table. */
export async function matterStreamArn(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) throw new Error(`table ${tableName} has no stream`);
  return Table.LatestStreamArn;
}
