/**
 * CaseRepository on one DynamoDB table (design: table-design.ts, access patterns: docs/data-model.md).
 *
 * Item collection of a case, all under pk = CASE#<caseId>:
 *   sk = CASE                the case, carrying the keys of every index it appears in
 *   sk = NAMETOKEN#<word>    one per distinct folded word of its party names (name search)
 *   sk = AUDIT#<version>#<at> one per staff correction
 * Every search is a Query on an index partition; none scans the table (allCases does, for the local stack).
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { reason, reviewCodesOf } from "../../domain/review-reasons.ts";
import { caseNumberKey, nameTokens } from "../../domain/search-keys.ts";
import { caseDate, type AuditEntry, type CaseStatus, type StoredCase } from "../../domain/stored-case.ts";
import { InvalidRequestError, VersionConflictError } from "../../errors.ts";
import type { CaseArchive, CaseRepository, CaseSearch, CaseSummary, Page, PageRequest, UploadRecord } from "../../ports/case-repository.ts";
import { decodeCursor, encodeCursor } from "./page-cursor.ts";
import { CaseIndex, casesTable } from "./table-design.ts";

/** Keeps create and correction transactions within DynamoDB's 100 actions (case + audit + puts + deletes). */
export const MAX_NAME_TOKENS = 48;
/** Index pages read per request at most; a sparse filter then returns a short page with a cursor. */
const MAX_QUERIES_PER_PAGE = 8;
/** Date searches without a court or agency walk month partitions; this bounds how many. */
export const MAX_MONTHS_PER_SEARCH = 60;
const AMOUNT_DIGITS = 16;

const casePk = (caseId: string) => `CASE#${caseId}`;
const CASE_SK = "CASE";
const TOKEN_SK_PREFIX = "NAMETOKEN#";
const AUDIT_SK_PREFIX = "AUDIT#";
/** A court's uploads: one partition per court, newest last by sort key (received time, then upload id). */
const uploadsPk = (courtId: string) => `UPLOADS#${courtId}`;

/** Attributes that exist only to place the case in indexes; not part of StoredCase. */
const INDEX_ONLY_ATTRIBUTES = [
  "pk", "sk", "entity", "courtId", "sortDate",
  ...casesTable.indexes.flatMap((index) => [index.partitionKey.name, index.sortKey.name]),
];

const SUMMARY_FIELDS = [
  "caseId", "version", "status", "caseNumber", "court", "source", "agencyId", "issuedDate", "receivedAt", "totalAmountVnd", "parties", "reviewReasons", "reviewCodes",
] as const;

type Item = Record<string, unknown>;

function filterAttributes(record: StoredCase) {
  return {
    caseId: record.caseId,
    status: record.status,
    courtId: record.source.courtId,
    agencyId: record.agencyId,
    sortDate: caseDate(record),
    totalAmountVnd: record.totalAmountVnd,
  };
}

function amountKey(amountVnd: number): { digits: string; padded: string } {
  const whole = String(Math.max(0, Math.trunc(amountVnd)));
  return { digits: String(whole.length).padStart(2, "0"), padded: whole.padStart(AMOUNT_DIGITS, "0") };
}

function caseItem(record: StoredCase): Item {
  const filters = filterAttributes(record);
  const { digits, padded } = amountKey(record.totalAmountVnd);
  const numberKey = record.caseNumber ? caseNumberKey(record.caseNumber) : "";
  return {
    ...record,
    ...filters,
    pk: casePk(record.caseId),
    sk: CASE_SK,
    entity: "case",
    ...(numberKey && { lookupPk: `CASENO#${numberKey}`, lookupSk: record.caseId }),
    courtPk: `COURT#${filters.courtId}`,
    dateSk: `${filters.sortDate}#${record.caseId}`,
    ...(record.agencyId && { agencyPk: `AGENCY#${record.agencyId}` }),
    statusPk: `STATUS#${record.status}`,
    receivedSk: `${record.receivedAt}#${record.caseId}`,
    monthPk: `MONTH#${filters.sortDate.slice(0, 7)}`,
    amountPk: `AMOUNT#${digits}`,
    amountSk: `${padded}#${record.caseId}`,
  };
}

