import { foldVietnamese } from "../text/fold.ts";
import { courtKey, type CourtKey } from "./court-name.ts";
import {
  findUnit,
  isValidOn,
  resolveUnitOn,
  type AgencyDirectory,
  type AgencyUnit,
  type CourtAssignment,
} from "./directory.ts";

export type AgencyAssignment =
  | { ok: true; unit: AgencyUnit; assignment: CourtAssignment; reviewReasons: string[] }
  | { ok: false; reviewReason: string };

function knownProvinces(directory: AgencyDirectory): string[] {
  // Longest first so "ninh binh" is not mistaken for a shorter province suffix.
  return [...new Set(directory.units.map((unit) => foldVietnamese(unit.province)))].sort((a, b) => b.length - a.length);
}

function sameCourt(input: CourtKey, entry: CourtKey): boolean {
  return input.place === entry.place && (input.province === null || input.province === entry.province);
}

/**
 * Which enforcement unit receives a judgment of this court, received on this date (ISO date).
 * Matches the court name however it is spelled; an unknown, ambiguous or not-yet-existing court
 * returns a review reason instead of a default. A court that had ceased by the date is assigned
 * to its unit's successor, with a review reason so staff confirm the office.
 */
export function assignAgency(directory: AgencyDirectory, court: string | null, receivedOn: string): AgencyAssignment {
  if (court === null || court.trim() === "") return { ok: false, reviewReason: "court name missing: cannot choose the enforcement unit" };
  const provinces = knownProvinces(directory);
  const key = courtKey(court, provinces);
  const matches = directory.assignments.filter((entry) => sameCourt(key, courtKey(entry.court, provinces)));
  if (matches.length === 0) return { ok: false, reviewReason: `unknown court "${court}": no enforcement unit is assigned to it` };

  const courtsMatched = new Set(matches.map((entry) => { const k = courtKey(entry.court, provinces); return `${k.place}|${k.province}`; }));
  if (courtsMatched.size > 1) return { ok: false, reviewReason: `court "${court}" matches several courts; name the province` };

  const current = matches.find((entry) => isValidOn(entry, receivedOn));
  if (current) {
    const unit = findUnit(directory, current.unitId);
    if (!unit) return { ok: false, reviewReason: `court "${court}" is assigned to a unit missing from the directory` };
    const reviewReasons = current.confirmed ? [] : [`assignment of "${current.court}" to ${unit.name} is not confirmed`];
    return { ok: true, unit, assignment: current, reviewReasons };
  }

  const ended = matches
    .filter((entry) => entry.validTo !== null && entry.validTo <= receivedOn)
    .sort((a, b) => (a.validTo! < b.validTo! ? 1 : -1))[0];
  if (!ended) return { ok: false, reviewReason: `court "${court}" had no enforcement unit assigned on ${receivedOn}` };
  const { unit, confirmed } = resolveUnitOn(directory, ended.unitId, receivedOn);
  if (!isValidOn(unit, receivedOn)) {
    return { ok: false, reviewReason: `court "${court}" ceased on ${ended.validTo} and its unit has no successor on ${receivedOn}` };
  }
  const reviewReasons = [`court "${ended.court}" ceased on ${ended.validTo}: assigned to successor ${unit.name}; confirm the receiving office`];
  if (!confirmed) reviewReasons.push(`succession to ${unit.name} is not confirmed`);
  return { ok: true, unit, assignment: ended, reviewReasons };
}
