import { describe, expect, it } from "vitest";
import { transition, openMatter } from "#domain/lifecycle/matter.ts";
import { MatterItemSchema } from "#domain/lifecycle/schema.ts";

const opened = openMatter(
  { id: "m1", caseId: "c1", unitId: "ninh-binh", mode: "ex_officio", judgmentType: "criminal", creditInstitution: false, debtor: "A", creditor: "state budget", owedVnd: 5_000_000, periodic: [] },
  { by: "staff-1", at: "2026-01-02T03:00:00Z", reason: "thụ lý" },
);
const classified = transition(opened.matter, "enforceable", { by: "staff-1", at: "2026-01-05T03:00:00Z", reason: "có tài sản" });
const item = { ...classified.matter, events: [opened.event, classified.event] };

describe("stored matter items", () => {
  it("accept an item written by the lifecycle functions", () => {
    expect(MatterItemSchema.parse(item)).toEqual(item);
  });

  it("reject an item whose events are out of order", () => {
    const swapped = { ...item, events: [classified.event, opened.event] };
    expect(MatterItemSchema.safeParse(swapped).success).toBe(false);
  });

  it("reject times that are not canonical UTC instants, and fractional money", () => {
    expect(MatterItemSchema.safeParse({ ...item, updatedAt: "2026-01-05T10:00:00+07:00" }).success).toBe(false);
    expect(MatterItemSchema.safeParse({ ...item, owedVnd: 1.5 }).success).toBe(false);
  });
});
