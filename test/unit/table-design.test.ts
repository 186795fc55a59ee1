import { describe, expect, it } from "vitest";
import { analyticsTable, CASE_FILTER_ATTRIBUTES, casesTable, createTableInput, idempotencyTable, mattersTable } from "#adapters/aws/table-design.ts";

describe("table design", () => {
  it("gives the local stack the same keys and indexes as the deployed cases table", () => {
    const input = createTableInput(casesTable, "thads-cases");

    expect(input.KeySchema).toEqual([{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }]);
    expect(input.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["ByLookup", "ByCourtDate", "ByAgencyDate", "ByStatusReceived", "ByMonthDate", "ByAmount"]);
    expect(input.GlobalSecondaryIndexes?.[1]?.Projection).toEqual({ ProjectionType: "INCLUDE", NonKeyAttributes: [...CASE_FILTER_ATTRIBUTES] });
    // dateSk is shared by three indexes but defined once.
    expect(input.AttributeDefinitions?.filter((definition) => definition.AttributeName === "dateSk")).toHaveLength(1);
    expect(input.BillingMode).toBe("PAY_PER_REQUEST");
  });

  it("keeps the idempotency table in the shape Powertools expects", () => {
    expect(createTableInput(idempotencyTable, "thads-idempotency")).toMatchObject({ KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }] });
    expect(idempotencyTable.timeToLiveAttribute).toBe("expiration");
  });

  it("creates the matters table locally with the stream the aggregates read, both images", () => {
    expect(createTableInput(mattersTable, "thads-matters")).toMatchObject({
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    });
    expect(createTableInput(casesTable, "thads-cases").StreamSpecification).toBeUndefined();
  });

  it("lets the markers of applied stream records expire from the analytics table", () => {
    expect(analyticsTable.timeToLiveAttribute).toBe("expiresAt");
  });
});