/** The folded words of all party names; what name search can find the case by. */
export function searchTokens(record: Pick<StoredCase, "parties">): string[] {
  const words = record.parties.map((party) => nameTokens(party.name));
  // Given names first: name search reads the partition of the last word typed, the given name, so
  // every party (up to the budget) stays findable, also one a correction appended to a crowded case.
  const givenNames = words.flatMap((tokens) => tokens.slice(-1));
  return [...new Set([...givenNames, ...words.flat()])].slice(0, MAX_NAME_TOKENS);
}

function tokenItem(record: StoredCase, token: string): Item {
  return {
    ...filterAttributes(record),
    pk: casePk(record.caseId),
    sk: `${TOKEN_SK_PREFIX}${token}`,
    entity: "name-token",
    lookupPk: `NAMETOKEN#${token}`,
    lookupSk: record.caseId,
  };
}

function auditItem(entry: AuditEntry): Item {
  return { ...entry, pk: casePk(entry.caseId), sk: `${AUDIT_SK_PREFIX}${String(entry.version).padStart(6, "0")}#${entry.at}`, entity: "audit" };
}

function storedCase(item: Item): StoredCase {
  const record = { ...item };
  for (const name of INDEX_ONLY_ATTRIBUTES) delete record[name];
  return record as unknown as StoredCase;
}

/** DynamoDB's item size limit, less room for its per-attribute overhead (estimated as JSON). */
const MAX_ITEM_BYTES = 380 * 1024;

/** Refuses an item DynamoDB would reject as over 400 KB, before the write fails as a server error. */
function assertItemFits(item: Item, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(item), "utf8");
  if (bytes > MAX_ITEM_BYTES) {
    throw new InvalidRequestError(reason("request.item-too-large", { what, kilobytes: Math.ceil(bytes / 1024), limit: MAX_ITEM_BYTES / 1024 }));
  }
}

function isConditionFailure(error: unknown, actionIndex: number): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[actionIndex]?.Code === "ConditionalCheckFailed";
}

