import { describe, expect, it } from "vitest";
import type { StoredCase } from "#domain/stored-case.ts";
import type { CaseArchive } from "#ports/case-repository.ts";
import { reportFromStoredCases } from "#use-cases/report-from-cases.ts";
import { storedCase } from "../support/cases.ts";

const archiveOf = (...cases: StoredCase[]): CaseArchive => ({
  async *allCases() {
    yield* cases;
  },
});

describe("the semiannual report from stored cases", () => {
  it("counts each case's proposed matters as opened in the period the case arrived in", async () => {
    const { report, cases } = await reportFromStoredCases(archiveOf(storedCase()), "2025-H1");

    expect(cases).toBe(1);
    expect(report.period.name).toBe("2025-H1");
    expect(report.views.byUnit.total.current.viec.new).toBeGreaterThan(0);
  });

  it("opens nothing in a period before the cases arrived", async () => {
    const { report } = await reportFromStoredCases(archiveOf(storedCase()), "2024-H1");

    expect(report.views.byUnit.total.current.viec.new).toBe(0);
  });
});
