import { foldVietnamese } from "../text/fold.ts";
import { NINH_BINH_COURT_SOURCES, NINH_BINH_FORMER_DISTRICTS, NINH_BINH_REGIONAL_COURTS } from "./data/ninh-binh-courts.ts";
import { PROVINCE_MERGER_DATE, PROVINCE_SOURCES, PROVINCES_2025, type ProvinceRecord } from "./data/provinces-2025.ts";
import { loadAgencyDirectory, type AgencyDirectory, type AgencyUnit, type CourtAssignment, type Province } from "./directory.ts";

/**
 * The national directory, built from the data modules in ./data: every province before and after 1 July 2025
 * with its agency, and the courts and offices known one by one (all of the merged Ninh Bình province).
 *
 * Unit ids: a province's agency from 1 July 2025 is the folded name ("ninh-binh", "ha-noi"); a former province's
 * Cục is its folded name too ("ha-nam"), or with "-cu" where the name continues ("ninh-binh-cu", "ha-noi-cu");
 * a Chi cục is the Cục's id and the place ("ha-nam-kim-bang"), a regional office "<province>-kv-<N>".
 */

const slug = (name: string): string => foldVietnamese(name).replace(/ /g, "-");
const display = (record: ProvinceRecord): string => `${record.kind} ${record.name}`;

const NEW_IDS = new Set(PROVINCES_2025.map((province) => slug(province.name)));
const formerId = (record: ProvinceRecord): string => (NEW_IDS.has(slug(record.name)) ? `${slug(record.name)}-cu` : slug(record.name));

const before = { validFrom: null, validTo: PROVINCE_MERGER_DATE };
const after = { validFrom: PROVINCE_MERGER_DATE, validTo: null };

/** Every court of these provinces is listed one by one. */
const COMPLETE = new Set(["Ninh Bình"]);

function ninhBinhCourts(): { units: AgencyUnit[]; assignments: CourtAssignment[] } {
  const regional = (n: number) => `ninh-binh-kv-${n}`;
  const units: AgencyUnit[] = [];
  const assignments: CourtAssignment[] = [];
  for (let n = 1; n <= NINH_BINH_REGIONAL_COURTS; n++) {
    units.push({ id: regional(n), name: `Phòng Thi hành án dân sự khu vực ${n}`, province: "Ninh Bình", level: "regional", ...after, successor: null });
    assignments.push({ court: `Tòa án nhân dân khu vực ${n} - Ninh Bình`, unitId: regional(n), ...after, confirmed: true });
  }
  for (const district of NINH_BINH_FORMER_DISTRICTS) {
    const id = `${formerId({ name: district.province, kind: "tỉnh" })}-${slug(district.place)}`;
    const court = `Tòa án nhân dân ${district.level} ${district.place}, tỉnh ${district.province}`;
    units.push({
      id,
      name: `Chi cục Thi hành án dân sự ${district.level} ${district.place}`,
      province: district.province,
      level: "district",
      ...before,
      successor: { unitId: regional(district.region), confirmed: true },
    });
    assignments.push({ court, unitId: id, ...before, confirmed: true });
    // the regional court took over the district court's territory, so its office takes the judgments that arrive now
    assignments.push({ court, unitId: regional(district.region), ...after, confirmed: true });
  }
  return { units, assignments };
}

/** The directory for the whole country. */
export function vietnamDirectory(): AgencyDirectory {
  const provinces: Province[] = [];
  const units: AgencyUnit[] = [];
  for (const merged of PROVINCES_2025) {
    const id = slug(merged.name);
    const aliases = [...(merged.aliases ?? [])];
    const complete = COMPLETE.has(merged.name);
    units.push({ id, name: `Thi hành án dân sự ${display(merged)}`, province: merged.name, level: "province", ...after, successor: null });
    provinces.push({ id, name: merged.name, kind: merged.kind, aliases, ...after, agencyId: id, successor: null, courtsComplete: complete });
    for (const former of merged.formerProvinces) {
      const oldId = formerId(former);
      units.push({
        id: oldId,
        name: `Cục Thi hành án dân sự ${display(former)}`,
        province: former.name,
        level: "province",
        ...before,
        successor: { unitId: id, confirmed: true },
      });
      provinces.push({
        id: oldId,
        name: former.name,
        kind: former.kind,
        aliases: [...(former.aliases ?? [])],
        ...before,
        agencyId: oldId,
        successor: id,
        courtsComplete: complete,
      });
    }
  }
  const courts = ninhBinhCourts();
  return loadAgencyDirectory({
    version: `vietnam/${PROVINCE_MERGER_DATE}`,
    sources: [...PROVINCE_SOURCES, ...NINH_BINH_COURT_SOURCES],
    provinces,
    units: [...units, ...courts.units],
    assignments: courts.assignments,
  });
}

/**
 * The part of a directory that concerns one province formed on 1 July 2025: its agency and offices, and those of
 * the former provinces it was formed from. What a province's report lists.
 */
export function provinceDirectory(directory: AgencyDirectory, provinceId: string): AgencyDirectory {
  const provinces = directory.provinces.filter((province) => province.id === provinceId || province.successor === provinceId);
  const names = new Set(provinces.map((province) => province.name));
  const units = directory.units.filter((unit) => names.has(unit.province));
  const unitIds = new Set(units.map((unit) => unit.id));
  return loadAgencyDirectory({
    ...directory,
    version: `${directory.version}/${provinceId}`,
    provinces,
    units,
    assignments: directory.assignments.filter((assignment) => unitIds.has(assignment.unitId)),
  });
}
