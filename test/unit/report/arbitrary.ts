import fc from "fast-check";
import { collect, LifecycleError, openMatter, reduce, transition, type Matter, type MatterEvent } from "#domain/lifecycle/matter.ts";
import { MATTER_STATES, TRANSITIONS, type MatterState } from "#domain/lifecycle/states.ts";
import { JUDGMENT_TYPES } from "#domain/matters/types.ts";
import type { MatterItem, MatterStreamChange } from "#domain/report/incremental.ts";

/** One thing that happens to the matters table: a matter received, or a change to one. */
export type Command =
  | { kind: "intake"; unit: number; type: number; exOfficio: boolean; credit: boolean; owed: number; hours: number }
  | { kind: "status"; target: number; legal: boolean; choice: number; action: MatterState | "collect" | "reduce"; fraction: number; hours: number };

const intakeArb = fc.record({
  kind: fc.constant("intake" as const),
  unit: fc.nat(7),
  type: fc.nat(JUDGMENT_TYPES.length - 1),
  exOfficio: fc.boolean(),
  credit: fc.boolean(),
  owed: fc.integer({ min: 0, max: 5_000_000_000 }),
  hours: fc.integer({ min: 0, max: 24 * 45 }),
});

const statusArb = fc.record({
  kind: fc.constant("status" as const),
  target: fc.nat(),
  // Mostly a move the lifecycle allows, sometimes any move, so refusals are exercised too.
  legal: fc.nat(3).map((n) => n > 0),
  choice: fc.nat(),
  action: fc.constantFrom(...MATTER_STATES.filter((s) => s !== "accepted"), "collect" as const, "reduce" as const),
  fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
  hours: fc.integer({ min: 0, max: 24 * 30 }),
});

export const commandArb: fc.Arbitrary<Command> = fc.oneof({ weight: 1, arbitrary: intakeArb }, { weight: 3, arbitrary: statusArb });

/** A history of up to 150 commands, lengths spread over the whole range. */
export const commandsArb = fc.array(commandArb, { maxLength: 150, size: "max" });

/**
 * Plays commands through the real lifecycle from 1 Jan 2024, over the July 2025 reorganisation
 * (units are Hà Nam's before it, Ninh Bình's after), and returns each stream record the matters
 * table would emit, plus the final items. Commands the lifecycle refuses are skipped.
 */
export function play(commands: readonly Command[], units: { before: string[]; after: string[] }): { changes: MatterStreamChange[]; items: MatterItem[] } {
  let clock = Date.parse("2024-01-01T00:00:00Z");
  const items: MatterItem[] = [];
  const changes: MatterStreamChange[] = [];
  const actor = () => ({ by: "staff-prop", at: new Date(clock), reason: "property" });
  for (const command of commands) {
    clock += command.hours * 3600_000;
    if (command.kind === "intake") {
      const pool = clock < Date.parse("2025-06-30T17:00:00Z") ? units.before : units.after;
      const { matter, event } = openMatter(
        {
          id: `m${items.length}`,
          caseId: `c${items.length}`,
          unitId: pool[command.unit % pool.length]!,
          mode: command.exOfficio ? "ex_officio" : "on_request",
          judgmentType: JUDGMENT_TYPES[command.type]!,
          creditInstitution: command.credit,
          debtor: "A",
          creditor: "B",
          owedVnd: command.owed,
          periodic: [],
        },
        actor(),
      );
      const item = { ...matter, events: [event] };
      items.push(item);
      changes.push({ eventName: "INSERT", newImage: item });
      continue;
    }
    if (items.length === 0) continue;
    const index = command.target % items.length;
    const old = items[index]!;
    const balance = old.owedVnd - old.collectedVnd - old.reducedVnd;
    const amount = Math.max(1, Math.floor(balance * command.fraction));
    const moves = [...TRANSITIONS[old.state], "collect" as const, "reduce" as const];
    const action = command.legal ? moves[command.choice % moves.length]! : command.action;
    let recorded: { matter: Matter; event: MatterEvent };
    try {
      recorded =
        action === "collect" ? collect(old, amount, actor())
        : action === "reduce" ? reduce(old, amount, actor())
        : transition(old, action, actor());
    } catch (error) {
      if (error instanceof LifecycleError) continue;
      throw error;
    }
    const item = { ...recorded.matter, events: [...old.events, recorded.event] };
    items[index] = item;
    changes.push({ eventName: "MODIFY", oldImage: old, newImage: item });
  }
  return { changes, items };
}

export const HA_NAM_UNITS = ["ha-nam", "ha-nam-phu-ly", "ha-nam-duy-tien", "ha-nam-kim-bang", "ha-nam-ly-nhan", "ha-nam-thanh-liem", "ha-nam-binh-luc"];
export const NINH_BINH_UNITS = ["ninh-binh", "ninh-binh-kv-1", "ninh-binh-kv-2", "ninh-binh-kv-3"];
