import { z } from "zod";

/**
 * Which enforcement unit receives a court's judgments is data, not code: units and court
 * assignments carry validity dates so the mapping can follow a reorganisation (Hà Nam's district
 * offices before 1 July 2025, the merged Ninh Bình province's regional offices after it).
 * Dates are ISO calendar dates; ranges are [validFrom, validTo): validTo is the first day the
 * entry no longer applies, null means open-ended.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const AgencyUnitSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  province: z.string().min(1),
  level: z.enum(["province", "district", "regional"]),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  /** The unit that took over this unit's matters on validTo; confirmed=false adds a review reason. */
  successor: z.object({ unitId: z.string().min(1), confirmed: z.boolean() }).nullable(),
});

export const CourtAssignmentSchema = z.object({
  /** The court's full name; every spelling that folds to the same place and province matches it. */
  court: z.string().min(1),
  unitId: z.string().min(1),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  confirmed: z.boolean(),
});

/**
 * A province (tỉnh or centrally-run city) over a period, and the agency that receives its courts' judgments when
 * the directory names no office for the court itself. The 63 provinces before 1 July 2025 and the 34 after it are
 * separate entries even where a name continues; `successor` is the province that took over on validTo.
 */
export const ProvinceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(["tỉnh", "thành phố"]),
  /** Other spellings of the name a court may use. */
  aliases: z.array(z.string().min(1)),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  agencyId: z.string().min(1),
  successor: z.string().min(1).nullable(),
  /** True when every court of the province is in `assignments`: a court not found there does not exist. */
  courtsComplete: z.boolean(),
});

export const AgencyDirectorySchema = z.object({
  version: z.string().min(1),
  /** Where the data comes from, and what in it is not confirmed. */
  sources: z.array(z.string().min(1)).default([]),
  provinces: z.array(ProvinceSchema).default([]),
  units: z.array(AgencyUnitSchema).min(1),
  assignments: z.array(CourtAssignmentSchema),
});

export type AgencyUnit = z.infer<typeof AgencyUnitSchema>;
export type CourtAssignment = z.infer<typeof CourtAssignmentSchema>;
export type Province = z.infer<typeof ProvinceSchema>;
export type AgencyDirectory = z.infer<typeof AgencyDirectorySchema>;

export class AgencyDirectoryError extends Error {
  override readonly name = "AgencyDirectoryError";
}

/** True when the ISO date lies in [validFrom, validTo). */
export function isValidOn(entry: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (entry.validFrom === null || entry.validFrom <= date) && (entry.validTo === null || date < entry.validTo);
}

/**
 * Parses and checks a directory: unique unit ids, assignments and successors pointing at known
 * units, no successor cycles. Throws AgencyDirectoryError naming the first problem.
 */
export function loadAgencyDirectory(input: unknown): AgencyDirectory {
  const directory = AgencyDirectorySchema.parse(input);
  const ids = new Set<string>();
  for (const unit of directory.units) {
    if (ids.has(unit.id)) throw new AgencyDirectoryError(`duplicate unit id ${unit.id}`);
    ids.add(unit.id);
  }
  for (const unit of directory.units) {
    if (unit.successor && !ids.has(unit.successor.unitId)) {
      throw new AgencyDirectoryError(`unit ${unit.id} names unknown successor ${unit.successor.unitId}`);
    }
    if (unit.successor && unit.validTo === null) {
      throw new AgencyDirectoryError(`unit ${unit.id} has a successor but no validTo`);
    }
  }
  for (const assignment of directory.assignments) {
    if (!ids.has(assignment.unitId)) {
      throw new AgencyDirectoryError(`court ${assignment.court} is assigned to unknown unit ${assignment.unitId}`);
    }
  }
  const provinceIds = new Set(directory.provinces.map((province) => province.id));
  for (const province of directory.provinces) {
    if (!ids.has(province.agencyId)) throw new AgencyDirectoryError(`province ${province.id} names unknown agency ${province.agencyId}`);
    if (province.successor !== null && !provinceIds.has(province.successor)) {
      throw new AgencyDirectoryError(`province ${province.id} names unknown successor ${province.successor}`);
    }
  }
  for (const unit of directory.units) successionChain(directory, unit.id);
  return directory;
}

export function findUnit(directory: AgencyDirectory, unitId: string): AgencyUnit | undefined {
  return directory.units.find((unit) => unit.id === unitId);
}

function successionChain(directory: AgencyDirectory, unitId: string): AgencyUnit[] {
  const chain: AgencyUnit[] = [];
  let unit = findUnit(directory, unitId);
  while (unit) {
    if (chain.includes(unit)) throw new AgencyDirectoryError(`succession cycle through unit ${unit.id}`);
    chain.push(unit);
    unit = unit.successor ? findUnit(directory, unit.successor.unitId) : undefined;
  }
  return chain;
}

export interface ResolvedUnit {
  unit: AgencyUnit;
  /** False when any step of the succession followed is not confirmed. */
  confirmed: boolean;
}

/**
 * The unit responsible on a date for matters recorded under unitId: follows successors while
 * the unit had ceased by that date. A unit without a successor stays itself.
 */
export function resolveUnitOn(directory: AgencyDirectory, unitId: string, date: string): ResolvedUnit {
  let unit = findUnit(directory, unitId);
  if (!unit) throw new AgencyDirectoryError(`unknown unit ${unitId}`);
  let confirmed = true;
  const seen = new Set<string>();
  while (unit.successor && unit.validTo !== null && unit.validTo <= date && !seen.has(unit.id)) {
    seen.add(unit.id);
    confirmed &&= unit.successor.confirmed;
    const next = findUnit(directory, unit.successor.unitId);
    if (!next) break;
    unit = next;
  }
  return { unit, confirmed };
}
