import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDeltas, deltasForChange, mergeDeltas, type AggregateStore } from "#domain/report/incremental.ts";
import { indicatorPair } from "#domain/report/indicators.ts";
import { parsePeriod, reportPeriod } from "#domain/report/periods.ts";
import { rollup, type Cube } from "#domain/report/rollup.ts";
import { commandsArb, HA_NAM_UNITS, NINH_BINH_UNITS, play } from "./arbitrary.ts";

const periods = [parsePeriod("2025-H1"), parsePeriod("2025-H2"), parsePeriod("2026-H1"), reportPeriod(2025, 2, "calendar")];
const units = { before: HA_NAM_UNITS, after: NINH_BINH_UNITS };

const plain = (cube: Cube | undefined) =>
  Object.fromEntries([...(cube ?? new Map())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, cell]) => [key, [...cell]]));

describe("incremental aggregates from the stream", () => {
  it("equal a full recompute for any sequence of intake and status events", () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { changes, items } = play(commands, units);
        const store: AggregateStore = new Map();
        for (const change of changes) applyDeltas(store, deltasForChange(change, periods));
        const full = rollup(items.map((item) => ({ matter: item, events: item.events })), periods);
        periods.forEach((period, index) => expect(plain(store.get(period.id))).toEqual(plain(full[index])));
      }),
      { numRuns: 150 },
    );
  });

  it("give the same result when a batch's deltas are merged into one update per cell", () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { changes } = play(commands, units);
        const oneByOne: AggregateStore = new Map();
        const batched: AggregateStore = new Map();
        for (const change of changes) applyDeltas(oneByOne, deltasForChange(change, periods));
        applyDeltas(batched, mergeDeltas(changes.flatMap((change) => deltasForChange(change, periods))));
        for (const period of periods) expect(plain(batched.get(period.id))).toEqual(plain(oneByOne.get(period.id)));
      }),
      { numRuns: 60 },
    );
  });

  it("take a removed matter back out of the aggregates", () => {
    const { changes, items } = play([{ kind: "intake", unit: 0, type: 0, exOfficio: false, credit: false, owed: 5, hours: 24 * 400 }], units);
    const store: AggregateStore = new Map();
    for (const change of changes) applyDeltas(store, deltasForChange(change, periods));
    expect(store.get("2025-H1")?.size).toBe(1);
    applyDeltas(store, deltasForChange({ eventName: "REMOVE", oldImage: items[0]! }, periods));
    expect(store.get("2025-H1")?.size).toBe(0);
  });
});

describe("report identities over random histories", () => {
  it("hold in every cell, and one year's carried-to-next is the next year's carried-over", () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { items } = play(commands, units);
        const [h1, year2025, year2026h1] = rollup(items.map((item) => ({ matter: item, events: item.events })), periods);
        for (const cube of [h1!, year2025!, year2026h1!]) {
          for (const cell of cube.values()) {
            for (const m of Object.values(indicatorPair(cell))) {
              expect(m.toEnforce).toBe(m.enforceable + m.notEnforceable);
              expect(m.enforceable).toBe(m.completed + m.terminated + m.reduced + m.inProgress + m.postponed + m.suspended + m.other);
            }
          }
        }
        const sum = (cube: Cube, pick: (p: ReturnType<typeof indicatorPair>) => number) => [...cube.values()].reduce((s, c) => s + pick(indicatorPair(c)), 0);
        expect(sum(year2026h1!, (p) => p.viec.carriedOver)).toBe(sum(year2025!, (p) => p.viec.carriedToNext));
        expect(sum(year2026h1!, (p) => p.tien.carriedOver)).toBe(sum(year2025!, (p) => p.tien.carriedToNext));
      }),
      { numRuns: 100 },
    );
  });
});
