import { describe, expect, it } from "vitest";
import { collect, LifecycleError, openMatter, reduce, transition, type Matter, type NewMatter } from "#domain/lifecycle/matter.ts";
import { MATTER_STATES, TRANSITIONS, type MatterState } from "#domain/lifecycle/states.ts";

const fields: NewMatter = {
  id: "m1",
  caseId: "c1",
  unitId: "ha-nam-kim-bang",
  mode: "on_request",
  judgmentType: "civil",
  creditInstitution: false,
  debtor: "Nguyễn Văn A",
  creditor: "Trần Thị B",
  owedVnd: 100_000_000,
  periodic: [],
};
const staff = (at: string, reason = "theo hồ sơ") => ({ by: "staff-07", at, reason });

function openedAndEnforceable(): Matter {
  const opened = openMatter(fields, staff("2025-10-05T02:00:00Z", "thụ lý")).matter;
  return transition(opened, "enforceable", staff("2025-10-20T02:00:00Z", "xác minh có tài sản")).matter;
}

describe("matter lifecycle", () => {
  it("opens in thụ lý with an audited intake event carrying the amount owed", () => {
    const { matter, event } = openMatter(fields, staff("2025-10-05T09:00:00+07:00", "thụ lý"));
    expect(matter).toMatchObject({ state: "accepted", collectedVnd: 0, reducedVnd: 0, version: 1 });
    expect(event).toEqual({
      matterId: "m1",
      seq: 1,
      type: "intake",
      at: "2025-10-05T02:00:00.000Z",
      by: "staff-07",
      reason: "thụ lý",
      from: null,
      to: "accepted",
      amountVnd: 100_000_000,
    });
  });

  it("audits every transition with who, when, from, to and why", () => {
    const opened = openMatter(fields, staff("2025-10-05T02:00:00Z")).matter;
    const { matter, event } = transition(opened, "not_enforceable", staff("2025-11-01T03:00:00Z", "người phải thi hành không có tài sản"));
    expect(matter.state).toBe("not_enforceable");
    expect(event).toMatchObject({ seq: 2, by: "staff-07", at: "2025-11-01T03:00:00.000Z", from: "accepted", to: "not_enforceable", reason: "người phải thi hành không có tài sản" });
  });

  it("records money collected beside money owed, and completion collects the balance", () => {
    let matter = openedAndEnforceable();
    matter = collect(matter, 30_000_000, staff("2025-11-01T02:00:00Z", "nộp lần 1")).matter;
    expect(matter).toMatchObject({ owedVnd: 100_000_000, collectedVnd: 30_000_000 });
    const done = transition(matter, "completed", staff("2025-12-01T02:00:00Z", "nộp đủ"));
    expect(done.event.amountVnd).toBe(70_000_000);
    expect(done.matter).toMatchObject({ state: "completed", collectedVnd: 100_000_000 });
  });

  it("records a reduction (giảm) and closes the rest on đình chỉ", () => {
    let matter = openedAndEnforceable();
    matter = reduce(matter, 10_000_000, staff("2025-11-01T02:00:00Z", "quyết định giảm")).matter;
    const ended = transition(matter, "terminated", staff("2025-11-02T02:00:00Z", "người được thi hành án rút đơn"));
    expect(ended.event.amountVnd).toBe(90_000_000);
    expect(ended.matter.reducedVnd).toBe(10_000_000);
  });

  it("rejects a jump straight from thụ lý to thi hành xong with a typed error", () => {
    const opened = openMatter(fields, staff("2025-10-05T02:00:00Z")).matter;
    const attempt = () => transition(opened, "completed", staff("2025-10-06T02:00:00Z"));
    expect(attempt).toThrow(LifecycleError);
    expect(attempt).toThrow(expect.objectContaining({ code: "illegal_transition" }));
  });

  it("allows exactly the moves in the transition table", () => {
    const states = MATTER_STATES.filter((state) => state !== "accepted");
    for (const from of MATTER_STATES) {
      for (const to of states) {
        const matter: Matter = { ...openMatter(fields, staff("2025-10-05T02:00:00Z")).matter, state: from as MatterState };
        const allowed = TRANSITIONS[from].includes(to);
        const attempt = () => transition(matter, to, staff("2025-10-06T02:00:00Z"));
        if (allowed) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(expect.objectContaining({ code: "illegal_transition" }));
      }
    }
  });

  it("keeps closed matters closed", () => {
    const done = transition(openedAndEnforceable(), "completed", staff("2025-12-01T02:00:00Z")).matter;
    expect(() => transition(done, "in_progress", staff("2025-12-02T02:00:00Z"))).toThrow(LifecycleError);
  });

  it("refuses to collect from a matter that is not yet enforceable", () => {
    const opened = openMatter(fields, staff("2025-10-05T02:00:00Z")).matter;
    expect(() => collect(opened, 1, staff("2025-10-06T02:00:00Z"))).toThrow(expect.objectContaining({ code: "not_collecting" }));
  });

  it("refuses to collect more than the balance, or a non-positive amount", () => {
    const matter = openedAndEnforceable();
    expect(() => collect(matter, 100_000_001, staff("2025-11-01T02:00:00Z"))).toThrow(expect.objectContaining({ code: "over_balance" }));
    expect(() => collect(matter, 0, staff("2025-11-01T02:00:00Z"))).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    expect(() => reduce(matter, 1.5, staff("2025-11-01T02:00:00Z"))).toThrow(expect.objectContaining({ code: "invalid_amount" }));
  });

  it("refuses a change without a reason or an actor, or dated before the last change", () => {
    const matter = openedAndEnforceable();
    expect(() => transition(matter, "in_progress", staff("2025-11-01T02:00:00Z", " "))).toThrow(expect.objectContaining({ code: "invalid_audit" }));
    expect(() => transition(matter, "in_progress", { by: "", at: "2025-11-01T02:00:00Z", reason: "x" })).toThrow(expect.objectContaining({ code: "invalid_audit" }));
    expect(() => transition(matter, "in_progress", staff("2025-10-01T02:00:00Z"))).toThrow(expect.objectContaining({ code: "out_of_order" }));
    expect(() => transition(matter, "in_progress", staff("not a date"))).toThrow(expect.objectContaining({ code: "invalid_audit" }));
  });

  it("supports ủy thác from an open state, recording the balance handed over", () => {
    const matter = collect(openedAndEnforceable(), 40_000_000, staff("2025-11-01T02:00:00Z")).matter;
    const moved = transition(matter, "transferred", staff("2025-11-05T02:00:00Z", "tài sản ở tỉnh khác"));
    expect(moved.event).toMatchObject({ from: "enforceable", to: "transferred", amountVnd: 60_000_000 });
  });
});
