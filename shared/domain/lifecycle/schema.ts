import { z } from "zod";
import { JUDGMENT_TYPES } from "../matters/types.ts";
import { MATTER_STATES } from "./states.ts";

/** An instant exactly as Date.prototype.toISOString prints it, so stored times order as strings. */
const canonicalInstant = z.string().refine((value) => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}, "expected a UTC instant like 2026-03-31T17:00:00.000Z");
const vnd = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const state = z.enum(MATTER_STATES);

export const MatterEventSchema = z.object({
  matterId: z.string().min(1),
  seq: z.number().int().positive(),
  type: z.enum(["intake", "transition", "collect", "reduce"]),
  at: canonicalInstant,
  by: z.string().min(1),
  reason: z.string().min(1),
  from: state.nullable(),
  to: state,
  amountVnd: vnd,
  receipt: z.string().min(1).optional(),
});

export const MatterSchema = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  mode: z.enum(["ex_officio", "on_request"]),
  judgmentType: z.enum(JUDGMENT_TYPES),
  creditInstitution: z.boolean(),
  debtor: z.string(),
  creditor: z.string(),
  owedVnd: vnd,
  periodic: z.array(z.object({ amountVnd: vnd, per: z.enum(["month", "year"]) })),
  state,
  collectedVnd: vnd,
  reducedVnd: vnd,
  version: z.number().int().positive(),
  updatedAt: canonicalInstant,
  decision: z.object({ number: z.string().min(1), date: z.iso.date() }).optional(),
  executor: z.string().min(1).optional(),
  obstacles: z.array(z.object({ at: canonicalInstant, by: z.string().min(1), note: z.string().min(1) })).min(1).optional(),
});

/** A stored matter with its audit trail (a stream image); events must run seq 1..n in time order. */
export const MatterItemSchema = MatterSchema.extend({ events: z.array(MatterEventSchema).min(1) }).superRefine((item, ctx) => {
  item.events.forEach((event, index) => {
    const previous = item.events[index - 1];
    if (event.matterId !== item.id || event.seq !== index + 1 || (previous && event.at < previous.at)) {
      ctx.addIssue({ code: "custom", path: ["events", index], message: "events must belong to the matter, run seq 1..n and be in time order" });
    }
  });
});
