/**
 * Folds Vietnamese text for matching: lower case, diacritics removed (đ -> d), punctuation to
 * spaces, runs of spaces collapsed. "Tòa án nhân dân TP. Phủ Lý" -> "toa an nhan dan tp phu ly".
 * One folding for the whole domain: the extraction's, so names match however they were read.
 */
export { foldWords as foldVietnamese } from "../extraction/text.ts";
