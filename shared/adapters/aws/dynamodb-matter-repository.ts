/**
 * MatterRepository on the matters table (design: table-design.ts, access patterns: docs/data-model.md).
 *
 * Item collection of a case, all under pk = CASE#<caseId>:
 *   sk = PROPOSAL#<proposalId>  a matter intake proposed (one per debtor, creditor and mode)
 *   sk = MATTER#<matterId>      a matter staff opened, with its whole audit trail (`events`)
 *   sk = NOTICE                 what the case's last correction may have left unmatched among opened matters
 * Opened matters also carry the keys of the worklist indexes (MatterIndex); proposals carry none,
 * so the indexes hold matters only, and a closed matter drops out of the open-credit index.
 * Keeping the audit trail inside the matter item is what lets the stream record of one change
 * carry everything the report aggregates need (old and new image), with no extra read.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Obstacle } from "../../domain/lifecycle/matter.ts";
import { MatterItemSchema } from "../../domain/lifecycle/schema.ts";
import { CLOSED_STATES, MATTER_STATES } from "../../domain/lifecycle/states.ts";
import type { MatterProposal } from "../../domain/matters/types.ts";
import type { MatterRow } from "../../domain/matters/worklist.ts";
import type { MatterItem } from "../../domain/report/incremental.ts";
import { vietnamDate } from "../../domain/report/periods.ts";
import { reason } from "../../domain/review-reasons.ts";
import { foldVietnamese } from "../../domain/text/fold.ts";
import { InvalidRequestError } from "../../errors.ts";
import type { Page, PageRequest } from "../../ports/case-repository.ts";
import {
  MatterVersionConflictError,
  ProposalsChangedError,
  type CaseMatters,
  type CorrectionNotice,
  type MatterArchive,
  type MatterListFilter,
  type MatterRepository,
} from "../../ports/matter-repository.ts";
import { decodeCursor, encodeCursor } from "./page-cursor.ts";
import { MATTER_LIST_ATTRIBUTES, MatterIndex, MatterItemPrefix, mattersTable } from "./table-design.ts";

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
  addedBy: z.object({ by: z.string(), at: z.string(), note: z.string() }).optional(),
});

const NOTICE_SK = "NOTICE";
const NoticeSchema = z.object({ caseVersion: z.number(), matterIds: z.array(z.string()), message: z.string() });

const ObstacleSchema = z.object({ at: z.string(), by: z.string(), note: z.string() });
const RowSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  unitId: z.string(),
  executor: z.string().nullable().default(null),
  state: z.enum(MATTER_STATES),
  mode: z.enum(["ex_officio", "on_request"]),
  creditInstitution: z.boolean(),
  debtor: z.string(),
  creditor: z.string(),
  owedVnd: z.number(),
  collectedVnd: z.number(),
  reducedVnd: z.number(),
  openedOn: z.string(),
  version: z.number(),
  obstacles: z.array(ObstacleSchema).default([]),
});

/** Index pages read for one page of a worklist at most; sparse filters then return a short page with a cursor. */
const MAX_QUERIES_PER_PAGE = 8;
const OPEN_CREDIT_PK = "CREDIT#OPEN";

/** The key attribute names of a matters index (table-design.ts). */
function keysOf(indexName: string): { partitionKey: string; sortKey: string } {
  const index = mattersTable.indexes.find((candidate) => candidate.indexName === indexName)!;
  return { partitionKey: index.partitionKey.name, sortKey: index.sortKey.name };
}
const UNIT = keysOf(MatterIndex.unit);
const UNIT_STATE = keysOf(MatterIndex.unitState);
const EXECUTOR = keysOf(MatterIndex.executor);
const OPEN_CREDIT = keysOf(MatterIndex.openCredit);

const unitPartition = (unitId: string) => `UNIT#${unitId}`;
const unitStatePartition = (unitId: string, state: string) => `UNIT#${unitId}#STATE#${state}`;
const executorPartition = (executor: string) => `EXECUTOR#${foldVietnamese(executor)}`;

/** The keys that place an opened matter in the worklist indexes; a closed matter leaves the open-credit one. */
function indexAttributes(item: MatterItem): Record<string, string> {
  const openedOn = vietnamDate(item.events[0]!.at);
  // the unit, unit-state and executor indexes share one sort key: the date of thụ lý
  const openedSk = `${openedOn}#${item.id}`;
  return {
    openedOn,
    [UNIT.partitionKey]: unitPartition(item.unitId),
    [UNIT.sortKey]: openedSk,
    [UNIT_STATE.partitionKey]: unitStatePartition(item.unitId, item.state),
    ...(item.executor !== undefined && { [EXECUTOR.partitionKey]: executorPartition(item.executor) }),
    ...(item.creditInstitution && !CLOSED_STATES.has(item.state) && { [OPEN_CREDIT.partitionKey]: OPEN_CREDIT_PK, [OPEN_CREDIT.sortKey]: `${item.unitId}#${openedSk}` }),
  };
}

/** Where a page resumes: the index key DynamoDB returned, opaque to callers. */
const CursorSchema = z.object({ k: z.record(z.string(), z.string()) });

