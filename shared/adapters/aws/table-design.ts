/**
 * The DynamoDB tables as data: names of keys, indexes and TTL attributes. The CDK stateful stack
 * builds its tables from these, the local stack creates the same tables with `createTableInput`,
 * and the repository adapter reads its key names from here. Change a key here and all three follow.
 *
 * Access patterns: docs/data-model.md.
 */
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

export interface IndexDesign {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Non-key attributes copied into the index (INCLUDE projection). */
  projected: readonly string[];
}

export interface TableDesign {
  /** Construct id in CDK and default table name locally. */
  id: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  timeToLiveAttribute?: string;
  indexes: readonly IndexDesign[];
  /** Item changes published to a DynamoDB stream, with both images (what the aggregates need). */
  stream?: "NEW_AND_OLD_IMAGES";
}

const text = (name: string): KeyAttribute => ({ name, type: "S" });

/** Attributes every index entry of a case carries, so searches can filter before reading whole cases. */
export const CASE_FILTER_ATTRIBUTES = ["caseId", "status", "courtId", "agencyId", "sortDate", "totalAmountVnd"] as const;

/** Index names of the cases table, by what they find. */
export const CaseIndex = {
  /** Exact-key lookups: case number (CASENO#) on case items, folded name words (NAMETOKEN#) on name entries. */
  lookup: "ByLookup",
  court: "ByCourtDate",
  agency: "ByAgencyDate",
  /** Status by arrival time: the review queue. */
  status: "ByStatusReceived",
  month: "ByMonthDate",
  amount: "ByAmount",
} as const;

const caseIndex = (indexName: string, partitionKey: string, sortKey: string): IndexDesign => ({
  indexName,
  partitionKey: text(partitionKey),
  sortKey: text(sortKey),
  projected: CASE_FILTER_ATTRIBUTES,
});

/** TTL attribute of the cases table; only pending OCR jobs set it, cases and audit entries never expire. */
export const CASES_EXPIRY_ATTRIBUTE = "expiresAt";

export const casesTable: TableDesign = {
  id: "Cases",
  partitionKey: text("pk"),
  sortKey: text("sk"),
  timeToLiveAttribute: CASES_EXPIRY_ATTRIBUTE,
  indexes: [
    caseIndex(CaseIndex.lookup, "lookupPk", "lookupSk"),
    caseIndex(CaseIndex.court, "courtPk", "dateSk"),
    caseIndex(CaseIndex.agency, "agencyPk", "dateSk"),
    caseIndex(CaseIndex.status, "statusPk", "receivedSk"),
    caseIndex(CaseIndex.month, "monthPk", "dateSk"),
    caseIndex(CaseIndex.amount, "amountPk", "amountSk"),
  ],
};

/** Sort-key prefixes of the matters table: a case's proposed matters and the matters opened from them. */
export const MatterItemPrefix = { proposal: "PROPOSAL#", matter: "MATTER#" } as const;

/**
 * What a worklist row shows of a matter, copied into every matter index so lists never read the
 * matter items themselves (whose audit trails grow with every step).
 */
export const MATTER_LIST_ATTRIBUTES = [
  "id", "caseId", "unitId", "executor", "state", "mode", "creditInstitution", "debtor", "creditor",
  "owedVnd", "collectedVnd", "reducedVnd", "openedOn", "version", "obstacles",
] as const;

/** Index names of the matters table, by what they find. Only opened matters carry their keys: proposals stay out. */
export const MatterIndex = {
  /** A unit's matters by date of thụ lý. */
  unit: "ByUnitOpened",
  /** A unit's matters in one state, by date of thụ lý. */
  unitState: "ByUnitStateOpened",
  /** An executor's matters (name folded), by date of thụ lý. */
  executor: "ByExecutorOpened",
  /** Open matters where a credit institution is a party (sparse: a closed matter leaves it), by unit then date. */
  openCredit: "ByOpenCredit",
} as const;

const matterIndex = (indexName: string, partitionKey: string, sortKey: string): IndexDesign => ({
  indexName,
  partitionKey: text(partitionKey),
  sortKey: text(sortKey),
  projected: MATTER_LIST_ATTRIBUTES,
});

/**
 * Enforcement matters, grouped by case (`pk` = `CASE#<caseId>`): the proposals intake makes and
 * the matters staff open from them, each with its audit trail. Its stream feeds the report aggregates.
 */
export const mattersTable: TableDesign = {
  id: "Matters",
  partitionKey: text("pk"),
  sortKey: text("sk"),
  indexes: [
    matterIndex(MatterIndex.unit, "unitPk", "openedSk"),
    matterIndex(MatterIndex.unitState, "unitStatePk", "openedSk"),
    matterIndex(MatterIndex.executor, "executorPk", "openedSk"),
    matterIndex(MatterIndex.openCredit, "creditPk", "creditSk"),
  ],
  stream: "NEW_AND_OLD_IMAGES",
};

/** TTL attribute of the analytics table: only the markers of stream records already applied expire. */
export const ANALYTICS_EXPIRY_ATTRIBUTE = "expiresAt";

/** Report aggregates kept from the matters stream (keys: see docs/data-model.md). */
export const analyticsTable: TableDesign = {
  id: "Analytics",
  partitionKey: text("pk"),
  sortKey: text("sk"),
  timeToLiveAttribute: ANALYTICS_EXPIRY_ATTRIBUTE,
  indexes: [],
};

/** Powertools idempotency records: its default key and expiry attribute names. */
export const idempotencyTable: TableDesign = {
  id: "Idempotency",
  partitionKey: text("id"),
  timeToLiveAttribute: "expiration",
  indexes: [],
};

export const tableDesigns = [casesTable, mattersTable, analyticsTable, idempotencyTable] as const;

/** CreateTable input for a design (on-demand billing, stream if any), e.g. for DynamoDB Local. TTL needs a separate UpdateTimeToLive call. */
export function createTableInput(design: TableDesign, tableName: string): CreateTableCommandInput {
  const keys = [design.partitionKey, design.sortKey, ...design.indexes.flatMap((index) => [index.partitionKey, index.sortKey])].filter(
    (key): key is KeyAttribute => key !== undefined,
  );
  const attributeDefinitions = [...new Map(keys.map((key) => [key.name, key])).values()].map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [
      { AttributeName: design.partitionKey.name, KeyType: "HASH" },
      ...(design.sortKey ? [{ AttributeName: design.sortKey.name, KeyType: "RANGE" as const }] : []),
    ],
    ...(design.stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: design.stream } }),
    ...(design.indexes.length > 0 && {
      GlobalSecondaryIndexes: design.indexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: "HASH" as const },
          { AttributeName: index.sortKey.name, KeyType: "RANGE" as const },
        ],
        Projection: { ProjectionType: "INCLUDE" as const, NonKeyAttributes: [...index.projected] },
      })),
    }),
  };
}
