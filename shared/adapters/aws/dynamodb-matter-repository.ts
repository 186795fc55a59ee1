/**
 * MatterRepository on the matters table (design: table-design.ts, access patterns: docs/data-model.md).
 *
 * Item collection of a case, all under pk = CASE#<caseId>:
 *   sk = PROPOSAL#<proposalId>  a matter intake proposed (one per debtor, creditor and mode)
 *   sk = MATTER#<matterId>      a matter staff opened, with its whole audit trail (`events`)
 * Keeping the audit trail inside the matter item is what lets the stream record of one change
 * carry everything the report aggregates need (old and new image), with no extra read.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { GetCommand, paginateQuery, paginateScan, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { MatterItemSchema } from "../../domain/lifecycle/schema.ts";
import type { MatterProposal } from "../../domain/matters/types.ts";
import type { MatterItem } from "../../domain/report/incremental.ts";
import { MatterVersionConflictError, ProposalsChangedError, type CaseMatters, type MatterArchive, type MatterRepository } from "../../ports/matter-repository.ts";
import { MatterItemPrefix } from "./table-design.ts";

/** DynamoDB's limit of actions in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

const casePk = (caseId: string) => `CASE#${caseId}`;

/** Stored proposals are read back as written; only the fields the model promises are kept. */
const StoredProposalSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  mode: z.enum(["ex_officio", "on_request"]),
  debtor: z.string(),
  creditor: z.string(),
  lines: z.array(z.object({ obligationIndex: z.number(), kind: z.string(), amountVnd: z.number(), periodic: z.enum(["month", "year"]).nullable(), countedVnd: z.number() })),
  amountVnd: z.number(),
  periodic: z.array(z.object({ amountVnd: z.number(), per: z.enum(["month", "year"]) })),
  judgmentType: z.string(),
  creditInstitution: z.boolean(),
  unitId: z.string().nullable(),
  reviewReasons: z.array(z.string()),
});

function conditionFailed(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).some((reason) => reason.Code === "ConditionalCheckFailed");
  return error instanceof ConditionalCheckFailedException;
}

export class DynamoDbMatterRepository implements MatterRepository, MatterArchive {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveProposals(caseId: string, proposals: readonly MatterProposal[]): Promise<"stored" | "exists"> {
    for (let start = 0; start < proposals.length; start += MAX_TRANSACTION_ITEMS) {
      const chunk = proposals.slice(start, start + MAX_TRANSACTION_ITEMS);
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: chunk.map((proposal) => ({
              Put: {
                TableName: this.tableName,
                Item: { ...proposal, pk: casePk(caseId), sk: `${MatterItemPrefix.proposal}${proposal.id}`, entity: "proposal" },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            })),
          }),
        );
      } catch (error) {
        // Proposals are written together, so one already there means this case's were stored before.
        if (conditionFailed(error)) return "exists";
        throw error;
      }
    }
    return "stored";
  }

  async ofCase(caseId: string): Promise<CaseMatters> {
    const found: CaseMatters = { proposals: [], matters: [] };
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": casePk(caseId) }, ConsistentRead: true },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const sk = String(item.sk);
        if (sk.startsWith(MatterItemPrefix.matter)) found.matters.push(MatterItemSchema.parse(item));
        else if (sk.startsWith(MatterItemPrefix.proposal)) found.proposals.push(StoredProposalSchema.parse(item) as MatterProposal);
      }
    }
    return found;
  }

  async replaceProposals(caseId: string, removed: readonly string[], added: readonly MatterProposal[]): Promise<void> {
    const pk = casePk(caseId);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...removed.flatMap((id) => [
              { Delete: { TableName: this.tableName, Key: { pk, sk: `${MatterItemPrefix.proposal}${id}` }, ConditionExpression: "attribute_exists(pk)" } },
              // a proposal already opened stays as staff opened it
              { ConditionCheck: { TableName: this.tableName, Key: { pk, sk: `${MatterItemPrefix.matter}${id}` }, ConditionExpression: "attribute_not_exists(pk)" } },
            ]),
            ...added.map((proposal) => ({
              Put: { TableName: this.tableName, Item: { ...proposal, pk, sk: `${MatterItemPrefix.proposal}${proposal.id}`, entity: "proposal" }, ConditionExpression: "attribute_not_exists(pk)" },
            })),
          ],
        }),
      );
    } catch (error) {
      if (conditionFailed(error)) throw new ProposalsChangedError(caseId);
      throw error;
    }
  }

  async get(caseId: string, matterId: string): Promise<MatterItem | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: casePk(caseId), sk: `${MatterItemPrefix.matter}${matterId}` }, ConsistentRead: true }),
    );
    return Item ? MatterItemSchema.parse(Item) : null;
  }

  /** The conditional put of a matter's next version. */
  private matterPut(item: MatterItem) {
    const first = item.version === 1;
    return {
      TableName: this.tableName,
      Item: { ...item, pk: casePk(item.caseId), sk: `${MatterItemPrefix.matter}${item.id}`, entity: "matter" },
      ConditionExpression: first ? "attribute_not_exists(pk)" : "#version = :previous",
      ...(!first && { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":previous": item.version - 1 } }),
    };
  }

  async save(item: MatterItem): Promise<void> {
    try {
      await this.client.send(new PutCommand(this.matterPut(item)));
    } catch (error) {
      if (conditionFailed(error)) throw new MatterVersionConflictError(item.id, item.version - 1);
      throw error;
    }
  }

  async saveTransfer(item: MatterItem, receiving: MatterProposal): Promise<void> {
    const proposal = { ...receiving, pk: casePk(receiving.caseId), sk: `${MatterItemPrefix.proposal}${receiving.id}`, entity: "proposal" };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: this.matterPut(item) }, { Put: { TableName: this.tableName, Item: proposal, ConditionExpression: "attribute_not_exists(pk)" } }],
        }),
      );
    } catch (error) {
      if (conditionFailed(error)) throw new MatterVersionConflictError(item.id, item.version - 1);
      throw error;
    }
  }

  /** A scan, page by page, keeping matter items only: for rebuilding the aggregates, never for a user's request. */
  async *allMatters(): AsyncGenerator<MatterItem> {
    const pages = paginateScan(
      { client: this.client, pageSize: 100 },
      { TableName: this.tableName, FilterExpression: "begins_with(sk, :matter)", ExpressionAttributeValues: { ":matter": MatterItemPrefix.matter }, ConsistentRead: true },
    );
    for await (const page of pages) for (const item of page.Items ?? []) yield MatterItemSchema.parse(item);
  }
}
