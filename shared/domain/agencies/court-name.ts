import { foldVietnamese } from "../text/fold.ts";

/** A court name reduced to what identifies it: the place (empty for a provincial court) and province. */
export interface CourtKey {
  place: string;
  province: string | null;
}

const COURT_WORDS = /\b(toa an nhan dan|tand|toa an)\b/g;
// Administrative-level words vary between documents for the same court (huyện Duy Tiên became
// thị xã Duy Tiên in 2020), so they are not part of the key.
const LEVEL_WORDS = /\b(huyen|thi xa|thanh pho|tp|quan|tinh)\b/g;

/**
 * Reduces a court name in any common spelling to its key: "TAND huyện Kim Bảng, tỉnh Hà Nam",
 * "TOÀ ÁN NHÂN DÂN HUYỆN KIM BẢNG" and "Toa an nhan dan Kim Bang" give place "kim bang";
 * "Tòa án nhân dân khu vực 01 - Ninh Bình" gives place "khu vuc 1", province "ninh binh".
 * A trailing known province name is split off as the province.
 */
export function courtKey(name: string, knownProvinces: readonly string[]): CourtKey {
  const words = foldVietnamese(name)
    .replace(COURT_WORDS, " ")
    .replace(LEVEL_WORDS, " ")
    .split(" ")
    .filter((word) => word !== "")
    .map((word) => (/^\d+$/.test(word) ? String(Number(word)) : word));
  const text = words.join(" ");
  for (const province of knownProvinces) {
    if (text === province) return { place: "", province };
    if (text.endsWith(` ${province}`)) return { place: text.slice(0, -province.length - 1), province };
  }
  return { place: text, province: null };
}
