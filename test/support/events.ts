import { readFileSync } from "node:fs";
import type { Context, SQSEvent, SQSRecord } from "aws-lambda";

/** A sample event from events/, parsed afresh (tests may change their copy). */
export function loadEvent<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../events/${name}.json`, import.meta.url), "utf8")) as T;
}

/** Encodes a key the way S3 event notifications do: percent-encoded UTF-8, `+` for spaces, `/` kept. */
export function s3EventKey(key: string): string {
  return key
    .split("/")
    .map((part) => encodeURIComponent(part).replace(/%20/g, "+"))
    .join("/");
}

/** The sample SQS-wrapped S3 event, for another object key and/or message id. */
export function sqsS3Event(options: { key?: string; messageId?: string } = {}): SQSEvent {
  const event = loadEvent<SQSEvent>("sqs-s3-put");
  const record = event.Records[0] as SQSRecord;
  const body = JSON.parse(record.body) as { Records: { s3: { object: { key: string } } }[] };
  if (options.key !== undefined) (body.Records[0] as { s3: { object: { key: string } } }).s3.object.key = s3EventKey(options.key);
  return { Records: [{ ...record, body: JSON.stringify(body), ...(options.messageId !== undefined && { messageId: options.messageId }) }] };
}

export function lambdaContext(functionName = "thads-test"): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:111122223333:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "2025/03/14/[$LATEST]abcdef",
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type JwtEvent = { requestContext: { authorizer?: { jwt?: { claims?: Record<string, string> } } } };

/** The event as another user of the pool sends it: the sample's claims with these changed (undefined removes one), as API Gateway's JWT authoriser writes them. */
export function withClaims<T>(event: T, changes: Record<string, string | undefined>): T {
  const jwt = (event as JwtEvent).requestContext.authorizer?.jwt;
  if (!jwt?.claims) throw new Error("the sample event has no JWT claims");
  const claims: Record<string, string> = { ...jwt.claims };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  jwt.claims = claims;
  return event;
}
