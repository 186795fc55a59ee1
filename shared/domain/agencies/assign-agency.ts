import { reason, type Reason } from "../review-reasons.ts";
import { foldVietnamese } from "../text/fold.ts";
import { parseCourtName, provinceNames, type ParsedCourt, type ProvinceNames } from "./court-name.ts";
import {
  findUnit,
  isValidOn,
  resolveUnitOn,
  type AgencyDirectory,
  type AgencyUnit,
  type CourtAssignment,
  type Province,
} from "./directory.ts";

export type AgencyAssignment =
  | { ok: true; unit: AgencyUnit; reviewReasons: Reason[] }
  | { ok: false; reviewReason: Reason };

export interface AssignOptions {
  /**
   * The first-instance court an appeal judgment names (of a high court, the Supreme People's Court or a provincial
   * court on appeal): the judgment goes to that court's agency. Reading it from the judgment's text is extraction's work.
   */
  firstInstanceCourt?: string | null;
}

interface DirectoryIndex {
  names: ProvinceNames;
  /** Court names already read: the same few thousand courts recur in every batch. */
  parsed: Map<string, ParsedCourt>;
  provincesByName: Map<string, Province[]>;
  assignments: Array<{ entry: CourtAssignment; key: ParsedCourt }>;
}

const indexes = new WeakMap<AgencyDirectory, DirectoryIndex>();

function indexOf(directory: AgencyDirectory): DirectoryIndex {
  const known = indexes.get(directory);
  if (known) return known;
  const keys = new Map<string, string>();
  const cities = new Set<string>();
  const provincesByName = new Map<string, Province[]>();
  for (const province of directory.provinces) {
    const name = foldVietnamese(province.name);
    for (const spelling of [province.name, ...province.aliases]) keys.set(foldVietnamese(spelling), name);
    if (province.kind === "thành phố") cities.add(name);
    provincesByName.set(name, [...(provincesByName.get(name) ?? []), province]);
  }
  // Provinces of units the directory has no province entry for (a directory of a few courts only).
  for (const unit of directory.units) {
    const name = foldVietnamese(unit.province);
    if (!keys.has(name)) keys.set(name, name);
  }
  const names = provinceNames(keys, cities);
  const index = {
    names,
    parsed: new Map<string, ParsedCourt>(),
    provincesByName,
    assignments: directory.assignments.map((entry) => ({ entry, key: parseCourtName(entry.court, names) })),
  };
  indexes.set(directory, index);
  return index;
}

const MAX_REMEMBERED_COURTS = 10_000;

function parsedCourt(index: DirectoryIndex, court: string): ParsedCourt {
  let parsed = index.parsed.get(court);
  if (!parsed) {
    if (index.parsed.size >= MAX_REMEMBERED_COURTS) index.parsed.clear();
    parsed = parseCourtName(court, index.names);
    index.parsed.set(court, parsed);
  }
  return parsed;
}

function sameCourt(input: ParsedCourt, entry: ParsedCourt): boolean {
  return input.level === entry.level && input.place === entry.place && (input.province === null || input.province === entry.province);
}

/** The court's own entry in the directory: the office that served it on the date, or its successor. */
function assignByCourt(directory: AgencyDirectory, court: string, matches: CourtAssignment[], receivedOn: string): AgencyAssignment {
  const current = matches.find((entry) => isValidOn(entry, receivedOn));
  if (current) {
    const unit = findUnit(directory, current.unitId);
    if (!unit) return { ok: false, reviewReason: reason("agency.unit-missing", { court }) };
    const reviewReasons = current.confirmed ? [] : [reason("agency.assignment-unconfirmed", { court: current.court, agency: unit.name })];
    return { ok: true, unit, reviewReasons };
  }
  const ended = matches
    .filter((entry) => entry.validTo !== null && entry.validTo <= receivedOn)
    .sort((a, b) => (a.validTo! < b.validTo! ? 1 : -1))[0];
  if (!ended) return { ok: false, reviewReason: reason("court.not-in-service", { court, date: receivedOn }) };
  const { unit, confirmed } = resolveUnitOn(directory, ended.unitId, receivedOn);
  if (!isValidOn(unit, receivedOn)) return { ok: false, reviewReason: reason("agency.no-successor", { court, date: ended.validTo! }) };
  const reviewReasons = [reason("agency.successor", { court: ended.court, date: ended.validTo!, agency: unit.name })];
  if (!confirmed) reviewReasons.push(reason("agency.succession-unconfirmed", { agency: unit.name }));
  return { ok: true, unit, reviewReasons };
}

