/** Case and document numbers: "12/2017/DS-ST", "05/2019/QĐST-KDTM", "126/TA-DS", with their printed variants. */

/** Codes printed with Đ that lose it to OCR or to text without diacritics. */
const D_CODES: Record<string, string> = {
  HNGD: "HNGĐ",
  QD: "QĐ",
  QDST: "QĐST",
  QDPT: "QĐPT",
  QDCNHG: "QĐCNHG",
  QDCNTT: "QĐCNTT",
  QDDC: "QĐDC",
  QDDCST: "QĐDCST",
  LD: "LĐ",
  GDT: "GĐT",
};

/**
 * Canonical form of a printed case number: spaces removed, letters in capitals, codes that are
 * printed with Đ restored ("HNGD" → "HNGĐ"). Returns null when the text has no number/code shape.
 */
export function normalizeCaseNumber(printed: string): string | null {
  const compact = printed.normalize("NFC").replace(/\s+/g, "").replace(/[.;,:]+$/, "").toUpperCase().replace(/Ð/g, "Đ");
  // OCR's I or L for 1 and O for 0 in the number and the year ("I52/2O25/DS-ST")
  const digits = compact.replace(/^[\dILO]{1,5}(?=\/)|(?<=^[^/]*\/)[\dILO]{4}(?=\/)/g, (run) => (/\d/.test(run) ? run.replace(/[IL]/g, "1").replace(/O/g, "0") : run));
  const m = /^(\d{1,5})\/(?:(\d{4})\/)?([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$/.exec(digits);
  if (!m) return null;
  const [, number, year, code = ""] = m;
  const parts = code.split("-").map((part) => {
    const repaired = repairOcrCode(part);
    return D_CODES[repaired] ?? repaired;
  });
  return year ? `${number}/${year}/${parts.join("-")}` : `${number}/${parts.join("-")}`;
}

/**
 * A type code as OCR damages it: a doubled Đ ("QĐĐST" from "QĐÐST") and digits read for the letters
 * they resemble inside a code of letters ("H5" for "HS", "0" for "O"). Codes with real digits ("TLST2") keep them.
 */
function repairOcrCode(part: string): string {
  let code = part.replace(/ĐĐ+/g, "Đ");
  if (/^[A-ZĐ]*[50][A-ZĐ]*$/.test(code) && /[A-ZĐ]/.test(code)) code = code.replace(/5/g, "S").replace(/0/g, "O");
  return code;
}

export type CategoryCode = "criminal" | "civil" | "marriage_family" | "commercial" | "labor" | "administrative" | "bankruptcy";

/** The case category a number's type code names (HS, DS, HNGĐ, KDTM, LĐ, HC, PS), or null. */
export function categoryOfCaseNumber(caseNumber: string): CategoryCode | null {
  const code = caseNumber.split("/").pop() ?? "";
  const letters = code.replace(/Đ/g, "D").split("-");
  for (const part of letters) {
    const p = part.replace(/^QD(?:ST|PT|CNHG|CNTT|DC|DCST)?/, "").replace(/(ST|PT|GDT|TT)$/, "");
    if (p === "HS") return "criminal";
    if (p === "HNGD") return "marriage_family";
    if (p === "KDTM") return "commercial";
    if (p === "LD") return "labor";
    if (p === "HC") return "administrative";
    if (p === "PS") return "bankruptcy";
    if (p === "DS") return "civil";
  }
  return null;
}
