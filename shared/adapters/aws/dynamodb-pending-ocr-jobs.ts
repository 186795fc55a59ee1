import { DeleteCommand, GetCommand, paginateScan, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PendingOcrJob, PendingOcrJobs } from "../../ports/case-repository.ts";
import { CASES_EXPIRY_ATTRIBUTE } from "./table-design.ts";

/** Textract keeps job results for 7 days; a job entry outliving that has nothing left to collect. */
export const PENDING_JOB_TTL_SECONDS = 14 * 24 * 60 * 60;

const jobKey = (jobId: string) => ({ pk: `OCRJOB#${jobId}`, sk: "OCRJOB" });
const ENTITY = "ocr-job";

const jobOf = (item: Record<string, unknown>): PendingOcrJob => ({
  jobId: String(item.jobId),
  caseId: String(item.caseId),
  source: item.source as PendingOcrJob["source"],
  receivedAt: String(item.receivedAt),
});

/** Pending OCR jobs as short-lived items in the cases table (pk = OCRJOB#<jobId>), removed by TTL if never completed. */
export class DynamoDbPendingOcrJobs implements PendingOcrJobs {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(job: PendingOcrJob): Promise<void> {
    const expiresAt = Math.floor(Date.parse(job.receivedAt) / 1000) + PENDING_JOB_TTL_SECONDS;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...jobKey(job.jobId), entity: ENTITY, ...job, [CASES_EXPIRY_ATTRIBUTE]: expiresAt } }));
  }

  async get(jobId: string): Promise<PendingOcrJob | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: jobKey(jobId), ConsistentRead: true }));
    return Item ? jobOf(Item) : null;
  }

  /** Every pending job: a table scan, for the local stack's recovery after a fault (no function lists them). */
  async *all(): AsyncGenerator<PendingOcrJob> {
    const pages = paginateScan({ client: this.client }, { TableName: this.tableName, FilterExpression: "entity = :job", ExpressionAttributeValues: { ":job": ENTITY }, ConsistentRead: true });
    for await (const page of pages) for (const item of page.Items ?? []) yield jobOf(item);
  }

  async remove(jobId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: jobKey(jobId) }));
  }
}