/** The province entry responsible on the date: the one of that name then in force, else the successor of the one that ended. */
function provinceOn(directory: AgencyDirectory, entries: Province[], parsed: ParsedCourt, receivedOn: string): Province | null {
  // Regional courts exist only in the provinces formed on 1 July 2025, never in the former ones.
  const candidates = parsed.level === "regional" ? entries.filter((entry) => entry.validTo === null) : entries;
  const current = candidates.find((entry) => isValidOn(entry, receivedOn));
  if (current) return current;
  let province: Province | undefined = candidates.find((entry) => entry.validTo !== null && entry.validTo <= receivedOn);
  const seen = new Set<string>();
  while (province && !isValidOn(province, receivedOn) && province.successor && !seen.has(province.id)) {
    seen.add(province.id);
    province = directory.provinces.find((entry) => entry.id === province!.successor);
  }
  return province && isValidOn(province, receivedOn) ? province : null;
}

function assignOne(directory: AgencyDirectory, court: string, receivedOn: string): AgencyAssignment {
  const index = indexOf(directory);
  const parsed = parsedCourt(index, court);
  if (parsed.level === "regional" && parsed.province === null) return { ok: false, reviewReason: reason("court.ambiguous", { court }) };

  const matches = index.assignments.filter(({ key }) => sameCourt(parsed, key));
  const courtsMatched = new Set(matches.map(({ key }) => `${key.place}|${key.province}`));
  if (courtsMatched.size > 1) return { ok: false, reviewReason: reason("court.ambiguous", { court }) };
  if (matches.length > 0) return assignByCourt(directory, court, matches.map(({ entry }) => entry), receivedOn);

  const entries = parsed.province === null ? undefined : index.provincesByName.get(parsed.province);
  if (!entries) return { ok: false, reviewReason: reason("court.unknown", { court }) };
  const province = provinceOn(directory, entries, parsed, receivedOn);
  if (!province) return { ok: false, reviewReason: reason("court.not-in-service", { court, date: receivedOn }) };
  const unit = findUnit(directory, province.agencyId)!;
  if (parsed.level === "provincial") return { ok: true, unit, reviewReasons: [] };
  // A court below the province that the directory does not list: a province whose courts are all listed has no such court.
  const named = entries.filter((entry) => parsed.level === "regional" ? entry.validTo === null : true);
  if (named.some((entry) => entry.courtsComplete)) return { ok: false, reviewReason: reason("court.unknown", { court }) };
  const office = province.validTo === null ? "agency.confirm-regional-office" : "agency.confirm-district-office";
  return { ok: true, unit, reviewReasons: [reason(office, { court, agency: unit.name })] };
}

/**
 * Which enforcement unit receives a judgment of this court, received on this date (ISO date, Vietnam time).
 * Reads the province from the court's name (the 63 former provinces and the 34 since 1 July 2025, in any common
 * spelling): a court the directory lists goes to its office, any other court of a known province to that
 * province's agency on the date, with a reason asking staff to confirm the office. A name that says both the old
 * and the new court ("huyện X (nay là ... khu vực N - Y)") is routed by the one that existed on the date.
 * An appeal judgment that names its first-instance court (`firstInstanceCourt`) goes where that court's would;
 * a higher court's judgment that names none goes to review. An unknown, ambiguous or not-yet-existing court
 * returns a review reason instead of a default.
 */
export function assignAgency(directory: AgencyDirectory, court: string | null, receivedOn: string, options: AssignOptions = {}): AgencyAssignment {
  if (court === null || court.trim() === "") return { ok: false, reviewReason: reason("court.missing", {}) };
  const index = indexOf(directory);
  const level = parsedCourt(index, court).level;
  const first = options.firstInstanceCourt?.trim();
  const firstUsable = first !== undefined && first !== "" && parsedCourt(index, first).level !== "higher";
  if (level === "higher" && !firstUsable) return { ok: false, reviewReason: reason("court.higher-without-first-instance", { court }) };
  // An appeal goes where the first-instance judgment would have gone (Luật THADS 2008, Điều 35): a high court's
  // always, a provincial court's when it names a first-instance court of its own.
  if (firstUsable && (level === "higher" || level === "provincial")) return assignAgency(directory, first, receivedOn);
  // (no "\s*" before "nay": tried at every position of a long blank run it would backtrack quadratically)
  const [formerName, laterName] = court.split(/(?:\(\s*)?\bnay\s+l[aà](?=\s)/iu);
  if (laterName !== undefined && laterName.trim() !== "") {
    const later = assignOne(directory, laterName.replace(/\)\s*$/, ""), receivedOn);
    if (later.ok) return later;
  }
  return assignOne(directory, formerName ?? court, receivedOn);
}
