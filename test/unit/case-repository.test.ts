import "aws-sdk-client-mock-vitest/extend";
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import type { UploadRecord } from "#ports/case-repository.ts";
import { storedCase } from "../support/cases.ts";

const documents = mockClient(DynamoDBDocumentClient);
const repository = new DynamoDbCaseRepository(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })), "thads-cases");

beforeEach(() => documents.reset());

describe("DynamoDB case repository", () => {
  it("writes a new case once, with the keys of every index it belongs to and one entry per name word", async () => {
    documents.on(TransactWriteCommand).resolves({});

    expect(await repository.create(storedCase())).toBe("created");

    const actions = documents.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(actions[0]?.Put).toMatchObject({
      ConditionExpression: "attribute_not_exists(pk)",
      Item: {
        pk: "CASE#0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
        sk: "CASE",
        lookupPk: "CASENO#12/2017/DSST",
        courtPk: "COURT#tand-phu-ly",
        agencyPk: "AGENCY#cthads-ha-nam",
        dateSk: "2017-09-12#0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
        statusPk: "STATUS#extracted",
        receivedSk: "2025-03-14T02:15:42.512Z#0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
        monthPk: "MONTH#2017-09",
        amountPk: "AMOUNT#09",
        amountSk: "0000000157500000#0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
      },
    });
    expect(actions.slice(1).map((action) => action.Put?.Item?.lookupPk).sort()).toEqual(["NAMETOKEN#bich", "NAMETOKEN#hung", "NAMETOKEN#nguyen", "NAMETOKEN#thi", "NAMETOKEN#tran", "NAMETOKEN#van"]);
    expect(actions[1]?.Put?.Item).toMatchObject({ status: "extracted", courtId: "tand-phu-ly", sortDate: "2017-09-12", totalAmountVnd: 157_500_000 });
  });

  it("reports an existing case instead of overwriting it", async () => {
    documents.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: [{ Code: "ConditionalCheckFailed" }] }));

    expect(await repository.create(storedCase())).toBe("exists");
  });

  it("files a case without a judgment date under the day it arrived, and leaves it out of agency search when no agency is known", async () => {
    documents.on(TransactWriteCommand).resolves({});

    await repository.create(storedCase({ issuedDate: null, agencyId: null, caseNumber: null }));

    const item = documents.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item ?? {};
    expect(item).toMatchObject({ dateSk: "2025-03-14#0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", monthPk: "MONTH#2025-03" });
    expect(item).not.toHaveProperty("agencyPk");
    expect(item).not.toHaveProperty("lookupPk");
  });
});

describe("a court's uploads", () => {
  const upload: UploadRecord = { uploadId: "3f1c2a9e", fileName: "Bản án số 12.pdf", receivedAt: "2025-03-14T02:15:42.512Z", caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", fate: "filed", reasons: [], reasonCodes: [] };

  it("records an upload's fate under its court, once: a redelivery of the same upload changes nothing unless it was still being read", async () => {
    documents.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));

    await repository.recordUpload("tand-phu-ly", upload);

    expect(documents).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ pk: "UPLOADS#tand-phu-ly", sk: "2025-03-14T02:15:42.512Z#3f1c2a9e", entity: "upload", fate: "filed" }),
      ConditionExpression: "attribute_not_exists(pk) OR #fate = :reading",
    });
  });

  it("lists a court's uploads from its own partition, newest first, each with its case's status now", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ ...upload, pk: "UPLOADS#tand-phu-ly", sk: "x", entity: "upload" }] });
    documents.on(BatchGetCommand).resolves({ Responses: { "thads-cases": [{ ...storedCase(), status: "verified" }] } });

    const page = await repository.uploadsOf("tand-phu-ly", { limit: 10 });

    expect(page.items).toEqual([{ ...upload, caseStatus: "verified" }]);
    expect(documents).toHaveReceivedCommandWith(QueryCommand, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": "UPLOADS#tand-phu-ly" }, ScanIndexForward: false });
    expect(documents.commandCalls(QueryCommand)[0]?.args[0].input.IndexName).toBeUndefined();
  });
});
