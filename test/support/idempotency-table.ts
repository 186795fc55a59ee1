import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";

type Item = Record<string, AttributeValue>;

/**
 * An in-memory stand-in for the idempotency table, behind aws-sdk-client-mock: it honours the
 * conditional put Powertools relies on (an unexpired record blocks a second run), so tests see
 * real repeat-delivery behaviour.
 */
export function idempotencyTable() {
  const records = new Map<string, Item>();
  const client = mockClient(DynamoDBClient);
  const idOf = (key: Item | undefined) => String(key?.id?.S);
  const stillValid = (item: Item) => {
    const now = Date.now();
    if (Number(item.expiration?.N ?? 0) < now / 1000) return false;
    const inProgressUntil = item.in_progress_expiration?.N;
    return !(item.status?.S === "INPROGRESS" && inProgressUntil !== undefined && Number(inProgressUntil) < now);
  };
  client.on(PutItemCommand).callsFake((input: { Item: Item }) => {
    const existing = records.get(idOf(input.Item));
    if (existing && stillValid(existing)) {
      throw new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {}, Item: existing });
    }
    records.set(idOf(input.Item), input.Item);
    return {};
  });
  client.on(UpdateItemCommand).callsFake((input: { Key: Item; UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Item }) => {
    const item = { ...records.get(idOf(input.Key)), ...input.Key };
    for (const assignment of input.UpdateExpression.replace(/^SET /, "").split(", ")) {
      const [name, value] = assignment.split(" = ") as [string, string];
      item[input.ExpressionAttributeNames[name] ?? name] = input.ExpressionAttributeValues[value] as AttributeValue;
    }
    records.set(idOf(input.Key), item);
    return {};
  });
  client.on(GetItemCommand).callsFake((input: { Key: Item }) => ({ Item: records.get(idOf(input.Key)) }));
  client.on(DeleteItemCommand).callsFake((input: { Key: Item }) => {
    records.delete(idOf(input.Key));
    return {};
  });
  return { client, records };
}