/** The start key a cursor names; a cursor this API did not return for this partition is a 400. */
function startKeyOf(text: string | undefined, partitionKey: string, partition: string): Record<string, string> | undefined {
  return text === undefined ? undefined : decodeCursor(text, CursorSchema, ({ k }) => k[partitionKey] === partition).k;
}

interface ListPlan {
  index: string;
  partitionKey: string;
  sortKey: string;
  partition: string;
  /** Criteria the partition key does not already hold, as filter expressions. */
  filters: { parts: string[]; names: Record<string, string>; values: Record<string, unknown> };
}

/** Picks the most selective index partition for a worklist: executor, then unit and state, then unit. */
function planList(filter: MatterListFilter): ListPlan {
  const filters: ListPlan["filters"] = { parts: [], names: {}, values: {} };
  const where = (attribute: string, value: unknown) => {
    const n = filters.parts.length;
    filters.parts.push(`#f${n} = :f${n}`);
    filters.names[`#f${n}`] = attribute;
    filters.values[`:f${n}`] = value;
  };
  let plan: Omit<ListPlan, "filters">;
  if (filter.executor !== undefined) {
    plan = { index: MatterIndex.executor, ...EXECUTOR, partition: executorPartition(filter.executor) };
    if (filter.unitId !== undefined) where("unitId", filter.unitId);
    if (filter.state !== undefined) where("state", filter.state);
  } else if (filter.unitId !== undefined && filter.state !== undefined) {
    plan = { index: MatterIndex.unitState, ...UNIT_STATE, partition: unitStatePartition(filter.unitId, filter.state) };
  } else if (filter.unitId !== undefined) {
    plan = { index: MatterIndex.unit, ...UNIT, partition: unitPartition(filter.unitId) };
  } else {
    throw new Error("a worklist names a unit or an executor");
  }
  if (filter.mode !== undefined) where("mode", filter.mode);
  if (filter.creditInstitution !== undefined) where("creditInstitution", filter.creditInstitution);
  return { ...plan, filters };
}

