import type { Evidence, ExtractedCase, Party, ScalarField } from "../case.ts";
import { findCategory, findCaseNumber, findCourt, findDocType, findIssuedDate, findSubject, headingEnd, type Found } from "./header.ts";
import { extractObligations, findOperativePart } from "./obligations.ts";
import { reviewFields, type Reason } from "../review-reasons.ts";
import { documentReasons, obligationReason, unresolvedReason } from "./review-reasons.ts";
import { partiesFromAccounts, partiesFromLabels, partiesFromNarrative, type FoundParty } from "./parties.ts";
import { fold, foldWords, lineOf, normalizeDocumentText } from "./text.ts";

const HONORIFIC_FORMS = ["ong", "ba", "anh", "chi", "chau", "cu", "bi cao", "em"];

const ORG_ABBREVIATIONS: Array<[string, string]> = [
  ["trach nhiem huu han", "tnhh"],
  ["thuong mai co phan", "tmcp"],
  ["co phan", "cp"],
  ["mot thanh vien", "mtv"],
];

const CREDIT_INSTITUTION = /^(?:ngan hang|quy tin dung|to chuc tin dung|cong ty tai chinh)|\bngan hang\b/;
const NOT_CREDIT_INSTITUTION = /mua ban no|quan ly (?:no|tai san)|khai thac tai san/;

/**
 * Reads one judgment or decision's text into a structured case: what `thads extract --json` prints.
 * Pure: no I/O. Accepts NFC or NFD text, with or without diacritics, OCR damage included.
 */
export function extractCase(rawText: string): ExtractedCase {
  const text = normalizeDocumentText(rawText);
  const folded = fold(text);
  // the same text with line breaks as spaces: phrases, names and amounts wrap across lines
  const flow = folded.replace(/\n/g, " ");
  const headEnd = headingEnd(folded);
  const reasons: Reason[] = [];
  const evidence: Partial<Record<ScalarField, Evidence>> = {};
  const confidence = {} as Record<ScalarField, number>;

  const record = <T>(field: ScalarField, found: Found<T> | null, fallback: T, missingConfidence: number): T => {
    if (!found) {
      confidence[field] = missingConfidence;
      return fallback;
    }
    confidence[field] = found.confidence;
    if (found.end > found.start) evidence[field] = { start: found.start, end: found.end, line: lineOf(text, found.start), text: text.slice(found.start, found.end) };
    return found.value;
  };

  const caseNumber = record("caseNumber", findCaseNumber(text, folded, headEnd), null, 0.5);
  const docType = record("docType", findDocType(folded, headEnd, caseNumber), "other", 0);
  const issuedDate = record("issuedDate", findIssuedDate(folded, headEnd), null, 0.5);
  const court = record("court", findCourt(text, folded, flow, headEnd), null, 0.4);
  const subject = record("subject", findSubject(text, folded, headEnd), null, 0.5);
  const caseCategory = record("caseCategory", findCategory(folded, caseNumber), "other", 0);

  const labelled = partiesFromLabels(text, folded, flow);
  // a complete parties block makes the narrative's passing mentions ("Bị đơn Công ty Sông Đào") redundant
  const complete = labelled.some((p) => ["plaintiff", "petitioner", "defendant_criminal"].includes(p.role)) && labelled.some((p) => ["defendant", "respondent", "defendant_criminal"].includes(p.role));
  const stated = mergeParties(complete ? labelled : [...labelled, ...partiesFromNarrative(text, flow)], folded);
  const parties = mergeParties(withFullNames([...stated, ...partiesFromAccounts(text, folded, stated)], text), folded);
  const known = parties.map((p) => ({ name: p.name, role: p.role, kind: p.kind, mentions: mentionForms(p, flow, parties) }));
  const operative = findOperativePart(text, folded);
  const accounted = operative ? extractObligations(text, flow, operative, known) : { obligations: [], notOrdered: [], unresolved: [] };
  // support ordered outside a family case (for a dependant of someone injured or killed) is not child support
  const obligations = accounted.obligations.map((o) => (o.kind === "child_support" && caseCategory !== "marriage_family" ? { ...o, kind: "other" as const } : o));

  const creditInstitutionInvolved = parties.some((p) => p.kind === "organization" && CREDIT_INSTITUTION.test(foldWords(p.name)) && !NOT_CREDIT_INSTITUTION.test(foldWords(p.name)));
  confidence.creditInstitutionInvolved = parties.length > 0 ? 0.8 : 0.4;

  reasons.push(
    ...documentReasons({ docType, docTypeConfidence: confidence.docType, caseNumber, caseNumberConfidence: confidence.caseNumber, court, issuedDate, parties: parties.length, operative: operative !== null }),
    ...accounted.unresolved.map(unresolvedReason),
    ...obligations.flatMap((o) => o.doubts.map(obligationReason)),
  );

  return {
    docType,
    caseNumber,
    issuedDate,
    court,
    caseCategory,
    subject,
    parties: parties.map(({ name, role, kind, confidence: c, evidence: e }): Party => ({ name, role, kind, confidence: c, evidence: e })),
    obligations: obligations.map(({ debtor, creditor, amountVnd, kind, periodic, confidence: c, evidence: e }) => ({ debtor, creditor, amountVnd, kind, periodic, confidence: c, evidence: e })),
    creditInstitutionInvolved,
    amountsNotOrdered: accounted.notOrdered.map(({ amountVnd, reason, evidence: e }) => ({ amountVnd, reason, evidence: e })),
    confidence,
    evidence,
    ...reviewFields(reasons),
  };
}

