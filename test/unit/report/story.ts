import { collect, openMatter, reduce, transition, type Matter, type MatterEvent, type NewMatter } from "#domain/lifecycle/matter.ts";
import type { MatterState } from "#domain/lifecycle/states.ts";

/** One step of a matter's story, dated as a UTC instant. */
export type Step = [at: string, action: MatterState | "collect" | "reduce", amountVnd?: number];

export interface Story {
  matter: Matter;
  events: MatterEvent[];
}

/** Plays a matter's story through the real lifecycle functions, keeping its audited events. */
export function story(fields: Partial<NewMatter> & Pick<NewMatter, "id" | "unitId" | "owedVnd">, openedAt: string, steps: Step[] = []): Story {
  const actor = (at: string) => ({ by: "staff-test", at, reason: "fixture" });
  let { matter, event } = openMatter(
    { caseId: `case-${fields.id}`, mode: "on_request", judgmentType: "civil", creditInstitution: false, debtor: "A", creditor: "B", periodic: [], ...fields },
    actor(openedAt),
  );
  const events = [event];
  for (const [at, action, amount = 0] of steps) {
    ({ matter, event } =
      action === "collect" ? collect(matter, amount, actor(at)) : action === "reduce" ? reduce(matter, amount, actor(at)) : transition(matter, action, actor(at)));
    events.push(event);
  }
  return { matter, events };
}
