import { NINH_BINH_REGIONAL_COURTS } from "./data/ninh-binh-courts.ts";
import { PROVINCE_MERGER_DATE } from "./data/provinces-2025.ts";
import { loadAgencyDirectory, type AgencyDirectory } from "./directory.ts";
import { provinceDirectory, vietnamDirectory } from "./vietnam-directory.ts";

/** 1 July 2025: Hà Nam, Nam Định and Ninh Bình merged into Ninh Bình; district level abolished. */
export const REORGANISATION_DATE = PROVINCE_MERGER_DATE;

/** How many regional offices (Phòng THADS khu vực) the merged Ninh Bình agency has, from ./data/ninh-binh-courts.ts. */
export const DEFAULT_NINH_BINH_REGIONAL_OFFICES = NINH_BINH_REGIONAL_COURTS;

/**
 * The Ninh Bình part of the national directory (vietnamDirectory): before the reorganisation the Cục and Chi cục
 * of Hà Nam, Nam Định and Ninh Bình, after it Thi hành án dân sự tỉnh Ninh Bình and its regional offices.
 * `regionalOffices` keeps only the first N offices (to model a smaller agency): courts of the offices left out
 * are then unknown, and the former district offices they took over pass, unconfirmed, to the provincial agency.
 */
export function haNamNinhBinhDirectory(options: { regionalOffices?: number } = {}): AgencyDirectory {
  const regionalOffices = options.regionalOffices ?? DEFAULT_NINH_BINH_REGIONAL_OFFICES;
  const full = provinceDirectory(vietnamDirectory(), "ninh-binh");
  const units = full.units.filter((unit) => !(unit.level === "regional" && Number(/-kv-(\d+)$/.exec(unit.id)?.[1]) > regionalOffices));
  const kept = new Set(units.map((unit) => unit.id));
  return loadAgencyDirectory({
    ...full,
    version: `${full.version}/kv${regionalOffices}`,
    units: units.map((unit) => (unit.successor && !kept.has(unit.successor.unitId) ? { ...unit, successor: { unitId: "ninh-binh", confirmed: false } } : unit)),
    assignments: full.assignments.filter((assignment) => kept.has(assignment.unitId)),
  });
}
