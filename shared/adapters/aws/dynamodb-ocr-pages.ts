import { gunzipSync, gzipSync } from "node:zlib";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PageText } from "../../ports/ocr-engine.ts";
import type { OcrPageResults } from "../../ports/ocr-pages.ts";
import { PENDING_JOB_TTL_SECONDS } from "./dynamodb-pending-ocr-jobs.ts";
import { CASES_EXPIRY_ATTRIBUTE } from "./table-design.ts";

/**
 * DynamoDB refuses items over 400 KB. A page of a judgment is 2-10 KB of text and boxes, under 4 KB gzipped; a
 * page this far over that is not a judgment page, and saying so beats a ValidationException.
 */
export const MAX_PAGE_BYTES = 350 * 1024;

const partition = (jobId: string) => `OCRJOB#${jobId}`;
const pageKey = (jobId: string, pageNumber: number) => ({ pk: partition(jobId), sk: `PAGE#${String(pageNumber).padStart(5, "0")}` });
const progressKey = (jobId: string) => ({ pk: partition(jobId), sk: "PAGES" });
const expiresAt = () => Math.floor(Date.now() / 1000) + PENDING_JOB_TTL_SECONDS;

/**
 * Page results of a fanned-out OCR job in the cases table, beside the job's entry (pk = OCRJOB#<jobId>): one item
 * per page (sk = PAGE#00001, the page gzipped) and one item whose number set lists the pages done. Adding a number
 * to a set twice leaves one, so a redelivered page cannot count twice, and the update returns the set after it:
 * exactly one page's update sees the set first become complete. All of it expires like the pending job.
 */
export class DynamoDbOcrPageResults implements OcrPageResults {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async has(jobId: string, pageNumber: number): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: pageKey(jobId, pageNumber), ProjectionExpression: "pk", ConsistentRead: true }),
    );
    return Item !== undefined;
  }

  async save(jobId: string, page: PageText): Promise<void> {
    const packed = gzipSync(JSON.stringify(page));
    if (packed.length > MAX_PAGE_BYTES) throw new Error(`page ${page.pageNumber} of OCR job ${jobId} is ${packed.length} bytes gzipped, over ${MAX_PAGE_BYTES}`);
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...pageKey(jobId, page.pageNumber), entity: "ocr-page", page: packed, [CASES_EXPIRY_ATTRIBUTE]: expiresAt() } }),
    );
  }

  async markDone(jobId: string, pageNumber: number, pageCount: number): Promise<boolean> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: progressKey(jobId),
        UpdateExpression: "ADD #done :page SET #entity = :entity, #expires = if_not_exists(#expires, :expires)",
        ExpressionAttributeNames: { "#done": "done", "#entity": "entity", "#expires": CASES_EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ":page": new Set([pageNumber]), ":entity": "ocr-progress", ":expires": expiresAt() },
        ReturnValues: "ALL_NEW",
      }),
    );
    const done = Attributes?.done as Set<number> | undefined;
    return (done?.size ?? 0) >= pageCount;
  }

  async all(jobId: string): Promise<PageText[]> {
    const pages: PageText[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const response = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :page)",
          ExpressionAttributeValues: { ":pk": partition(jobId), ":page": "PAGE#" },
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of response.Items ?? []) pages.push(JSON.parse(gunzipSync(item.page as Uint8Array).toString("utf8")) as PageText);
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return pages;
  }
}
