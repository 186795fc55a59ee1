import { describe, expect, it } from "vitest";
import type { AuditEntry, StoredCase } from "#domain/stored-case.ts";
import type { CaseRepository } from "#ports/case-repository.ts";
import { CaseCorrectionSchema, correctCase } from "#use-cases/correct-case.ts";
import { storedCase } from "../support/cases.ts";

/** Just enough repository to watch what a correction saves. */
function repositoryHolding(current: StoredCase) {
  const saved: { updated: StoredCase; audit: AuditEntry }[] = [];
  const repository = {
    get: async () => current,
    saveCorrection: async (updated: StoredCase, audit: AuditEntry) => {
      saved.push({ updated, audit });
    },
  } as unknown as CaseRepository;
  return { repository, saved };
}

const now = () => new Date("2025-04-01T08:00:00.000Z");

describe("correcting a case", () => {
  it("makes corrected fields certain, drops their text evidence and recomputes the total owed", async () => {
    const { repository, saved } = repositoryHolding(storedCase());
    const correction = CaseCorrectionSchema.parse({
      reason: "Bổ sung tiền lãi",
      changes: {
        caseNumber: "13/2017/DS-ST",
        obligations: [{ debtor: "Trần Thị Bích", creditor: "Nguyễn Văn Hùng", amountVnd: 20_000_000, kind: "interest", periodic: null }],
      },
    });

    const updated = await correctCase({ caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", expectedVersion: 1, correction, caller: { id: "s", role: "staff", unitId: "cthads-ha-nam" } }, { cases: repository, now });

    expect(updated).toMatchObject({ version: 2, status: "verified", reviewReasons: [], totalAmountVnd: 20_000_000, updatedAt: "2025-04-01T08:00:00.000Z" });
    expect(updated.confidence.caseNumber).toBe(1);
    expect(updated.evidence.caseNumber).toBeUndefined();
    expect(updated.obligations[0]).toMatchObject({ confidence: 1, evidence: null });
    expect(saved[0]?.audit.changes.map((change) => change.field)).toEqual(["caseNumber", "obligations", "status"]);
  });

  it("records only what actually changed", async () => {
    const { repository, saved } = repositoryHolding(storedCase({ status: "needs_review", reviewReasons: ["ngày tuyên án không rõ"] }));
    const correction = CaseCorrectionSchema.parse({ reason: "Đã kiểm tra", changes: { caseNumber: "12/2017/DS-ST" }, status: "needs_review" });

    await correctCase({ caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", expectedVersion: 1, correction, caller: { id: "staff", role: "staff", unitId: "cthads-ha-nam" } }, { cases: repository, now });

    expect(saved[0]?.audit.changes).toEqual([]);
    expect(saved[0]?.updated.reviewReasons).toEqual(["ngày tuyên án không rõ"]);
  });
});
