/**
 * ReportAggregates on the analytics table (design: table-design.ts, layout: docs/data-model.md).
 *
 *   pk = RESIDUAL#<scheme>, sk = <period id>#<cell key>   one residual cell: v_<count> (việc), t_<count> (tiền)
 *   pk = APPLIED#<stream record id>#<part>, sk = APPLIED  marks a record's deltas as added (expires after a week)
 *
 * Cells change only by atomic ADD, so concurrent batches from different stream shards never
 * overwrite each other; each record's ADDs and its marker commit in one transaction, which is
 * what makes a redelivered record a no-op.
 */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, paginateQuery, TransactWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CellDelta } from "../../domain/report/incremental.ts";
import { COUNTS, emptyCell } from "../../domain/report/indicators.ts";
import type { PeriodScheme, ReportPeriod } from "../../domain/report/periods.ts";
import type { Cube } from "../../domain/report/rollup.ts";
import type { ReportAggregates } from "../../ports/report-aggregates.ts";
import { ANALYTICS_EXPIRY_ATTRIBUTE } from "./table-design.ts";

/** One transaction holds the marker and at most this many cell updates (DynamoDB allows 100 actions). */
const CELLS_PER_TRANSACTION = 99;
/** DynamoDB's limit of requests in one BatchWriteItem. */
const BATCH_WRITE_ITEMS = 25;
/** Stream records live 24 hours; a marker outlives every retry of its record. */
const MARKER_TTL_SECONDS = 7 * 24 * 3600;

/** Attribute names of a cell's counts, in CELL_WIDTH order: việc then tiền. */
const CELL_ATTRIBUTES = [...COUNTS.map((count) => `v_${count}`), ...COUNTS.map((count) => `t_${count}`)];

const residualPk = (scheme: PeriodScheme) => `RESIDUAL#${scheme}`;

function cellUpdate(tableName: string, scheme: PeriodScheme, delta: CellDelta) {
  const names: Record<string, string> = { "#period": "period", "#cell": "cell" };
  const values: Record<string, unknown> = { ":period": delta.period, ":cell": delta.key };
  const additions: string[] = [];
  delta.values.forEach((value, index) => {
    if (value === 0) return;
    names[`#c${index}`] = CELL_ATTRIBUTES[index]!;
    values[`:c${index}`] = value;
    additions.push(`#c${index} :c${index}`);
  });
  return {
    Update: {
      TableName: tableName,
      Key: { pk: residualPk(scheme), sk: `${delta.period}#${delta.key}` },
      UpdateExpression: `SET #period = :period, #cell = :cell ADD ${additions.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function alreadyApplied(error: unknown): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === "ConditionalCheckFailed";
}

export class DynamoDbReportAggregates implements ReportAggregates {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async apply(recordId: string, deltas: readonly CellDelta[], scheme: PeriodScheme): Promise<"applied" | "already-applied"> {
    const changes = deltas.filter((delta) => delta.values.some((value) => value !== 0));
    let applied = false;
    for (let part = 0; part * CELLS_PER_TRANSACTION < changes.length; part++) {
      const marker = {
        Put: {
          TableName: this.tableName,
          Item: { pk: `APPLIED#${recordId}#${part}`, sk: "APPLIED", [ANALYTICS_EXPIRY_ATTRIBUTE]: Math.floor(this.now().getTime() / 1000) + MARKER_TTL_SECONDS },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      };
      const cells = changes.slice(part * CELLS_PER_TRANSACTION, (part + 1) * CELLS_PER_TRANSACTION).map((delta) => cellUpdate(this.tableName, scheme, delta));
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: [marker, ...cells] }));
        applied = true;
      } catch (error) {
        // This part went in on an earlier delivery; a later part may not have, so carry on.
        if (!alreadyApplied(error)) throw error;
      }
    }
    return applied || changes.length === 0 ? "applied" : "already-applied";
  }

  async replace(scheme: PeriodScheme, residuals: ReadonlyMap<string, Cube>, period: string | null): Promise<number> {
    const pk = residualPk(scheme);
    const puts = [...residuals]
      .filter(([id]) => period === null || id === period)
      .flatMap(([id, cube]) =>
        [...cube].map(([key, cell]) => ({
          PutRequest: { Item: { pk, sk: `${id}#${key}`, period: id, cell: key, ...Object.fromEntries(CELL_ATTRIBUTES.map((name, index) => [name, cell[index] ?? 0])) } },
        })),
      );
    const written = new Set(puts.map((put) => put.PutRequest.Item.sk));
    const stale: { DeleteRequest: { Key: { pk: string; sk: string } } }[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: period === null ? "pk = :pk" : "pk = :pk AND begins_with(sk, :period)",
        ExpressionAttributeValues: { ":pk": pk, ...(period !== null && { ":period": `${period}#` }) },
        ProjectionExpression: "sk",
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) if (!written.has(String(item.sk))) stale.push({ DeleteRequest: { Key: { pk, sk: String(item.sk) } } });
    }
    const requests = [...stale, ...puts];
    for (let start = 0; start < requests.length; start += BATCH_WRITE_ITEMS) {
      let pending: NonNullable<BatchWriteCommandOutput["UnprocessedItems"]>[string] | undefined = requests.slice(start, start + BATCH_WRITE_ITEMS);
      // Unprocessed requests (throttling) are sent again until none is left; the SDK backs off between calls.
      while (pending && pending.length > 0) {
        const output: BatchWriteCommandOutput = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = output.UnprocessedItems?.[this.tableName];
      }
    }
    return puts.length;
  }

  async residuals(scheme: PeriodScheme, through: ReportPeriod): Promise<Map<string, Cube>> {
    const residuals = new Map<string, Cube>();
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk <= :last",
        ExpressionAttributeValues: { ":pk": residualPk(scheme), ":last": `${through.id}#\uffff` },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const cell = emptyCell();
        CELL_ATTRIBUTES.forEach((name, index) => {
          cell[index] = Number(item[name] ?? 0);
        });
        const period = String(item.period);
        const cube = residuals.get(period) ?? new Map<string, Float64Array>();
        cube.set(String(item.cell), cell);
        residuals.set(period, cube);
      }
    }
    return residuals;
  }
}
