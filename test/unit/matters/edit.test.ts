import { describe, expect, it } from "vitest";
import { acceptProposal, mergeProposals, MatterProposalError, splitProposal } from "#domain/matters/edit.ts";
import { withLines } from "#domain/matters/propose.ts";
import type { MatterProposal, ProposalLine } from "#domain/matters/types.ts";

const line = (obligationIndex: number, amountVnd: number, kind: ProposalLine["kind"] = "principal"): ProposalLine => ({
  obligationIndex, kind, amountVnd, periodic: null, countedVnd: amountVnd,
});
const base = {
  caseId: "c1", mode: "on_request" as const, debtor: "Công ty A", creditor: "Ngân hàng B",
  judgmentType: "commercial" as const, creditInstitution: true, unitId: "ha-nam-phu-ly", reviewReasons: [],
};
const loan: MatterProposal = withLines(base, [line(0, 1_000), line(1, 200, "interest")]);
const actor = { by: "staff-01", at: "2025-01-05T02:00:00Z", reason: "thụ lý theo đơn" };

describe("staff editing proposals", () => {
  it("splits a proposal into matters by line, each with its own amount and id", () => {
    const [principal, interest] = splitProposal(loan, [[0], [1]]);
    expect(principal).toMatchObject({ id: "c1/0", amountVnd: 1_000 });
    expect(interest).toMatchObject({ id: "c1/1", amountVnd: 200 });
  });

  it("rejects a split that loses, repeats or invents a line", () => {
    expect(() => splitProposal(loan, [[0]])).toThrow(MatterProposalError);
    expect(() => splitProposal(loan, [[0], []])).toThrow(/empty/);
    expect(() => splitProposal(loan, [[0, 1], [1]])).toThrow(/two groups/);
    expect(() => splitProposal(loan, [[0], [2]])).toThrow(/does not exist/);
  });

  it("merges what was split back into the same proposal", () => {
    expect(mergeProposals(splitProposal(loan, [[1], [0]]))).toEqual(loan);
  });

  it("refuses to merge ex officio with on-request matters", () => {
    const fee = withLines({ ...base, mode: "ex_officio", creditor: "state budget" }, [line(2, 50, "court_fee")]);
    expect(() => mergeProposals([loan, fee])).toThrow(expect.objectContaining({ code: "invalid_merge" }));
  });

  it("asks staff to name the parties when merging different debtors", () => {
    const other = withLines({ ...base, debtor: "Ông C" }, [line(3, 10)]);
    expect(() => mergeProposals([loan, other])).toThrow(/name the merged matter/);
    const merged = mergeProposals([loan, other], { debtor: "Công ty A, Ông C", creditor: "Ngân hàng B" });
    expect(merged).toMatchObject({ debtor: "Công ty A, Ông C", amountVnd: 1_210, id: "c1/0+1+3" });
  });

  it("accepts a proposal as a matter in thụ lý with an intake event", () => {
    const { matter, event } = acceptProposal(loan, { matterId: "M-1", actor });
    expect(matter).toMatchObject({ id: "M-1", unitId: "ha-nam-phu-ly", owedVnd: 1_200, state: "accepted", creditInstitution: true });
    expect(event).toMatchObject({ type: "intake", amountVnd: 1_200, by: "staff-01" });
  });

  it("needs staff to choose the unit when the court was not matched", () => {
    const unplaced = { ...loan, unitId: null };
    expect(() => acceptProposal(unplaced, { matterId: "M-2", actor })).toThrow(expect.objectContaining({ code: "missing_unit" }));
    expect(acceptProposal(unplaced, { matterId: "M-2", actor, unitId: "ha-nam" }).matter.unitId).toBe("ha-nam");
  });
});
