import { describe, expect, it } from "vitest";
import { CASE_FILTER_ATTRIBUTES, casesTable, createTableInput, idempotencyTable } from "#adapters/aws/table-design.ts";

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
});
