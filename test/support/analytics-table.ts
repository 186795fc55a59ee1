import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";

type Item = Record<string, unknown>;
type Action = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * An in-memory stand-in for the analytics table behind aws-sdk-client-mock, honouring what the
 * aggregates adapter relies on: all-or-nothing transactions, `attribute_not_exists` on puts,
 * `SET ... ADD ...` updates, and key-condition queries (`pk = :pk AND sk <= :last`) served in
 * pages of `pageSize` items.
 */
export function analyticsTable(options: { pageSize?: number } = {}) {
  const items = new Map<string, Item>();
  const client = mockClient(DynamoDBDocumentClient);
  let throttleWrites = 0;
  const keyOf = (key: Item) => `${String(key.pk)}\n${String(key.sk)}`;

  const update = (action: NonNullable<Action["Update"]>) => {
    const item: Item = { ...items.get(keyOf(action.Key!)), ...action.Key };
    const names = action.ExpressionAttributeNames ?? {};
    const values = action.ExpressionAttributeValues ?? {};
    const [setPart = "", addPart = ""] = action.UpdateExpression!.replace(/^SET /, "").split(" ADD ");
    for (const assignment of setPart.split(", ").filter(Boolean)) {
      const [name, value] = assignment.split(" = ") as [string, string];
      item[names[name] ?? name] = values[value];
    }
    for (const addition of addPart.split(", ").filter(Boolean)) {
      const [name, value] = addition.split(" ") as [string, string];
      const attribute = names[name] ?? name;
      item[attribute] = Number(item[attribute] ?? 0) + Number(values[value]);
    }
    items.set(keyOf(action.Key!), item);
  };

  client.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
    if (throttleWrites > 0) {
      throttleWrites--;
      throw Object.assign(new Error("Throughput exceeds the current capacity of your table or index"), { name: "ProvisionedThroughputExceededException" });
    }
    const actions = input.TransactItems ?? [];
    const failed = actions.findIndex((action) => action.Put?.ConditionExpression === "attribute_not_exists(pk)" && items.has(keyOf(action.Put.Item!)));
    if (failed >= 0) {
      throw new TransactionCanceledException({
        message: "Transaction cancelled, please refer cancellation reasons for specific reasons",
        $metadata: {},
        CancellationReasons: actions.map((_, index) => ({ Code: index === failed ? "ConditionalCheckFailed" : "None" })),
      });
    }
    for (const action of actions) {
      if (action.Put) items.set(keyOf(action.Put.Item!), { ...action.Put.Item });
      if (action.Update) update(action.Update);
    }
    return {};
  });

  client.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const after = input.ExclusiveStartKey ? String(input.ExclusiveStartKey.sk) : "";
    const matching = [...items.values()]
      .filter((item) => item.pk === values[":pk"] && String(item.sk) <= String(values[":last"]) && String(item.sk) > after)
      .sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : 1));
    const page = matching.slice(0, options.pageSize ?? matching.length);
    const last = page.at(-1);
    return { Items: page, ...(page.length < matching.length && last && { LastEvaluatedKey: { pk: last.pk, sk: last.sk } }) };
  });

  /** The next `count` transactions fail as throttled, changing nothing. */
  const throttleNext = (count = 1) => {
    throttleWrites = count;
  };
  return { client, items, throttleNext };
}