const CursorSchema = z.object({ p: z.number().int().min(0), k: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
type Cursor = z.infer<typeof CursorSchema>;

/** Where a search resumes: the first partition when no cursor is given. */
const searchCursor = (text: string | undefined): Cursor => (text === undefined ? { p: 0 } : decodeCursor(text, CursorSchema));

/** How one search reads: partitions of one index, in order, with an optional sort-key range. */
interface QueryPlan {
  index: string;
  partitionKey: string;
  sortKey: string;
  partitions: string[];
  sortRange?: [string, string];
  newestFirst: boolean;
  /** Criteria answered by the key condition; the others become filters. */
  keyed: (keyof CaseSearch)[];
  /** Name search reads the partition of one word; the others are checked on the cases read. */
  nameWords?: string[];
}

function dateRange(criteria: CaseSearch): [string, string] {
  return [criteria.dateFrom ?? "0000-00-00", `${criteria.dateTo ?? "9999-12-31"}#\uffff`];
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    if (current > last) break;
    months.push(current);
    if (months.length > MAX_MONTHS_PER_SEARCH) {
      throw new InvalidRequestError(reason("request.date-range-too-long", { months: MAX_MONTHS_PER_SEARCH }));
    }
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

function indexKeys(index: string) {
  const design = casesTable.indexes.find((candidate) => candidate.indexName === index);
  if (!design) throw new Error(`no index ${index}`);
  return { index, partitionKey: design.partitionKey.name, sortKey: design.sortKey.name };
}

/** Picks the narrowest index the criteria allow. Throws InvalidRequestError when none narrows the search. */
export function planSearch(criteria: CaseSearch): QueryPlan {
  if (criteria.caseNumber !== undefined) {
    const key = caseNumberKey(criteria.caseNumber);
    if (!key) throw new InvalidRequestError(reason("request.case-number-empty", {}));
    return { ...indexKeys(CaseIndex.lookup), partitions: [`CASENO#${key}`], newestFirst: true, keyed: ["caseNumber"] };
  }
  if (criteria.partyName !== undefined) {
    const words = nameTokens(criteria.partyName);
    const last = words.at(-1);
    if (!last) throw new InvalidRequestError(reason("request.party-name-empty", {}));
    // Vietnamese names end with the given name, the most selective word (family names are few).
    return { ...indexKeys(CaseIndex.lookup), partitions: [`NAMETOKEN#${last}`], newestFirst: true, keyed: ["partyName"], nameWords: words };
  }
  if (criteria.courtId !== undefined) {
    return { ...indexKeys(CaseIndex.court), partitions: [`COURT#${criteria.courtId}`], sortRange: dateRange(criteria), newestFirst: true, keyed: ["courtId", "dateFrom", "dateTo"] };
  }
  if (criteria.agencyId !== undefined) {
    return { ...indexKeys(CaseIndex.agency), partitions: [`AGENCY#${criteria.agencyId}`], sortRange: dateRange(criteria), newestFirst: true, keyed: ["agencyId", "dateFrom", "dateTo"] };
  }
  if (criteria.status !== undefined) {
    return { ...indexKeys(CaseIndex.status), partitions: [`STATUS#${criteria.status}`], newestFirst: true, keyed: ["status"] };
  }
  if (criteria.dateFrom !== undefined && criteria.dateTo !== undefined) {
    const months = monthsBetween(criteria.dateFrom, criteria.dateTo).reverse();
    return { ...indexKeys(CaseIndex.month), partitions: months.map((month) => `MONTH#${month}`), sortRange: dateRange(criteria), newestFirst: true, keyed: ["dateFrom", "dateTo"] };
  }
  if (criteria.minAmountVnd !== undefined || criteria.maxAmountVnd !== undefined) {
    const low = amountKey(criteria.minAmountVnd ?? 0);
    const high = amountKey(criteria.maxAmountVnd ?? 10 ** AMOUNT_DIGITS - 1);
    const digits: string[] = [];
    for (let count = Number(high.digits); count >= Number(low.digits); count -= 1) digits.push(String(count).padStart(2, "0"));
    return {
      ...indexKeys(CaseIndex.amount),
      partitions: digits.map((count) => `AMOUNT#${count}`),
      sortRange: [low.padded, `${high.padded}#\uffff`],
      newestFirst: true,
      keyed: ["minAmountVnd", "maxAmountVnd"],
    };
  }
  throw new InvalidRequestError(reason("request.no-criterion", {}));
}

/** FilterExpression parts for the criteria the key condition does not answer. */
function filtersFor(criteria: CaseSearch, keyed: readonly (keyof CaseSearch)[]) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const open = (criterion: keyof CaseSearch) => criteria[criterion] !== undefined && !keyed.includes(criterion);
  const equals = (criterion: "status" | "courtId" | "agencyId") => {
    if (!open(criterion)) return;
    names[`#${criterion}`] = criterion;
    values[`:${criterion}`] = criteria[criterion];
    parts.push(`#${criterion} = :${criterion}`);
  };
  equals("status");
  equals("courtId");
  equals("agencyId");
  if (open("dateFrom") || open("dateTo")) {
    names["#sortDate"] = "sortDate";
    values[":dateFrom"] = criteria.dateFrom ?? "0000-00-00";
    values[":dateTo"] = criteria.dateTo ?? "9999-12-31";
    parts.push("#sortDate BETWEEN :dateFrom AND :dateTo");
  }
  if (open("minAmountVnd") || open("maxAmountVnd")) {
    names["#total"] = "totalAmountVnd";
    values[":minAmount"] = criteria.minAmountVnd ?? 0;
    values[":maxAmount"] = criteria.maxAmountVnd ?? Number.MAX_SAFE_INTEGER;
    parts.push("#total BETWEEN :minAmount AND :maxAmount");
  }
  return { parts, names, values };
}

export class DynamoDbCaseRepository implements CaseRepository, CaseArchive {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async exists(caseId: string): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: casePk(caseId), sk: CASE_SK }, ProjectionExpression: "pk" }));
    return Item !== undefined;
  }

  async create(record: StoredCase): Promise<"created" | "exists"> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: caseItem(record), ConditionExpression: "attribute_not_exists(pk)" } },
            ...searchTokens(record).map((token) => ({ Put: { TableName: this.tableName, Item: tokenItem(record, token) } })),
          ],
        }),
      );
      return "created";
    } catch (error) {
      if (isConditionFailure(error, 0)) return "exists";
      throw error;
    }
  }

  async get(caseId: string): Promise<StoredCase | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: casePk(caseId), sk: CASE_SK }, ConsistentRead: true }));
    return Item ? storedCase(Item) : null;
  }

  async *allCases(): AsyncGenerator<StoredCase> {
    const pages = paginateScan(
      { client: this.client },
      { TableName: this.tableName, FilterExpression: "#entity = :case", ExpressionAttributeNames: { "#entity": "entity" }, ExpressionAttributeValues: { ":case": "case" } },
    );
    for await (const page of pages) for (const item of page.Items ?? []) yield storedCase(item);
  }

  async history(caseId: string): Promise<AuditEntry[]> {
    const items = await this.itemsOfCase(caseId, AUDIT_SK_PREFIX);
    return items.map(({ pk: _pk, sk: _sk, entity: _entity, ...entry }) => entry as unknown as AuditEntry);
  }

  async findByCaseNumber(caseNumber: string): Promise<CaseSummary[]> {
    return (await this.search({ caseNumber }, { limit: 20 })).items;
  }

  async search(criteria: CaseSearch, page: PageRequest): Promise<Page<CaseSummary>> {
    const plan = planSearch(criteria);
    const { ids, nextCursor } = await this.collectIds(plan, filtersFor(criteria, plan.keyed), page);
    let items = await this.summaries(ids);
    const words = plan.nameWords;
    if (words && words.length > 1) {
      items = items.filter((item) => item.parties.some((party) => words.every((word) => nameTokens(party.name).includes(word))));
    }
    return { items, ...(nextCursor && { nextCursor }) };
  }

  async reviewQueue(filter: { agencyId?: string; courtId?: string }, page: PageRequest): Promise<Page<CaseSummary>> {
    const plan: QueryPlan = { ...indexKeys(CaseIndex.status), partitions: ["STATUS#needs_review"], newestFirst: false, keyed: ["status"] };
    const { ids, nextCursor } = await this.collectIds(plan, filtersFor(filter, plan.keyed), page);
    return { items: await this.summaries(ids), ...(nextCursor && { nextCursor }) };
  }

  async saveCorrection(updated: StoredCase, audit: AuditEntry): Promise<void> {
    const updatedItem = caseItem(updated);
    const audited = auditItem(audit);
    assertItemFits(updatedItem, "hồ sơ sau khi sửa");
    assertItemFits(audited, "bản ghi lần sửa này");
    const wanted = new Set(searchTokens(updated));
    const stale = (await this.itemsOfCase(updated.caseId, TOKEN_SK_PREFIX, "sk"))
      .map((item) => String(item.sk))
      .filter((sk) => !wanted.has(sk.slice(TOKEN_SK_PREFIX.length)));
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: updatedItem,
                ConditionExpression: "#version = :previous",
                ExpressionAttributeNames: { "#version": "version" },
                ExpressionAttributeValues: { ":previous": updated.version - 1 },
              },
            },
            { Put: { TableName: this.tableName, Item: audited, ConditionExpression: "attribute_not_exists(pk)" } },
            // Token entries carry the case's filter attributes (status, amount...), so all are rewritten.
            ...[...wanted].map((token) => ({ Put: { TableName: this.tableName, Item: tokenItem(updated, token) } })),
            ...stale.map((sk) => ({ Delete: { TableName: this.tableName, Key: { pk: casePk(updated.caseId), sk } } })),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error, 0)) throw new VersionConflictError(updated.caseId, updated.version - 1);
      throw error;
    }
  }

  async recordUpload(courtId: string, record: UploadRecord): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...record, pk: uploadsPk(courtId), sk: `${record.receivedAt}#${record.uploadId}`, entity: "upload" },
          // a redelivered document must not turn "filed" into "duplicate" of itself
          ConditionExpression: "attribute_not_exists(pk) OR #fate = :reading",
          ExpressionAttributeNames: { "#fate": "fate" },
          ExpressionAttributeValues: { ":reading": "reading" },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async uploadsOf(courtId: string, page: PageRequest): Promise<Page<UploadRecord & { caseStatus: CaseStatus | null }>> {
    const cursor = searchCursor(page.cursor);
    const output = await this.client
      .send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": uploadsPk(courtId) },
          ScanIndexForward: false,
          Limit: page.limit,
          ...(cursor.k && { ExclusiveStartKey: cursor.k }),
        }),
      )
      .catch((error: unknown) => {
        if (cursor.k && error instanceof Error && error.name === "ValidationException") throw new InvalidRequestError(reason("request.cursor", {}));
        throw error;
      });
    const records = (output.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _entity, ...record }) => record as unknown as UploadRecord);
    const statuses = new Map((await this.summaries([...new Set(records.map((record) => record.caseId))])).map((summary) => [summary.caseId, summary.status]));
    const items = records.map((record) => ({ ...record, caseStatus: statuses.get(record.caseId) ?? null }));
    return { items, ...(output.LastEvaluatedKey && { nextCursor: encodeCursor({ p: 0, k: output.LastEvaluatedKey as Cursor["k"] }) }) };
  }

  private async itemsOfCase(caseId: string, skPrefix: string, projection?: string): Promise<Item[]> {
    const items: Item[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": casePk(caseId), ":prefix": skPrefix },
        ConsistentRead: true,
        ...(projection && { ProjectionExpression: projection }),
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }

  /** Reads index partitions in plan order until a page of case ids is collected; returns where to resume. */
  private async collectIds(plan: QueryPlan, filters: ReturnType<typeof filtersFor>, page: PageRequest): Promise<{ ids: string[]; nextCursor?: string }> {
    let cursor = searchCursor(page.cursor);
    const ids: string[] = [];
    for (let queries = 0; ids.length < page.limit && cursor.p < plan.partitions.length && queries < MAX_QUERIES_PER_PAGE; queries += 1) {
      const names: Record<string, string> = { "#pk": plan.partitionKey, ...filters.names };
      const values: Record<string, unknown> = { ":pk": plan.partitions[cursor.p], ...filters.values };
      let keyCondition = "#pk = :pk";
      if (plan.sortRange) {
        names["#sk"] = plan.sortKey;
        [values[":skLow"], values[":skHigh"]] = plan.sortRange;
        keyCondition += " AND #sk BETWEEN :skLow AND :skHigh";
      }
      const input: QueryCommandInput = {
        TableName: this.tableName,
        IndexName: plan.index,
        KeyConditionExpression: keyCondition,
        ExpressionAttributeNames: { ...names, "#caseId": "caseId" },
        ExpressionAttributeValues: values,
        ProjectionExpression: "#caseId",
        ScanIndexForward: !plan.newestFirst,
        Limit: page.limit - ids.length,
        ...(filters.parts.length > 0 && { FilterExpression: filters.parts.join(" AND ") }),
        ...(cursor.k && { ExclusiveStartKey: cursor.k }),
      };
      const output = await this.client.send(new QueryCommand(input)).catch((error: unknown) => {
        // a start key the index does not accept can only come from a cursor this API did not return
        if (cursor.k && error instanceof Error && error.name === "ValidationException") throw new InvalidRequestError(reason("request.cursor", {}));
        throw error;
      });
      for (const item of output.Items ?? []) {
        const caseId = String(item.caseId);
        if (!ids.includes(caseId)) ids.push(caseId);
      }
      cursor = output.LastEvaluatedKey ? { p: cursor.p, k: output.LastEvaluatedKey as Cursor["k"] } : { p: cursor.p + 1 };
    }
    return cursor.p < plan.partitions.length ? { ids, nextCursor: encodeCursor(cursor) } : { ids };
  }

  private async summaries(caseIds: readonly string[]): Promise<CaseSummary[]> {
    if (caseIds.length === 0) return [];
    const names = Object.fromEntries(SUMMARY_FIELDS.map((field, index) => [`#f${index}`, field]));
    const found = new Map<string, Item>();
    let keys: Item[] = caseIds.map((caseId) => ({ pk: casePk(caseId), sk: CASE_SK }));
    for (let attempt = 0; keys.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      if (attempt > 5) throw new Error("DynamoDB left keys unprocessed after retries");
      const output = await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ProjectionExpression: Object.keys(names).join(", "), ExpressionAttributeNames: names } } }),
      );
      for (const item of output.Responses?.[this.tableName] ?? []) found.set(String(item.caseId), item);
      keys = (output.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Item[];
    }
    return caseIds.flatMap((caseId) => {
      const item = found.get(caseId);
      return item ? [toSummary(item)] : [];
    });
  }
}

function toSummary(item: Item): CaseSummary {
  const record = item as unknown as StoredCase;
  return {
    caseId: record.caseId,
    version: record.version,
    status: record.status,
    caseNumber: record.caseNumber ?? null,
    court: record.court ?? null,
    courtId: record.source.courtId,
    agencyId: record.agencyId ?? null,
    issuedDate: record.issuedDate ?? null,
    receivedAt: record.receivedAt,
    totalAmountVnd: record.totalAmountVnd,
    parties: record.parties.map((party) => ({ name: party.name, role: party.role })),
    reviewReasons: record.reviewReasons,
    reviewCodes: reviewCodesOf(record),
  };
}