/**
 * One entry per party: the labelled block's role wins over the narrative's, the first label over later
 * ones, and a short form ("Út E" for "Lê Út E", an alias "Công ty Minh Khang") joins the full name.
 */
function mergeParties(found: FoundParty[], folded: string): FoundParty[] {
  const byName = new Map<string, FoundParty>();
  for (const party of found) {
    const key = foldWords(party.name);
    const existing = byName.get(key);
    if (!existing) byName.set(key, party);
    else if (party.confidence > existing.confidence) byName.set(key, { ...party, role: existing.confidence >= 0.9 ? existing.role : party.role });
  }
  const keys = [...byName.keys()];
  const isShortFormOf = (short: string, full: string): boolean => {
    if (short === full) return false;
    const a = byName.get(short);
    const b = byName.get(full);
    if (!a || !b) return false;
    if (a.kind === "person" && b.kind === "person") return full.endsWith(` ${short}`) && short.includes(" ");
    // "Ngân hàng ... (sau đây gọi tắt là Ngân hàng)", "(gọi tắt là Công ty Minh Khang)"
    if (a.kind === "organization" && b.kind === "organization") {
      const at = folded.indexOf(fold(b.name));
      if (at === -1) return false;
      const tail = foldWords(folded.slice(at + b.name.length, at + b.name.length + 80));
      return /^(?:\S+ ){0,3}?(?:sau day )?(?:goi tat|viet tat|goi)(?: la)? /.test(tail) && tail.includes(` ${short}`);
    }
    return false;
  };
  const merged: FoundParty[] = [];
  for (const key of keys) {
    const party = byName.get(key);
    if (!party) continue;
    const full = keys.find((other) => isShortFormOf(key, other));
    if (full) {
      const target = byName.get(full);
      if (target && party.confidence > target.confidence) byName.set(full, { ...target, role: party.role, confidence: party.confidence });
      continue;
    }
    merged.push(party);
  }
  return merged.map((p) => byName.get(foldWords(p.name)) ?? p);
}

/** Role words that stand for a party in the operative part ("Buộc bị đơn phải trả cho nguyên đơn ..."). */
const ROLE_WORDS: Partial<Record<FoundParty["role"], string[]>> = {
  plaintiff: ["nguyen don", "nguoi khoi kien"],
  defendant: ["bi don", "nguoi bi kien"],
  petitioner: ["nguoi yeu cau"],
  respondent: ["nguoi bi yeu cau"],
  defendant_criminal: ["bi cao"],
  victim: ["bi hai"],
};

/**
 * A person found only by the short form the narrative uses ("anh Út E") takes the full name the text gives them
 * at least twice after an honorific ("anh Lê Út E"): OCR may have spoilt the one place that named them in full.
 */
function withFullNames(found: FoundParty[], text: string): FoundParty[] {
  return found.map((party) => {
    if (party.kind !== "person" || party.name.split(" ").length > 2) return party;
    const escaped = party.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const longer = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`(?:^|[\\s,;(])(?:ông|bà|anh|chị|Ông|Bà|Anh|Chị)\\s+((?:\\p{Lu}\\p{Ll}*\\s+){1,3})${escaped}(?![\\p{L}\\d])`, "gu"))) {
      const full = `${(m[1] ?? "").trim()} ${party.name}`;
      longer.set(full, (longer.get(full) ?? 0) + 1);
    }
    const [best] = [...longer.entries()].sort((a, b) => b[1] - a[1]);
    return best && best[1] >= 2 ? { ...party, name: best[0] } : party;
  });
}

/** The folded forms that refer to a party: full name, "gọi tắt là" alias, honorific + given name(s), a role word it alone holds. */
function mentionForms(party: FoundParty, folded: string, parties: FoundParty[]): string[] {
  const full = foldWords(party.name);
  const forms = new Set([full]);
  if (parties.filter((p) => p.role === party.role).length === 1) for (const word of ROLE_WORDS[party.role] ?? []) forms.add(word);
  const tokens = full.split(" ");
  if (party.kind === "person") {
    for (const n of [1, 2]) {
      if (tokens.length <= n) continue;
      const given = tokens.slice(-n).join(" ");
      for (const h of HONORIFIC_FORMS) forms.add(`${h} ${given}`);
    }
  } else {
    // the same name with the usual abbreviations: "Công ty TNHH ...", "Ngân hàng TMCP ..."
    for (const [long, short] of ORG_ABBREVIATIONS) if (full.includes(long)) forms.add(full.replace(long, short));
    // "hoàn trả cho Ngân hàng ...": the bare kind of organisation, when only one party is of that kind
    const head = tokens.slice(0, 2).join(" ");
    if (parties.filter((p) => p.kind === "organization" && foldWords(p.name).startsWith(`${head} `)).length === 1) forms.add(head);
    // "Công ty TNHH Thương mại và Xây dựng Minh Khang (sau đây gọi tắt là Công ty Minh Khang)"
    const at = folded.indexOf(fold(party.name));
    if (at !== -1) {
      const alias = /^[^()\n]{0,20}\(\s*(?:sau day )?(?:goi tat|viet tat|goi)(?: la)?\s*:?\s*["']?([^()"'\n]{2,60}?)["']?\s*\)/.exec(folded.slice(at + party.name.length, at + party.name.length + 120));
      if (alias?.[1]) forms.add(foldWords(alias[1]));
    }
  }
  return [...forms].filter((f) => f.length > 2);
}
