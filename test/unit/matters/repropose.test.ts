import { describe, expect, it } from "vitest";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { splitProposal } from "#domain/matters/edit.ts";
import { proposeMatters, staffProposal } from "#domain/matters/propose.ts";
import { reproposal } from "#domain/matters/repropose.ts";
import { creditCaseRows, daysBefore, daysBetween, type MatterRow } from "#domain/matters/worklist.ts";
import { storedCase } from "../../support/cases.ts";

const directory = haNamNinhBinhDirectory();
const record = storedCase();
const CASE_ID = record.caseId;
const propose = (obligations = record.obligations) => proposeMatters({ ...record, obligations }, { caseId: CASE_ID, receivedOn: "2025-03-14", directory });
const added = { by: "staff", at: "2025-06-30T03:00:00.000Z", note: "bổ sung" };

describe("deriving a corrected case's proposals again", () => {
  it("replaces every proposal nobody opened and names no matter when none was opened", () => {
    const stored = propose();
    const derived = propose([{ ...record.obligations[0]!, amountVnd: 120_000_000 }, record.obligations[1]!]);

    expect(reproposal(stored, new Set(), derived)).toEqual({ removed: [`${CASE_ID}/0`, `${CASE_ID}/1`], added: derived, mismatched: [] });
  });

  it("keeps an opened matter's obligations out of the new proposals and names it when it would now come out differently", () => {
    const stored = propose();
    const derived = propose([{ ...record.obligations[0]!, amountVnd: 120_000_000 }, record.obligations[1]!]);

    const plan = reproposal(stored, new Set([`${CASE_ID}/0`]), derived);

    expect(plan.removed).toEqual([`${CASE_ID}/1`]);
    expect(plan.added.map((proposal) => proposal.id)).toEqual([`${CASE_ID}/1`]);
    expect(plan.mismatched).toEqual([`${CASE_ID}/0`]);
  });

  it("does not name an opened matter the correction leaves as it was, folding diacritics", () => {
    const stored = propose();
    const derived = propose([{ ...record.obligations[0]!, debtor: "TRAN THI BICH" }, { ...record.obligations[1]!, amountVnd: 1_000_000 }]);

    expect(reproposal(stored, new Set([`${CASE_ID}/0`]), derived).mismatched).toEqual([]);
  });

  it("keeps the lines an opened part of a split does not hold, as a proposal of their own", () => {
    const [first] = record.obligations;
    const twoLines = [first!, { ...first!, amountVnd: 20_000_000, kind: "interest" as const }];
    const parts = splitProposal(propose(twoLines)[0]!, [[0], [1]]);

    const plan = reproposal(parts, new Set([`${CASE_ID}/0`]), propose(twoLines));

    expect(plan.added.map((proposal) => [proposal.id, proposal.amountVnd])).toEqual([[`${CASE_ID}/1`, 20_000_000]]);
    expect(plan.removed).toEqual([`${CASE_ID}/1`]);
  });

  it("leaves a matter staff added alone, opened or not", () => {
    const stored = propose();
    const extra = staffProposal(record, stored, CASE_ID, { mode: "on_request", debtor: "A", creditor: "B", kind: "other", amountVnd: 5, unitId: "ha-nam-phu-ly" }, added);

    const plan = reproposal([...stored, extra], new Set([extra.id]), propose());

    expect(plan.removed).not.toContain(extra.id);
    expect(plan.mismatched).toEqual([]);
  });
});

describe("a matter staff add", () => {
  it("takes the next position from 1000 on, past any position a case's obligations use", () => {
    const stored = propose();
    const first = staffProposal(record, stored, CASE_ID, { mode: "ex_officio", debtor: "A", creditor: "B", kind: "fine", amountVnd: 5, unitId: "u" }, added);
    const second = staffProposal(record, [...stored, first], CASE_ID, { mode: "ex_officio", debtor: "A", creditor: "B", kind: "fine", amountVnd: 5, unitId: "u" }, added);

    expect([first.id, second.id]).toEqual([`${CASE_ID}/1000`, `${CASE_ID}/1001`]);
    expect(first).toMatchObject({ judgmentType: "civil", creditInstitution: false, reviewReasons: [], addedBy: added, lines: [{ obligationIndex: 1000, kind: "fine", periodic: null, countedVnd: 5 }] });
  });
});

describe("ages and the bank-credit rows", () => {
  it("counts whole days in Vietnam and the cut-off date of an age", () => {
    expect(daysBetween("2025-01-10", "2025-06-30")).toBe(171);
    expect(daysBefore("2025-06-30", 120)).toBe("2025-03-02");
    expect(daysBefore("2024-03-01", 1)).toBe("2024-02-29");
  });

  it("names the unit from the directory and the state in Vietnamese, with what is left to collect", () => {
    const row: MatterRow = {
      id: `${CASE_ID}/0`, caseId: CASE_ID, unitId: "ha-nam-phu-ly", executor: null, state: "suspended", mode: "on_request", creditInstitution: true,
      debtor: "Trần Thị Bích", creditor: "Ngân hàng X", owedVnd: 100, collectedVnd: 30, reducedVnd: 10, openedOn: "2025-01-10", version: 4, obstacles: [],
    };

    expect(creditCaseRows([row], "2025-06-30", directory)[0]).toMatchObject({ unitName: expect.stringContaining("Phủ Lý"), balanceVnd: 60, ageDays: 171, stateLabel: "tạm đình chỉ" });
  });
});
