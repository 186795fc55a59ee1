import { describe, expect, it } from "vitest";
import { MAX_MONTHS_PER_SEARCH, MAX_NAME_TOKENS, planSearch, searchTokens } from "#adapters/aws/dynamodb-case-repository.ts";
import { InvalidRequestError } from "#shared/errors.ts";
import { storedCase } from "../support/cases.ts";

describe("search planning", () => {
  it("looks a case number up by its canonical key", () => {
    expect(planSearch({ caseNumber: "Số: 12/2017/DS-ST", courtId: "tand-phu-ly" })).toMatchObject({ index: "ByLookup", partitions: ["CASENO#12/2017/DSST"], keyed: ["caseNumber"] });
  });

  it("reads one name-word partition, the given name, and checks the other words on the cases found", () => {
    expect(planSearch({ partyName: "Nguyễn Văn Hùng" })).toMatchObject({ index: "ByLookup", partitions: ["NAMETOKEN#hung"], nameWords: ["nguyen", "van", "hung"] });
  });

  it("uses the court's date-sorted partition with the date range as key condition", () => {
    expect(planSearch({ courtId: "tand-phu-ly", dateFrom: "2024-10-01", dateTo: "2025-03-31", status: "verified" })).toMatchObject({
      index: "ByCourtDate",
      partitions: ["COURT#tand-phu-ly"],
      sortRange: ["2024-10-01", "2025-03-31#\uffff"],
      keyed: ["courtId", "dateFrom", "dateTo"],
    });
  });

  it("walks month partitions, newest first, for a date range alone", () => {
    expect(planSearch({ dateFrom: "2024-11-15", dateTo: "2025-02-03" }).partitions).toEqual(["MONTH#2025-02", "MONTH#2025-01", "MONTH#2024-12", "MONTH#2024-11"]);
  });

  it("bounds how many months a date range alone may span", () => {
    expect(() => planSearch({ dateFrom: "2015-01-01", dateTo: "2025-01-01" })).toThrow(`tối đa ${MAX_MONTHS_PER_SEARCH} tháng`);
  });

  it("reads amount partitions by number of digits, largest first", () => {
    expect(planSearch({ minAmountVnd: 50_000_000, maxAmountVnd: 2_000_000_000 })).toMatchObject({
      index: "ByAmount",
      partitions: ["AMOUNT#10", "AMOUNT#09", "AMOUNT#08"],
      sortRange: ["0000000050000000", "0000002000000000#\uffff"],
    });
  });

  it("refuses criteria that narrow nothing, so no request scans the table", () => {
    expect(() => planSearch({})).toThrow(InvalidRequestError);
    expect(() => planSearch({ dateFrom: "2025-01-01" })).toThrow(InvalidRequestError);
    expect(() => planSearch({ partyName: "---" })).toThrow(expect.objectContaining({ code: "request.party-name-empty" }));
  });

  const crowded = storedCase({ parties: Array.from({ length: 40 }, (_, index) => ({ name: `Người ${index} Họ${index} Tên${index}`, role: "related" as const, kind: "person" as const, confidence: 1, evidence: null })) });

  it("indexes each folded name word once per case, within the transaction budget", () => {
    expect(searchTokens(storedCase()).sort()).toEqual(["bich", "hung", "nguyen", "thi", "tran", "van"]);
    expect(searchTokens(crowded)).toHaveLength(MAX_NAME_TOKENS);
  });

  it("keeps a party added by correction to a crowded case findable by name", () => {
    const corrected = storedCase({ parties: [...crowded.parties, { name: "Lò Văn Xìa", role: "defendant", kind: "person", confidence: 1, evidence: null }] });

    const [searched] = planSearch({ partyName: "Lò Văn Xìa" }).partitions;

    expect(searchTokens(corrected).map((token) => `NAMETOKEN#${token}`)).toContain(searched);
  });
});
