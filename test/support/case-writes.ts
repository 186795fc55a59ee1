import { TransactWriteCommand, type DynamoDBDocumentClientResolvedConfig, type ServiceInputTypes, type ServiceOutputTypes } from "@aws-sdk/lib-dynamodb";
import type { AwsStub } from "aws-sdk-client-mock";

/** The case items intake wrote through TransactWrite so far (matter proposals go in transactions of their own). */
export function casesWritten(documents: AwsStub<ServiceInputTypes, ServiceOutputTypes, DynamoDBDocumentClientResolvedConfig>): Array<Record<string, unknown> | undefined> {
  return documents
    .commandCalls(TransactWriteCommand)
    .map((call) => call.args[0].input.TransactItems?.[0]?.Put?.Item)
    .filter((item) => item?.entity === "case");
}
