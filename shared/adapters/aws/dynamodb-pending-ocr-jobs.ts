import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PendingOcrJob, PendingOcrJobs } from "../../ports/case-repository.ts";
import { CASES_EXPIRY_ATTRIBUTE } from "./table-design.ts";

/** Textract keeps job results for 7 days; a job entry outliving that has nothing left to collect. */
export const PENDING_JOB_TTL_SECONDS = 14 * 24 * 60 * 60;

const jobKey = (jobId: string) => ({ pk: `OCRJOB#${jobId}`, sk: "OCRJOB" });

/** Pending OCR jobs as short-lived items in the cases table (pk = OCRJOB#<jobId>), removed by TTL if never completed. */
export class DynamoDbPendingOcrJobs implements PendingOcrJobs {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(job: PendingOcrJob): Promise<void> {
    const expiresAt = Math.floor(Date.parse(job.receivedAt) / 1000) + PENDING_JOB_TTL_SECONDS;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...jobKey(job.jobId), entity: "ocr-job", ...job, [CASES_EXPIRY_ATTRIBUTE]: expiresAt } }));
  }

  async get(jobId: string): Promise<PendingOcrJob | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: jobKey(jobId), ConsistentRead: true }));
    if (!Item) return null;
    return { jobId: String(Item.jobId), caseId: String(Item.caseId), source: Item.source as PendingOcrJob["source"], receivedAt: String(Item.receivedAt) };
  }

  async remove(jobId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: jobKey(jobId) }));
  }
}