const rowProjection = {
  ProjectionExpression: MATTER_LIST_ATTRIBUTES.map((_, index) => `#p${index}`).join(", "),
  names: Object.fromEntries(MATTER_LIST_ATTRIBUTES.map((name, index) => [`#p${index}`, name])),
};

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
        else if (sk === NOTICE_SK) found.notice = NoticeSchema.parse(item);
      }
    }
    return found;
  }

  async replaceProposals(caseId: string, removed: readonly string[], added: readonly MatterProposal[]): Promise<void> {
    await this.transactReplace(caseId, removed, added, [], "atomic");
  }

  async reproposeAfterCorrection(caseId: string, removed: readonly string[], added: readonly MatterProposal[], notice: CorrectionNotice | null): Promise<void> {
    const key = { pk: casePk(caseId), sk: NOTICE_SK };
    const noticeAction = notice
      ? { Put: { TableName: this.tableName, Item: { ...key, ...notice, entity: "notice" } } }
      : { Delete: { TableName: this.tableName, Key: key } };
    // A case with many proposals takes several transactions: the caller reads and derives again
    // when one fails, and whatever an earlier one wrote is then replaced like any unopened proposal.
    await this.transactReplace(caseId, removed, added, [noticeAction], "chunked");
  }

  /**
   * Proposals only removed are deleted, proposals in both lists overwritten, new ones put; each
   * removed one must still be there and not opened as a matter. "atomic": one transaction (at most
   * 100 actions); "chunked": transactions of up to 100 actions, a proposal's actions kept together.
   */
  private async transactReplace(
    caseId: string,
    removed: readonly string[],
    added: readonly MatterProposal[],
    extra: Record<string, unknown>[],
    mode: "atomic" | "chunked",
  ): Promise<void> {
    const pk = casePk(caseId);
    const proposalKey = (id: string) => ({ pk, sk: `${MatterItemPrefix.proposal}${id}` });
    const replaced = new Set(added.map((proposal) => proposal.id).filter((id) => removed.includes(id)));
    const notOpened = (id: string) => ({
      // a proposal already opened stays as staff opened it
      ConditionCheck: { TableName: this.tableName, Key: { pk, sk: `${MatterItemPrefix.matter}${id}` }, ConditionExpression: "attribute_not_exists(pk)" },
    });
    const put = (proposal: MatterProposal) => ({
      Put: {
        TableName: this.tableName,
        Item: { ...proposal, ...proposalKey(proposal.id), entity: "proposal" },
        ConditionExpression: replaced.has(proposal.id) ? "attribute_exists(pk)" : "attribute_not_exists(pk)",
      },
    });
    const groups: Record<string, unknown>[][] = [
      ...removed.map((id) => [
        replaced.has(id) ? put(added.find((proposal) => proposal.id === id)!) : { Delete: { TableName: this.tableName, Key: proposalKey(id), ConditionExpression: "attribute_exists(pk)" } },
        notOpened(id),
      ]),
      ...added.filter((proposal) => !replaced.has(proposal.id)).map((proposal) => [put(proposal)]),
      ...extra.map((action) => [action]),
    ];
    const transactions: Record<string, unknown>[][] = [];
    for (const group of groups) {
      const last = transactions.at(-1);
      if (last && (mode === "atomic" || last.length + group.length <= MAX_TRANSACTION_ITEMS)) last.push(...group);
      else transactions.push([...group]);
    }
    for (const actions of transactions) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: actions as NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]> }));
      } catch (error) {
        if (conditionFailed(error)) throw new ProposalsChangedError(caseId);
        throw error;
      }
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
    // an obstacle noted since the matter was read (noteObstacle keeps the version) must not be overwritten
    const noted = item.obstacles?.length ?? 0;
    return {
      TableName: this.tableName,
      Item: { ...item, ...indexAttributes(item), pk: casePk(item.caseId), sk: `${MatterItemPrefix.matter}${item.id}`, entity: "matter" },
      ConditionExpression: first ? "attribute_not_exists(pk)" : `#version = :previous AND ${noted === 0 ? "attribute_not_exists(#obstacles)" : "size(#obstacles) = :noted"}`,
      ...(!first && {
        ExpressionAttributeNames: { "#version": "version", "#obstacles": "obstacles" },
        ExpressionAttributeValues: { ":previous": item.version - 1, ...(noted > 0 && { ":noted": noted }) },
      }),
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

  async correctionNotice(caseId: string): Promise<CorrectionNotice | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: casePk(caseId), sk: NOTICE_SK }, ConsistentRead: true }));
    return Item ? NoticeSchema.parse(Item) : null;
  }

  async noteObstacle(caseId: string, matterId: string, obstacle: Obstacle): Promise<MatterItem | null> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: casePk(caseId), sk: `${MatterItemPrefix.matter}${matterId}` },
          UpdateExpression: "SET #obstacles = list_append(if_not_exists(#obstacles, :none), :noted)",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#obstacles": "obstacles" },
          ExpressionAttributeValues: { ":none": [], ":noted": [obstacle] },
          ReturnValues: "ALL_NEW",
        }),
      );
      return MatterItemSchema.parse(Attributes);
    } catch (error) {
      if (conditionFailed(error)) return null;
      throw error;
    }
  }

  async list(filter: MatterListFilter, page: PageRequest): Promise<Page<MatterRow>> {
    const plan = planList(filter);
    let startKey = startKeyOf(page.cursor, plan.partitionKey, plan.partition);
    const items: MatterRow[] = [];
    for (let queries = 0; queries < MAX_QUERIES_PER_PAGE && items.length < page.limit; queries += 1) {
      const values: Record<string, unknown> = { ":pk": plan.partition, ...plan.filters.values };
      let keyCondition = "#pk = :pk";
      if (filter.openedBefore !== undefined) {
        keyCondition += " AND #opened < :before";
        values[":before"] = filter.openedBefore;
      }
      const input: QueryCommandInput = {
        TableName: this.tableName,
        IndexName: plan.index,
        KeyConditionExpression: keyCondition,
        ExpressionAttributeNames: { "#pk": plan.partitionKey, ...(filter.openedBefore !== undefined && { "#opened": plan.sortKey }), ...plan.filters.names, ...rowProjection.names },
        ExpressionAttributeValues: values,
        ProjectionExpression: rowProjection.ProjectionExpression,
        Limit: page.limit - items.length,
        ...(plan.filters.parts.length > 0 && { FilterExpression: plan.filters.parts.join(" AND ") }),
        ...(startKey && { ExclusiveStartKey: startKey }),
      };
      const output = await this.client.send(new QueryCommand(input)).catch((error: unknown) => {
        // a start key the index does not accept can only come from a cursor this API did not return
        if (startKey && error instanceof Error && error.name === "ValidationException") throw new InvalidRequestError(reason("request.cursor", {}));
        throw error;
      });
      items.push(...(output.Items ?? []).map((item) => RowSchema.parse(item)));
      startKey = output.LastEvaluatedKey as Record<string, string> | undefined;
      if (!startKey) break;
    }
    return { items, ...(startKey && { nextCursor: encodeCursor({ k: startKey }) }) };
  }

  async openCreditMatters(unitId?: string): Promise<MatterRow[]> {
    const rows: MatterRow[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: MatterIndex.openCredit,
        KeyConditionExpression: unitId === undefined ? "#pk = :pk" : "#pk = :pk AND begins_with(#sk, :unit)",
        ExpressionAttributeNames: { "#pk": OPEN_CREDIT.partitionKey, ...(unitId !== undefined && { "#sk": OPEN_CREDIT.sortKey }), ...rowProjection.names },
        ExpressionAttributeValues: { ":pk": OPEN_CREDIT_PK, ...(unitId !== undefined && { ":unit": `${unitId}#` }) },
        ProjectionExpression: rowProjection.ProjectionExpression,
      },
    );
    for await (const page of pages) rows.push(...(page.Items ?? []).map((item) => RowSchema.parse(item)));
    return rows;
  }
}
