import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractedCase } from "#domain/case.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { reason } from "#domain/review-reasons.ts";
import { enforcementMode, proposeMatters } from "#domain/matters/propose.ts";
import { instalmentsDue } from "#domain/matters/periodic.ts";

const directory = haNamNinhBinhDirectory();

/** A gold annotation from the kit's corpus, shaped as the extractor's output. */
function goldCase(name: string): ExtractedCase {
  const gold = JSON.parse(readFileSync(new URL(`../../../../shared/corpus/${name}.json`, import.meta.url), "utf8"));
  const confidence = { docType: 1, caseNumber: 1, issuedDate: 1, court: 1, caseCategory: 1, subject: 1, creditInstitutionInvolved: 1 };
  return {
    subject: null,
    ...gold,
    parties: gold.parties.map((p: object) => ({ kind: "person", confidence: 1, evidence: null, ...p })),
    obligations: gold.obligations.map((o: object) => ({ periodic: null, confidence: 1, evidence: null, ...o })),
    confidence,
    evidence: {},
    reviewReasons: [],
  };
}

describe("proposing enforcement matters from a case", () => {
  it("opens one on-request matter per debtor and creditor, and one ex officio matter per court-fee debtor", () => {
    const proposals = proposeMatters(goldCase("written-014"), { caseId: "c14", receivedOn: "2026-03-22", directory });
    expect(proposals.map((p) => [p.mode, p.debtor, p.creditor, p.lines.map((l) => l.kind)])).toEqual([
      ["on_request", "Bùi Văn Kh", "Nguyễn Thị Ph", ["child_support", "other"]],
      ["ex_officio", "Bùi Văn Kh", "state budget", ["court_fee"]],
      ["ex_officio", "Nguyễn Thị Ph", "state budget", ["court_fee"]],
    ]);
    expect(proposals.every((p) => p.unitId === "ninh-binh-kv-6" && p.judgmentType === "marriage_family")).toBe(true);
  });

  it("keeps child support's monthly amount and counts the instalments due at receipt in tiền", () => {
    // Issued 22 Jan 2026, received 22 Mar 2026: instalments of 22 Jan, 22 Feb and 22 Mar are due.
    const [support] = proposeMatters(goldCase("written-014"), { caseId: "c14", receivedOn: "2026-03-22", directory });
    expect(support?.periodic).toEqual([{ amountVnd: 3_000_000, per: "month" }]);
    expect(support?.lines[0]?.countedVnd).toBe(9_000_000);
    expect(support?.amountVnd).toBe(9_000_000 + 130_000_000);
  });

  it("treats a refund from the state budget as ex officio and keeps bank cases flagged", () => {
    const proposals = proposeMatters(goldCase("written-001"), { caseId: "c1", receivedOn: "2019-01-10", directory });
    expect(proposals.map((p) => [p.mode, p.amountVnd])).toEqual([
      ["on_request", 1_650_000_000 + 200_536_800],
      ["ex_officio", 67_516_104],
      ["ex_officio", 35_995_000],
    ]);
    expect(proposals.every((p) => p.creditInstitution && p.unitId === "ha-nam-phu-ly")).toBe(true);
  });

  it("asks for review when the court is unknown instead of choosing a unit", () => {
    const proposals = proposeMatters(goldCase("real-016"), { caseId: "r16", receivedOn: "2020-01-01", directory });
    expect(proposals.every((p) => p.unitId === null)).toBe(true);
    expect(proposals[0]?.reviewReasons).toContain(reason("court.missing", {}).message);
  });

  it("counts one instalment and asks for review when the issue date is unknown", () => {
    const [support] = proposeMatters(goldCase("real-016"), { caseId: "r16", receivedOn: "2020-01-01", directory });
    expect(support?.amountVnd).toBe(2_000_000);
    expect(support?.reviewReasons).toContain(reason("matter.periodic-amount-unset", { obligation: 0 }).message);
  });

  it("groups names that differ only in diacritics", () => {
    const base = goldCase("written-014");
    const obligations = [
      { ...base.obligations[1]!, debtor: "Bùi Văn Kh" },
      { ...base.obligations[1]!, debtor: "Bui Van Kh", kind: "interest" as const, amountVnd: 5 },
    ];
    expect(proposeMatters({ ...base, obligations }, { caseId: "x", receivedOn: "2026-03-01", directory })).toHaveLength(1);
  });

  it("classifies modes by kind and by the state budget's side", () => {
    expect(enforcementMode({ kind: "fine", debtor: "A", creditor: "state budget" })).toBe("ex_officio");
    expect(enforcementMode({ kind: "confiscation", debtor: "A", creditor: "state budget" })).toBe("ex_officio");
    expect(enforcementMode({ kind: "compensation", debtor: "A", creditor: "B" })).toBe("on_request");
    expect(enforcementMode({ kind: "other", debtor: "state budget", creditor: "B" })).toBe("ex_officio");
  });
});

describe("periodic instalments", () => {
  it("counts the first instalment on the start date and one more each month", () => {
    expect(instalmentsDue("2026-01-22", "2026-01-22", "month")).toBe(1);
    expect(instalmentsDue("2026-01-22", "2026-02-21", "month")).toBe(1);
    expect(instalmentsDue("2026-01-22", "2026-02-22", "month")).toBe(2);
    expect(instalmentsDue("2025-01-31", "2026-01-31", "month")).toBe(13);
    expect(instalmentsDue("2024-05-01", "2026-04-30", "year")).toBe(2);
    expect(instalmentsDue("2026-02-01", "2026-01-01", "month")).toBe(0);
  });
});
