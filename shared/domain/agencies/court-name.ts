import { foldVietnamese } from "../text/fold.ts";

/**
 * What a court name says about where the court sits:
 * - `higher`: a high court (cấp cao) or the Supreme People's Court (tối cao), above any province;
 * - `provincial`: "Tòa án nhân dân tỉnh Y" / "thành phố Y" (a centrally-run city);
 * - `district`: a court below the province before July 2025 ("huyện X, tỉnh Y", "thành phố X" of a tỉnh);
 * - `regional`: "Tòa án nhân dân khu vực N - Y", from July 2025.
 * `place` is the folded place below the province ("kim bang", "khu vuc 3"; empty for a provincial court) and
 * `province` the folded province name as the index knows it (null when the name gives none).
 */
export interface ParsedCourt {
  level: "higher" | "provincial" | "district" | "regional";
  place: string;
  province: string | null;
}

/** The province names a parser recognises (build with provinceNames). */
export interface ProvinceNames {
  spellings: ReadonlyArray<{ pattern: RegExp; length: number; province: string }>;
  /** Folded names of centrally-run cities: "thành phố Y" is then the provincial court, not a city within a tỉnh. */
  cities: ReadonlySet<string>;
}

const COURT_WORDS = /\b(toa an nhan dan|tand|toa an)\b/g;
// Administrative-level words vary between documents for the same court (huyện Duy Tiên became
// thị xã Duy Tiên in 2020), so they are not part of the place.
const LEVEL_WORDS = /\b(huyen|thi xa|thanh pho|quan|tinh)\b/g;
const DISTRICT_LEVEL_BEFORE = /\b(huyen|thi xa|thanh pho|quan)$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles the spellings (folded spelling -> folded province name) once, for every name parsed after. */
export function provinceNames(spellings: ReadonlyMap<string, string>, cities: ReadonlySet<string>): ProvinceNames {
  return {
    spellings: [...spellings].map(([spelling, province]) => ({
      pattern: new RegExp(`(?<![a-z0-9])${escape(spelling)}(?![a-z0-9])`, "g"),
      length: spelling.length,
      province,
    })),
    cities,
  };
}

/** The province named last in the text (a court's own province comes after its place), longest spelling first. */
function lastProvince(text: string, names: ProvinceNames): { start: number; end: number; province: string } | null {
  let best: { start: number; end: number; province: string } | null = null;
  for (const { pattern, length, province } of names.spellings) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + length;
      if (!best || end > best.end || (end === best.end && start < best.start)) best = { start, end, province };
    }
  }
  return best;
}

/**
 * Reads a court name in any common spelling: with or without diacritics, "TAND" or "Tòa án nhân dân",
 * "tỉnh"/"thành phố"/"TP." before the province, "khu vực 01" or "khu vực 1".
 * "TAND huyện Kim Bảng, tỉnh Hà Nam" -> district, place "kim bang", province "ha nam";
 * "Tòa án nhân dân khu vực 1 - Cà Mau" -> regional, place "khu vuc 1", province "ca mau".
 */
export function parseCourtName(name: string, names: ProvinceNames): ParsedCourt {
  const text = foldVietnamese(name)
    .replace(/\btp\b/g, "thanh pho")
    .replace(COURT_WORDS, " ")
    .replace(/\b0+(\d)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  if (/\b(cap cao|toi cao)\b/.test(text)) return { level: "higher", place: "", province: null };
  const region = /\bkhu vuc (\d+)\b/.exec(text);
  const found = lastProvince(text, names);
  const province = found?.province ?? null;
  if (region) return { level: "regional", place: `khu vuc ${region[1]}`, province };
  const before = found ? text.slice(0, found.start).trim() : text;
  const place = before.replace(LEVEL_WORDS, " ").replace(/\s+/g, " ").trim();
  if (place !== "") return { level: "district", place, province };
  if (province === null) return { level: "district", place: "", province };
  // "thành phố Nam Định" is a city within tỉnh Nam Định; "thành phố Hà Nội" is the province itself
  const levelWord = DISTRICT_LEVEL_BEFORE.exec(before)?.[1];
  const cityOfTinh = levelWord !== undefined && !(levelWord === "thanh pho" && names.cities.has(province));
  return cityOfTinh ? { level: "district", place: province, province } : { level: "provincial", place: "", province };
}
