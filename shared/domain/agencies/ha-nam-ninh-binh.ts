import { loadAgencyDirectory, type AgencyDirectory, type AgencyUnit, type CourtAssignment } from "./directory.ts";

/** 1 July 2025: Hà Nam, Nam Định and Ninh Bình merged into Ninh Bình; district level abolished. */
export const REORGANISATION_DATE = "2025-07-01";

/**
 * How many regional offices (Phòng THADS khu vực) the merged Ninh Bình agency has is not
 * confirmed; change it here or pass regionalOffices. Regional office N serves TAND khu vực N.
 */
export const DEFAULT_NINH_BINH_REGIONAL_OFFICES = 12;

const HA_NAM_DISTRICTS: ReadonlyArray<{ id: string; level: string; place: string }> = [
  { id: "ha-nam-phu-ly", level: "thành phố", place: "Phủ Lý" },
  { id: "ha-nam-duy-tien", level: "thị xã", place: "Duy Tiên" },
  { id: "ha-nam-kim-bang", level: "huyện", place: "Kim Bảng" },
  { id: "ha-nam-ly-nhan", level: "huyện", place: "Lý Nhân" },
  { id: "ha-nam-thanh-liem", level: "huyện", place: "Thanh Liêm" },
  { id: "ha-nam-binh-luc", level: "huyện", place: "Bình Lục" },
];

/**
 * The Hà Nam / Ninh Bình directory. Before the reorganisation: Cục THADS tỉnh Hà Nam and six
 * Chi cục. After it: Thi hành án dân sự tỉnh Ninh Bình and its regional offices. The old units'
 * matters pass to the new provincial agency (its regional offices are internal departments);
 * which regional office took over each former district is not confirmed, so that succession is
 * marked unconfirmed and surfaces as a review reason.
 */
export function haNamNinhBinhDirectory(options: { regionalOffices?: number } = {}): AgencyDirectory {
  const regionalOffices = options.regionalOffices ?? DEFAULT_NINH_BINH_REGIONAL_OFFICES;
  const before = { validFrom: null, validTo: REORGANISATION_DATE };
  const after = { validFrom: REORGANISATION_DATE, validTo: null };
  const toNinhBinh = { unitId: "ninh-binh", confirmed: false };

  const units: AgencyUnit[] = [
    { id: "ha-nam", name: "Cục Thi hành án dân sự tỉnh Hà Nam", province: "Hà Nam", level: "province", ...before, successor: { unitId: "ninh-binh", confirmed: true } },
    ...HA_NAM_DISTRICTS.map(({ id, level, place }): AgencyUnit => ({
      id, name: `Chi cục Thi hành án dân sự ${level} ${place}`, province: "Hà Nam", level: "district", ...before, successor: toNinhBinh,
    })),
    { id: "ninh-binh", name: "Thi hành án dân sự tỉnh Ninh Bình", province: "Ninh Bình", level: "province", ...after, successor: null },
  ];
  const assignments: CourtAssignment[] = [
    { court: "Tòa án nhân dân tỉnh Hà Nam", unitId: "ha-nam", ...before, confirmed: true },
    ...HA_NAM_DISTRICTS.map(({ id, level, place }): CourtAssignment => ({
      court: `Tòa án nhân dân ${level} ${place}, tỉnh Hà Nam`, unitId: id, ...before, confirmed: true,
    })),
    { court: "Tòa án nhân dân tỉnh Ninh Bình", unitId: "ninh-binh", ...after, confirmed: true },
  ];
  for (let n = 1; n <= regionalOffices; n++) {
    const id = `ninh-binh-kv-${n}`;
    units.push({ id, name: `Phòng Thi hành án dân sự khu vực ${n}`, province: "Ninh Bình", level: "regional", ...after, successor: null });
    assignments.push({ court: `Tòa án nhân dân khu vực ${n} - Ninh Bình`, unitId: id, ...after, confirmed: true });
  }
  return loadAgencyDirectory({ version: `ha-nam-ninh-binh/2025-07-01/kv${regionalOffices}`, units, assignments });
}
