/**
 * Folds Vietnamese text for matching: lower case, diacritics removed (đ -> d), punctuation to
 * spaces, runs of spaces collapsed. "Tòa án nhân dân TP. Phủ Lý" -> "toa an nhan dan tp phu ly".
 * Both "Tòa" and the older "Toà" spelling fold alike because combining marks are dropped after NFD.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
