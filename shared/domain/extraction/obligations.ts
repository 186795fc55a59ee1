/**
 * Monetary obligations: what the operative part (QUYẾT ĐỊNH / XỬ / TUYÊN XỬ) orders someone to pay.
 *
 * The operative part is cut into sentences; in each, every amount is tied to the verb that governs it
 * (the last one before it), which says whether it is ordered at all (a fee to bear, a debt to pay, a
 * refund) or only recited (already paid, an advance deducted, a total of parts already counted, a
 * rejected claim). The debtor is the party named before that verb, the creditor the party it is paid to.
 */
import { STATE_BUDGET, type Evidence, type Obligation, type ObligationKind, type PartyRole, type Periodicity } from "../case.ts";
import { findAmounts, type AmountMatch } from "./numbers.ts";
import type { ObligationDoubt } from "./review-reasons.ts";
import { fold, lineOf } from "./text.ts";

export interface KnownParty {
  name: string;
  role: PartyRole;
  kind: "person" | "organization";
  /** Folded forms that refer to this party in the text (full name, alias, honorific + given name). */
  mentions: string[];
}

export interface FoundObligation extends Obligation {
  evidence: Evidence;
  /** Why a reviewer should check this entry; empty when every part was read directly. */
  doubts: ObligationDoubt[];
}

/** Why an amount of the operative part is not an obligation: each amount ends in one of these, an obligation, or a doubt. */
export type NotOrderedReason =
  | "instalment" // a part of an amount ordered elsewhere ("đợt 1", "mỗi cháu")
  | "claim-rejected" // a claim the court rejects, a withdrawn or discontinued claim
  | "already-settled" // recorded as paid, confirmed, deducted, or the value of property rather than a sum to pay
  | "advance" // an advance fee paid earlier and set against the fee
  | "recited-total" // a total of parts counted already, or a total whose breakdown is counted
  | "restated" // a debt acknowledged, then ordered below ("xác nhận còn nợ X ... có nghĩa vụ trả Y")
  | "worked-figure" // a figure worked out in passing ("tức là ...")
  | "own-cost" // a cost a party bears itself, owed to nobody
  | "conditional"; // owed only if another does not pay: a guarantor's duty, a pledge to be sold ("Trường hợp ... không trả ... thì")

/** An amount of the operative part that is not an obligation, and why. */
export interface NotOrderedAmount {
  amountVnd: number;
  reason: NotOrderedReason;
  evidence: Evidence;
}

/** An amount of the operative part that could not be tied to a debtor or an order: staff must read it. */
export interface UnresolvedAmount {
  amountVnd: number;
  /** The operative part's item it stands in ("2", "Điều 2"), when numbered. */
  item: string | null;
  problem: "no-order" | "no-debtor" | "no-creditor";
  evidence: Evidence;
}

export interface ObligationsFound {
  obligations: FoundObligation[];
  notOrdered: NotOrderedAmount[];
  unresolved: UnresolvedAmount[];
}

export interface OperativePart {
  start: number;
  end: number;
}

/**
 * Where the operative part is: from the last "QUYẾT ĐỊNH" heading (or "XỬ:" / "TUYÊN XỬ:" when there is
 * none) to the signature block. Null when the document has no such heading: recited rulings and
 * proposals in the narrative are never obligations.
 */
export function findOperativePart(text: string, folded: string): OperativePart | null {
  let start = -1;
  let fallback = -1;
  const heading = /\n[ \t]*(?:vi cac le tren,?[ \t]*)?(?:(quyet dinh|qu[yi]et dinh)[ \t]*(?::|\n|$)|(tuyen xu|xu)[ \t]*:|(xu)[ \t]*\n)/g;
  // a leading newline lets the scan jump from line start to line start
  for (const m of `\n${folded}`.matchAll(heading)) {
    // "Vì các lẽ trên, QUYẾT ĐỊNH:" on one line: the heading starts after the lead-in
    const at = m.index + (/^\n[ \t]*vi cac le tren/.test(m[0]) ? m[0].search(/quyet|qu[yi]et/) - 1 : 0);
    const printed = text.slice(at, at + m[0].trim().length).trim();
    if (m[1]) {
      // the heading is printed in capitals; "Quyết định này có hiệu lực" is a sentence
      if (printed.slice(0, 10) !== printed.slice(0, 10).toLocaleUpperCase("vi")) continue;
      // a decision's title "QUYẾT ĐỊNH / CÔNG NHẬN SỰ THỎA THUẬN" is not its operative part
      const next = folded.slice(at + m[0].length - 1, at + m[0].length + 40);
      if (/^\s*\n?\s*(?:cong nhan|dinh chi|tam dinh chi|dua vu an|giai quyet|mo thu tuc)/.test(next) && !m[0].includes(":")) continue;
      start = at;
    } else if (fallback === -1 || at > fallback) {
      fallback = at;
    }
  }
  if (start === -1) start = fallback;
  if (start === -1) start = damagedHeading(text, folded);
  if (start === -1) return null;
  const tail = /\n[ \t]*(?:noi nhan|tm\.? hoi dong|tm\. toa an|kt\. chanh an|tham phan\s*$)/m.exec(folded.slice(start));
  return { start, end: tail ? start + tail.index : folded.length };
}

/**
 * The last line that reads "QUYẾT ĐỊNH" but for one letter lost or misread by OCR ("QUET DINH:"), printed in
 * capitals and standing alone: -1 when there is none.
 */
function damagedHeading(text: string, folded: string): number {
  let found = -1;
  for (const m of folded.matchAll(/^[ \t]*([a-z]{3,6} ?[a-z]{3,5})[ \t]*:?[ \t]*$/gm)) {
    const words = m[1]!;
    const printed = text.slice(m.index, m.index + m[0].length);
    if (printed !== printed.toLocaleUpperCase("vi") || editDistance(words.replace(" ", ""), "quyetdinh", 2) > 1) continue;
    found = m.index;
  }
  return found;
}

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  /** Starts a list item ("- ...", "2.1. ...") rather than continuing prose. */
  listItem: boolean;
  /** The paragraph ends with a colon: a lead-in for the list items below. */
  leadIn: boolean;
}

const LIST_START = /^[ \t]*(?:[-+*•]|\d{1,2}(?:\.\d{1,2})*\s*[.)](?!\d)|\d{1,2}\s*-(?!\d)|[a-zđ]\)|đợt|dot)\s*/i;
const RUNNING_HEADER = /^\s*(?:-\s*\d+\s*-|\d{1,3}|(?:bản án|ban an|quyết định|quyet dinh)\s+số[^\n]*\s{2,}\S.*)\s*$/i;

/** Sentences of the operative part, with broken lines joined back and page furniture dropped. */
function sentencesOf(text: string, part: OperativePart): Sentence[] {
  const sentences: Sentence[] = [];
  const lines: Array<{ start: number; text: string }> = [];
  let pos = part.start;
  for (const line of text.slice(part.start, part.end).split("\n")) {
    lines.push({ start: pos, text: line });
    pos += line.length + 1;
  }
  // paragraphs: a list marker, a blank line or a finished previous line starts a new one
  const paragraphs: Array<{ start: number; end: number; listItem: boolean }> = [];
  let current: { start: number; end: number; listItem: boolean } | null = null;
  let previous = "";
  for (const line of lines) {
    if (RUNNING_HEADER.test(line.text)) continue;
    const trimmed = line.text.trim();
    if (trimmed === "") {
      current = null;
      previous = "";
      continue;
    }
    const isList = LIST_START.test(line.text);
    // a line after "...:" that starts with a number or a lower-case word is the rest of that line ("làm việc:\n94.600.000 đồng")
    // a number broken after its separator ("210.\n000 đồng") goes on, whatever the dot suggests
    const brokenNumber = /\d[.,]\s*$/.test(previous) && /^\d{3}(?!\d)/.test(trimmed);
    const finished = !brokenNumber && (/[.!]\s*$/.test(previous) || (/[:;]\s*$/.test(previous) && !/^[\d(\p{Ll}]/u.test(trimmed)));
    // a heading is a line in capitals; "TNHH P trả ..." wrapped from the line above is not one
    const heading = /\p{Lu}{3,}/u.test(trimmed) && trimmed === trimmed.toLocaleUpperCase("vi");
    const continues = current !== null && !isList && !finished && !heading;
    if (continues && current) current.end = line.start + line.text.length;
    else {
      current = { start: line.start, end: line.start + line.text.length, listItem: isList };
      paragraphs.push(current);
    }
    previous = trimmed;
  }
  for (const [index, p] of paragraphs.entries()) {
    const body = text.slice(p.start, p.end);
    const leadIn = /:\s*$/.test(body);
    // sentence ends: ". " or "; " before a capital, a list marker or a lower-case clause after ";"
    const marker = LIST_START.exec(body)?.[0].length ?? 0;
    const cuts = [...body.matchAll(/[.;]\s+(?=[\p{Lu}+\-(])|;\s+/gu)].map((m) => m.index + 1).filter((cut) => cut > marker);
    let from = 0;
    let first = true;
    for (const cut of [...cuts, body.length]) {
      if (cut - from > 1) sentences.push({ start: p.start + from, end: p.start + cut, paragraph: index, listItem: first && p.listItem, leadIn: leadIn && cut === body.length });
      first = false;
      from = cut;
    }
  }
  return sentences;
}

type Trigger = "pay" | "fee" | "fine" | "confiscate" | "refund" | "support" | "done";

/** Verbs that govern an amount, with what they make of it. Longest phrases first within each group. */
const TRIGGERS: Array<[RegExp, Trigger]> = [
  // "xác nhận còn nợ Ngân hàng X số tiền ...": a debt acknowledged in a settlement is to be paid
  [/xac nhan (?:con )?(?:no|thieu)\b/g, "pay"],
  [/khong (?:phai )?chiu|khong phai nop|khong phai tra|duoc mien|mien (?:toan bo )?(?:tien )?an phi/g, "done"],
  [/(?:tra|thanh toan) (?:du|het|xong)\b|thi hanh (?:an )?xong|\bda (?:tu nguyen )?(?:chi tra|tra|nop|thanh toan|boi thuong|giao|chi|hoan tra|nhan du|du nop|tam ung)\b|xac nhan|tam giu|tiep tuc tam giu|thu giu|duoc tru|doi tru|khau tru|(?:con|van con) phai (?:nop|tra|thi hanh|boi thuong|thanh toan)|tri gia|tong gia tri (?:tai san|quyen su dung|nha|dat|di san)[^.;]{0,60}?\bla\b|duoc (?:quyen )?so huu|duoc huong|duoc giu|dang quan ly|khong chap nhan|bac yeu cau|dinh chi|rut yeu cau|giam cho|tu nguyen giam|khong yeu cau|\bdot \d|chia lam|tam tinh|(?<!chap nhan[^.;]{0,80})yeu cau (?:bi cao|bi don|nguyen don|toa an)(?:[^.;:]{0,30}? (?:tra|thanh toan|boi thuong|hoan tra)\b)?/g, "done"],
  [/hoan tra|hoan lai|nhan lai|tra lai (?:cho [^.;]{0,60}?)?(?:so )?tien tam ung/g, "refund"],
  [/cap duong/g, "support"],
  [/phat tien|hinh phat bo sung|phat bo sung|xu phat|\bphat (?=(?:cac )?bi cao\b)/g, "fine"],
  [/tich thu|sung (?:vao )?(?:quy|cong quy) nha nuoc|truy thu|nop lai/g, "confiscate"],
  // "phải nộp cho Bảo hiểm xã hội tỉnh B tiền bảo hiểm ...": paid to someone named, not a fee
  [/(?:phai |co nghia vu )?nop cho\b/g, "pay"],
  [/(?:phai |tu nguyen )?chiu|phai nop|\bnop\b/g, "fee"],
  [/(?:phai |co nghia vu |co trach nhiem |lien doi |tiep tuc )?(?:tra|thanh toan|boi thuong|ho tro|hoan tra|giao)\b|buoc\b/g, "pay"],
];

interface TriggerHit {
  kind: Trigger;
  start: number;
  end: number;
}

function triggersIn(folded: string, from: number, to: number): TriggerHit[] {
  const hits: TriggerHit[] = [];
  const slice = folded.slice(from, to);
  for (const [pattern, kind] of TRIGGERS) {
    for (const m of slice.matchAll(pattern)) {
      const start = from + m.index;
      const end = start + m[0].length;
      // a longer, earlier-listed phrase already covers this spot
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      // "Tiền bồi thường thiệt hại: ...", "tiền lãi chậm trả": a noun, not a verb that orders
      if (kind === "pay" && /(?:\btien|\bkhoan|\bcham)\s+$/.test(folded.slice(Math.max(0, start - 8), start))) continue;
      hits.push({ kind, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

interface Mention {
  party: KnownParty;
  start: number;
  end: number;
}

function mentionsIn(folded: string, from: number, to: number, parties: KnownParty[], approximateWithin: ReadonlyArray<{ start: number; end: number }>): Mention[] {
  const found: Mention[] = [];
  const slice = folded.slice(from, to);
  for (const party of parties) {
    for (const form of party.mentions) {
      for (let at = slice.indexOf(form); at !== -1; at = slice.indexOf(form, at + 1)) {
        const before = slice[at - 1];
        const after = slice[at + form.length];
        if ((before && /[a-z0-9]/.test(before)) || (after && /[a-z0-9]/.test(after))) continue;
        found.push({ party, start: from + at, end: from + at + form.length });
      }
    }
  }
  // damaged names matter only where they may pay or receive: in the sentences that hold amounts
  for (const range of approximateWithin) found.push(...approximateMentions(folded.slice(range.start, range.end), range.start, parties));
  // keep the longest mention where two overlap ("công ty tnhh v" over "công ty v")
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Edit distance between two short words, or Infinity past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return Infinity;
    previous = current;
  }
  return previous[b.length] ?? Infinity;
}

/**
 * Full names as OCR damages them ("Huưỷnh Thị T" for "Huỳnh Thị T"): the same number of words, all exact but one
 * longer word, which is one letter wrong (two in a long name).
 */
function approximateMentions(slice: string, from: number, parties: KnownParty[]): Mention[] {
  // word boundaries, found once; words are cut out only where a name is compared
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < slice.length; ) {
    while (i < slice.length && !isWordUnit(slice.charCodeAt(i))) i++;
    if (i >= slice.length) break;
    starts.push(i);
    while (i < slice.length && isWordUnit(slice.charCodeAt(i))) i++;
    ends.push(i);
  }
  const wordAt = (position: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = starts[middle] ?? 0;
      if (start === position) return middle;
      if (start < position) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  const found: Mention[] = [];
  for (const party of parties) {
    const name = party.mentions[0]?.split(" ") ?? [];
    if (name.length < 2) continue;
    const budget = name.join(" ").length >= 15 ? 2 : 1;
    // candidates: where every word but one of the name stands exactly (one word damaged, the usual OCR case)
    const exact = new Map<number, number>();
    for (const [k, token] of name.entries()) {
      for (let at = slice.indexOf(token); at !== -1; at = slice.indexOf(token, at + 1)) {
        const index = wordAt(at);
        if (index === -1 || (ends[index] ?? 0) - at !== token.length) continue;
        exact.set(index - k, (exact.get(index - k) ?? 0) + 1);
      }
    }
    for (const [i, hits] of exact) {
      if (hits !== name.length - 1 || i < 0 || i + name.length > starts.length) continue;
      let edits = 0;
      for (const [k, want] of name.entries()) {
        const got = slice.slice(starts[i + k], ends[i + k]);
        if (want !== got) edits += want.length >= 4 ? editDistance(want, got, budget) : Infinity;
      }
      const first = starts[i] ?? 0;
      const last = ends[i + name.length - 1] ?? 0;
      if (edits <= budget && /^[\s,]*$/.test(slice.slice(first, last).replace(/[a-z0-9]+/g, ""))) {
        found.push({ party, start: from + first, end: from + last });
      }
    }
  }
  return found;
}

/** a-z and 0-9: the units of words in folded text. */
function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Names joined as one debtor: a run of mentions separated only by commas or "và". */
/** What parts two names of one group: "và", a comma, an honorific; a note in brackets after the first ("ông C (chủ hộ kinh doanh) và bà D"). */
const JOINS_GROUP = /^(?:\s*\([^()]{0,120}\))?\s*(?:,|va|,\s*va)\s*(?:ong|ba|anh|chi|bi cao|cu)?\s*$/;

function groupEndingBefore(mentions: Mention[], position: number, folded: string): KnownParty[] {
  const before = mentions.filter((m) => m.end <= position);
  const last = before[before.length - 1];
  if (!last) return [];
  const group = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const m = before[i];
    const next = group[0];
    if (!m || !next) break;
    const gap = folded.slice(m.end, next.start);
    if (!JOINS_GROUP.test(gap)) break;
    group.unshift(m);
  }
  return unique(group.map((m) => m.party));
}

function groupStartingAfter(mentions: Mention[], position: number, folded: string, limit: number): KnownParty[] {
  const after = mentions.filter((m) => m.start >= position && m.start < limit);
  const first = after[0];
  if (!first) return [];
  const group = [first];
  for (let i = 1; i < after.length; i++) {
    const m = after[i];
    const prev = group[group.length - 1];
    if (!m || !prev) break;
    const gap = folded.slice(prev.end, m.start);
    if (!JOINS_GROUP.test(gap)) break;
    group.push(m);
  }
  return unique(group.map((m) => m.party));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

const INTEREST = /(?:tien|no|khoan) lai\b|lai (?:trong han|qua han|cham tra|phat sinh|suat|cham thanh toan)|\blai:/;

function kindOf(before: string, beforeSource: string, after: string, trigger: Trigger): ObligationKind {
  if (trigger === "fine") return "fine";
  if (trigger === "confiscate") return "confiscation";
  if (trigger === "support") return "child_support";
  const named = kindNamedIn(before, beforeSource) ?? kindNamedIn(ownWords(after), ownWords(after));
  if (named) return named;
  if (trigger === "refund") return "other";
  return "principal";
}

/** The kind a phrase names ("tiền lãi", "bồi thường", "trợ cấp thôi việc"), or null. */
/** The words after an amount that are its own: up to "và" or a comma ("... đồng tiền nợ gốc và ..."); the rest is the next amount's. */
function ownWords(after: string): string {
  return after.replace(/(?:\bva\b|,|;)[^]*$/, "");
}

function kindNamedIn(folded: string, source: string): ObligationKind | null {
  if (/cap duong/.test(folded)) return "child_support";
  if (/lãi/i.test(source) || INTEREST.test(folded)) return "interest";
  if (/boi thuong|thiet hai|ton that|khong bao truoc/.test(folded)) return "compensation";
  if (/tro cap|chenh lech|ho tro|chi phi|loi nhuan|thoi viec|gia tri tai san|cong suc|phat vi pham|tien phat|ky phan|thua ke|bao hiem (?:xa hoi|y te|that nghiep)|(?<!co )phan bao hiem|truy dong|gia tri (?:quyen su dung|nha|dat|phan)/.test(folded)) return "other";
  if (/no goc|tien goc|tien luong|tien thue|tien vay|tien hang|tien mua|tra lai/.test(folded)) return "principal";
  return null;
}

function partyKey(parties: KnownParty[]): string {
  return parties.map((p) => p.name).join(", ");
}

/** The other side of a two-sided dispute: plaintiff ↔ defendant, petitioner ↔ respondent. */
function counterpart(debtors: KnownParty[], parties: KnownParty[]): KnownParty | null {
  const roles = new Set(debtors.map((d) => d.role));
  const want: PartyRole[] = roles.has("defendant") ? ["plaintiff"] : roles.has("plaintiff") ? ["defendant"] : roles.has("respondent") ? ["petitioner"] : roles.has("petitioner") ? ["respondent"] : [];
  return parties.find((p) => want.includes(p.role) && !debtors.includes(p)) ?? null;
}

interface Context {
  debtors: KnownParty[];
  creditors: KnownParty[];
  trigger: Trigger;
  /** An advance fee forfeited to the state ("sung vào công quỹ ... tiền tạm ứng lệ phí ... đã nộp"): the fee itself. */
  forfeited?: boolean;
  /** A party paying another back ("chị H hoàn trả cho anh M ..."). */
  reimburses?: boolean;
}

/**
 * Every obligation the operative part orders, summed per debtor-creditor-kind (and periodicity).
 */
export function extractObligations(text: string, folded: string, part: OperativePart, parties: KnownParty[]): ObligationsFound {
  const raw: FoundObligation[] = [];
  const notOrdered: NotOrderedAmount[] = [];
  const unresolved: UnresolvedAmount[] = [];
  const evidenceOf = (amount: AmountMatch, sentence: Sentence): Evidence => ({
    start: amount.start,
    end: amount.end,
    line: lineOf(text, amount.start),
    text: text.slice(sentence.start, sentence.end).trim(),
  });
  const settle = (amount: AmountMatch, sentence: Sentence, reason: NotOrderedReason): void => {
    notOrdered.push({ amountVnd: amount.value, reason, evidence: evidenceOf(amount, sentence) });
  };
  // the last amount recorded as an obligation or a doubt: "tức là" may rework it
  let lastRecorded: { kind: "raw" | "doubt"; paragraph: number; index: number; count: number; amount: number } | null = null;
  const doubt = (amount: AmountMatch, sentence: Sentence, problem: UnresolvedAmount["problem"]): void => {
    lastRecorded = { kind: "doubt", paragraph: sentence.paragraph, index: unresolved.length, count: 1, amount: amount.value };
    unresolved.push({ amountVnd: amount.value, item: itemOf(text, part, amount.start), problem, evidence: evidenceOf(amount, sentence) });
  };
  const amounts = findAmounts(folded.slice(part.start, part.end)).map((a) => ({ ...a, start: a.start + part.start, end: a.end + part.start }));
  const sentences = sentencesOf(text, part);
  const allTriggers = triggersIn(folded, part.start, part.end);
  const allMentions = mentionsIn(folded, part.start, part.end, parties, sentences.filter((x) => amounts.some((a) => a.start >= x.start && a.end <= x.end)));
  const custodian = custodianIn(folded, part, allMentions);
  // debts acknowledged in a settlement ("xác nhận còn nợ"): an order below to pay the same party the same kind supersedes them
  const acknowledged = new Set<FoundObligation>();
  let leadIn = null as Context | null;
  // the kind a total broken down into the list items below names
  let partsKind = null as ObligationKind | null;
  // the kind of the last obligation the carried context ordered
  let carriedKind = null as ObligationKind | null;
  let carried: Context | null = null;
  let lastDebtors: KnownParty[] = [];
  let paragraph = -1;
  // every amount counted so far: "Tổng cộng ..." may add up parts ordered in several items above it
  const counted: number[] = [];
  let feeSection = false;
  // under "trả dần như sau:", "chia làm 02 đợt:": the items are instalments of the amount the lead-in ordered
  let instalmentsBelow = false;
  let paragraphStart = part.start;
  // the payees of the amounts counted so far in this paragraph
  let paragraphPayees: string[] = [];
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      paragraphStart = sentence.start;
      paragraphPayees = [];
      carried = null;
      carriedKind = null;
      const numbered = /^[ \t]*(?:\d|dieu \d)/.test(folded.slice(sentence.start, sentence.start + 8));
      if (!sentence.listItem || numbered) {
        leadIn = null;
        partsKind = null;
        instalmentsBelow = false;
        // "3. Về án phí dân sự sơ thẩm:" heads the items below it, numbered or not, up to the next numbered item
        const feeHeading = /^[^:]{0,80}(?:an phi|le phi)[^:]{0,60}:/.test(folded.slice(sentence.start, sentence.end));
        if (feeHeading || numbered) feeSection = feeHeading;
      }
    }
    const inSentence = amounts.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
    const body = folded.slice(sentence.start, sentence.end).replace(LIST_START, "").trimStart();
    // instalments restate parts of an amount already ordered; rejected and withdrawn claims order nothing
    const opening = folded.slice(sentence.start, sentence.end).replace(/^[\s\-+*•]+/, "");
    const instalment = /^(?:dot|lan|ky) (?:thu )?(?:\d|nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi|cuoi)\b/;
    if (instalment.test(body) || instalment.test(opening) || (instalmentsBelow && sentence.listItem)) {
      for (const amount of inSentence) settle(amount, sentence, "instalment");
      continue;
    }
    if (/^(?:ve [^:]{0,60}:\s*)?(?:khong (?:duoc )?chap nhan|bac (?:yeu cau|don)|dinh chi)/.test(body)) {
      // "Đình chỉ ... Hoàn trả tiền tạm ứng ..." in the same sentence still orders the refund
      const refund = /hoan tra|tra lai|hoan lai/.test(body);
      if (!refund) {
        for (const amount of inSentence) settle(amount, sentence, "claim-rejected");
        continue;
      }
    }
    const triggers = allTriggers.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    const mentions = allMentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    let previousEnd = sentence.start;
    for (const amount of inSentence) {
      const since = previousEnd;
      previousEnd = amount.end;
      // a verb inside brackets that close before the amount governs only what is in them:
      // "Tiền thuê còn nợ (sau khi đã đối trừ tiền đặt cọc 30.000.000 đồng): 90.000.000 đồng"
      let governing = [...triggers].reverse().find((t) => t.end <= amount.start && !enclosedBefore(folded, t, amount.start));
      // "hoàn trả ... tiền tạm ứng án phí đã nộp là X": the refund governs, "đã nộp" describes the advance
      if (governing?.kind === "done" && /^da (?:nop|du nop|tam ung)/.test(folded.slice(governing.start, governing.end))) {
        governing = triggers.find((t) => t.kind === "refund" && t.end <= amount.start) ?? governing;
      }
      // "- Khoản tiền ... chị Thảo lẽ ra được hưởng: 15.210.000 đồng" under "Buộc Công ty ... các khoản sau:"
      if (governing?.kind === "done" && leadIn && sentence.listItem && /^duoc huong/.test(folded.slice(governing.start, governing.end))) governing = undefined;
      let context: Context | null = governing ? contextFor(governing, mentions, folded, sentence, amount, parties, lastDebtors) : null;
      // "Sung vào công quỹ Nhà nước số tiền tạm ứng lệ phí do bà C và ông T đã nộp 300.000 đồng": the forfeited advance is their fee
      // "Số tiền tạm ứng án phí 10.253.000 đồng Công ty H đã nộp ... được sung vào công quỹ Nhà nước": the same, verb last
      const forfeit = triggers.find((t) => t.kind === "confiscate" && /^sung/.test(folded.slice(t.start, t.end)));
      const sentenceText = folded.slice(sentence.start, sentence.end);
      if (forfeit && /tien tam ung (?:an phi|le phi)/.test(sentenceText) && !/hoan tra|tra lai|nhan lai|doi tru|khau tru|can tru|duoc tru/.test(sentenceText) && /tam ung[^.;]{0,80}$/.test(folded.slice(sentence.start, amount.start))) {
        const paid = /\bda nop\b/.exec(sentenceText);
        const before = paid ? groupEndingBefore(mentions, sentence.start + paid.index, folded) : [];
        const payers = before.length > 0 ? before : groupStartingAfter(mentions, forfeit.end, folded, sentence.end);
        context = { debtors: payers.length > 0 ? payers : lastDebtors, creditors: [], trigger: "fee", forfeited: true };
      }
      // "Lệ phí ... là 300.000 đồng, ông T và bà T1 chịu toàn bộ": the payer and the verb follow the amount
      if (!governing || (governing.start < since && !context?.forfeited)) {
        const ahead = triggers.find((t) => t.start >= amount.end && t.kind !== "done");
        const between = ahead ? folded.slice(amount.end, ahead.start) : "";
        const nextAmount = inSentence.find((a) => a.start > amount.start);
        const payers = ahead ? groupEndingBefore(mentions.filter((m) => m.start >= amount.end), ahead.start, folded) : [];
        // "... là 300.000 đồng, anh M và chị H mỗi người phải chịu 150.000 đồng": the total of the shares that follow
        const shared = ahead && payers.length > 1 && nextAmount && /\bmoi (?:nguoi|ben)\b/.test(folded.slice(amount.end, nextAmount.start)) && nextAmount.value * payers.length === amount.value;
        if (shared) {
          settle(amount, sentence, "recited-total");
          continue;
        }
        if (ahead && payers.length > 0 && between.length < 160 && (!nextAmount || nextAmount.start > ahead.start) && /^[^.;]*(?:,|\bdo\b)\s*\S/.test(between)) {
          context = { debtors: payers, creditors: [], trigger: ahead.kind };
        }
      }
      // "Trả lại cho ông Q 2.595.000 đồng tiền tạm ứng án phí đã nộp": an advance handed back, the amount before its name
      // or, the advance named in the sentence before: "..., được trừ vào số tiền tạm ứng án phí 17.000.000đ đã nộp ... Trả lại cho ông Tuấn 15.200.000đ."
      const opensWithVerb = governing !== undefined && /^[\s\-+*\d.]*$/.test(folded.slice(sentence.start, governing.start));
      const advanceBefore = /tam ung (?:an phi|le phi)[^;]{0,60}?da nop/.test(folded.slice(paragraphStart, sentence.start));
      if (
        governing &&
        context &&
        /^tra lai|^tra\b|^hoan tra/.test(folded.slice(governing.start, governing.end).replace(/^(?:phai |co nghia vu |co trach nhiem )/, "")) &&
        (/^\s*(?:\([^)]*\)\s*)?(?:so )?tien tam ung/.test(folded.slice(amount.end, amount.end + 80)) || (opensWithVerb && advanceBefore))
      ) {
        const receivers = groupStartingAfter(mentions, governing.end, folded, amount.start);
        if (receivers.length > 0) context = { debtors: [], creditors: receivers, trigger: "refund" };
      }
      const fromCarried = context === null && carried !== null;
      context ??= carried ?? leadIn;
      // "Buộc bị cáo Ng trả lại cho bị hại: - Chị Đặng Thị Ph số tiền 100.000.000 đồng": the item names the payee
      if (context && !governing && ((sentence.listItem && context === leadIn) || context === carried)) {
        const itemStart = sentence.start + (LIST_START.exec(text.slice(sentence.start, sentence.end))?.[0].length ?? 0);
        const named = mentions.find((m) => m.start >= itemStart && m.start <= itemStart + 12 && m.end <= amount.start);
        if (named && !context.debtors.includes(named.party) && context.trigger !== "fee") context = { ...context, creditors: [named.party] };
      }
      // "... cho bà L 360.000.000 đồng và cho bà N 360 triệu đồng": a payee named since the previous amount is this one's
      if (context && since > sentence.start && (context.trigger === "pay" || context.trigger === "support")) {
        const cho = [...folded.slice(since, amount.start).matchAll(/\bcho\s+/g)].at(-1);
        // "... cho bà Hảo 7.800.000 đồng, ông Quyết 9.100.000 đồng, bà Nga 7.040.000 đồng": a list of payees, each before their amount
        const listed = cho ? undefined : mentions.find((m) => m.start >= since && /^[\s,;]*(?:va\s+)?(?:ong|ba|anh|chi|cu)?\s*$/.test(folded.slice(since, m.start)) && /^\s*(?:so tien\s*)?$/.test(folded.slice(m.end, amount.start)));
        const payee = cho ? mentions.find((m) => m.start >= since + cho.index + cho[0].length && m.start <= since + cho.index + cho[0].length + 8 && m.end <= amount.start) : listed;
        if (payee && !context.debtors.includes(payee.party)) context = { ...context, creditors: [payee.party] };
      }
      // "... trả cho Công ty X tiền thuê là A đồng và tiền lãi chậm trả là B đồng": the same payee for both
      if (context && context.creditors.length === 0 && context.trigger === "pay" && carried?.trigger === "pay" && carried.creditors.length > 0 && carried.debtors.join() === context.debtors.join()) {
        context = { ...context, creditors: carried.creditors };
      }
      // "Giao trẻ N1 cho bà T1 trực tiếp nuôi dưỡng ... ông T cấp dưỡng ...": support goes to the parent raising the child
      if (context?.trigger === "support" && context.creditors.length === 0 && custodian && !context.debtors.includes(custodian)) context = { ...context, creditors: [custodian] };
      // "Tổng cộng: 36.295.000 đồng" under the items it adds up: recited, whatever governs it
      // "... trả làm 03 đợt: đợt 1 trước ngày 30/6/2024 trả 141.270.000 đồng": an instalment of a larger amount named before
      if (/\b(?:(?:dot|lan|ky) (?:thu )?(?:\d|nhat)\b|(?:moi|hang) (?:thang|dot|ky|quy) (?:tra|thanh toan)\b)[^.;]*$/.test(folded.slice(since, amount.start)) && printedBefore(amounts, amount, (v) => v > amount.value)) {
        settle(amount, sentence, "instalment");
        continue;
      }
      // "Trường hợp Công ty X không trả hoặc trả không đầy đủ thì ông K phải trả nợ thay ... 1.500.000.000 đồng": a duty that
      // stands only if the debtor fails, counted already as the debtor's
      if (/^[^a-z]*(?:truong hop|neu)\b[^.;]{0,250}?\bkhong (?:tra|thanh toan|thuc hien|tu nguyen)\b[^.;]*?\bthi\b/.test(folded.slice(sentence.start, amount.start))) {
        settle(amount, sentence, "conditional");
        continue;
      }
      // "... toàn bộ số tiền 391.270.000 đồng nêu trên": an amount named again
      if (/^\s*(?:nay\s+)?(?:neu tren|noi tren|o tren|tren)\b/.test(folded.slice(amount.end, amount.end + 20)) && printedBefore(amounts, amount, (v) => v === amount.value)) {
        settle(amount, sentence, "restated");
        continue;
      }
      // "... là 357.000.000 đồng x 5% x 50% = 8.925.000 đồng, bà Đ và anh B tự nguyện chịu 8.925.000 đồng": the
      // operands of a calculation, and its result when the order below repeats it, are worked figures
      const operand = /^\s*[x×*]\s*\d/.test(folded.slice(amount.end, amount.end + 8));
      const result = /=\s*$/.test(folded.slice(Math.max(since, amount.start - 4), amount.start));
      if (operand || (result && repeatedInParagraph(amounts, amount, sentences, sentence))) {
        settle(amount, sentence, "worked-figure");
        continue;
      }
      // "Tổng số tiền bồi thường thiệt hại cho bị hại ... là 412.600.000 đồng, trong đó:" above the parts each payer owes
      if (!context && isBrokenDown(folded, amount, amounts.slice(amounts.indexOf(amount) + 1))) {
        settle(amount, sentence, "recited-total");
        partsKind = kindNamedIn(folded.slice(sentence.start, amount.start), text.slice(sentence.start, amount.start));
        continue;
      }
      if (!context && isRecitedTotal(folded, amount, counted)) {
        settle(amount, sentence, "recited-total");
        continue;
      }
      if (!context) {
        doubt(amount, sentence, "no-order");
        continue;
      }
      if (context.trigger === "done") {
        const recital = folded.slice(Math.max(since, sentence.start), amount.start);
        settle(amount, sentence, /khong (?:duoc )?chap nhan|bac yeu cau|dinh chi|rut yeu cau|khong yeu cau/.test(recital) ? "claim-rejected" : /tam ung/.test(recital) ? "advance" : "already-settled");
        continue;
      }
      // a negation between the previous amount and this one: "không yêu cầu anh Kh trả khoản tiền lãi"
      if (/khong yeu cau|khong (?:duoc )?chap nhan|bac yeu cau|khong buoc|dinh chi|rut (?:toan bo |mot phan )?yeu cau/.test(folded.slice(since, amount.start))) {
        settle(amount, sentence, "claim-rejected");
        continue;
      }
      carried = context;
      // "Mỗi bị cáo phải chịu 200.000 đồng án phí", no name given: each of the defendants
      if (/\b(?:moi|cac) bi cao\b/.test(folded.slice(Math.max(sentence.start, since), amount.start)) && !mentions.some((m) => m.start >= sentence.start && m.end <= amount.start)) {
        const defendants = parties.filter((p) => p.role === "defendant_criminal");
        if (defendants.length > 1) context = { ...context, debtors: defendants };
      }
      // "mỗi cháu 2.000.000 đồng": a share of an amount ordered before it, or of a total that follows
      // ("trả cho mỗi người 1.500.000 đồng" gives each payee that much: not a share)
      const isShare = /(?<!cho )\bmoi (?:chau|con|nguoi|ben|bi cao|bi don)\b[^.;]{0,20}$/.test(folded.slice(since, amount.start));
      const totalFollows = inSentence.some((a) => a.start > amount.start && /tong cong[^.;]{0,20}$/.test(folded.slice(amount.end, a.start)));
      // "... liên đới bồi thường 30.500.000 đồng, chia theo phần mỗi bị cáo 15.250.000 đồng": shares of a total counted
      const sharesOfTotal = inSentence.some((a) => a.start < amount.start && a.value === amount.value * Math.max(1, context.debtors.length) && counted.includes(a.value));
      if (isShare && (sharesOfTotal || totalFollows || (counted.length > 0 && context.debtors.length <= 1))) {
        settle(amount, sentence, "instalment");
        continue;
      }
      // "Án phí ... là 7.500.000 đồng; ... phải chịu 50% mức án phí, tức là 3.750.000 đồng": the figure worked out is
      // what is owed, and the base it came from is not; when a later sentence orders the figure again, that one counts
      if (/tuc la\s*$/.test(folded.slice(since, amount.start))) {
        const orderedLater = repeatedInParagraph(amounts, amount, sentences, sentence);
        const base = lastRecorded?.paragraph === sentence.paragraph ? lastRecorded : null;
        if (base?.kind === "doubt") {
          const [removed] = unresolved.splice(base.index, 1);
          if (removed) notOrdered.push({ amountVnd: removed.amountVnd, reason: "worked-figure", evidence: removed.evidence });
          lastRecorded = null;
        }
        if (orderedLater || (base?.kind === "raw" && base.amount <= amount.value)) {
          settle(amount, sentence, "worked-figure");
          continue;
        }
        // no base counted before it ("phải chịu 50% mức án phí, tức là 52.187.500 đồng"): the figure is the order itself
        if (base?.kind === "raw") {
        const replaced = raw.splice(base.index, base.count);
        const first = replaced[0];
        if (first) notOrdered.push({ amountVnd: base.amount, reason: "worked-figure", evidence: first.evidence });
        for (const entry of replaced) raw.push({ ...entry, amountVnd: amount.value, evidence: evidenceOf(amount, sentence) });
        lastRecorded = null;
        counted.push(amount.value);
        continue;
        }
      }
      if (isRecitedTotal(folded, amount, counted)) {
        settle(amount, sentence, "recited-total");
        continue;
      }
      if (isBrokenDown(folded, amount, amounts.slice(amounts.indexOf(amount) + 1))) {
        settle(amount, sentence, "recited-total");
        // the parts below are paid by the same debtor, and are of the kind the total names ("bồi thường bảo hiểm ... chi trả như sau:")
        if (context.debtors.length > 0) lastDebtors = context.debtors;
        partsKind = kindNamedIn(folded.slice(sentence.start, amount.start), text.slice(sentence.start, amount.start));
        continue;
      }
      const windowStart = Math.max(since, governing?.start ?? sentence.start, sentence.start);
      const before = folded.slice(windowStart, amount.start);
      // an advance paid earlier, mentioned beside the fee it is set against
      // or named just after it: "Số tiền 300.000 đồng tạm ứng lệ phí bà B đã nộp ... được chuyển thành lệ phí"
      const advanceNamed = /^\s*(?:\([^)]*\)\s*)?(?:tien )?tam ung (?:an phi|le phi)/.test(folded.slice(amount.end, amount.end + 120));
      if (context.trigger !== "refund" && !context.forfeited && (/tam ung/.test(before) || advanceNamed) && !/hoan tra|tra lai|nhan lai/.test(before)) {
        settle(amount, sentence, "advance");
        continue;
      }
      const nextAmount = inSentence.find((a) => a.start > amount.start);
      const after = folded.slice(amount.end, Math.min(amount.end + 30, nextAmount?.start ?? sentence.end, sentence.end));
      let trigger = context.trigger;
      const feeNearby = /an phi|le phi/.test(folded.slice(Math.max(since, amount.start - 120), amount.start) + after);
      // a party paying another back ("ông H có trách nhiệm hoàn trả cho bà D 150.000 đồng") stays a payment beside a fee
      if ((trigger === "fee" || trigger === "pay" || trigger === "support") && feeNearby && !context.reimburses) trigger = "fee";
      // bearing a cost of one's own ("phải chịu 6.000.000 đồng chi phí định giá") is not owed to anyone
      if (trigger === "fee" && !feeNearby && !feeSection) {
        settle(amount, sentence, "own-cost");
        continue;
      }
      // the words right after the previous amount, up to "và" or a comma, are its own ("60.000.000 đồng tiền nợ gốc và ...")
      const ownTail = since > sentence.start ? (/^[^,;]*?(?:\bva\b|,|;)/.exec(folded.slice(since, amount.start))?.[0].length ?? 0) : 0;
      const phrase = folded.slice(Math.max(since + ownTail, sentence.start), amount.start);
      // "3. Về chi phí tố tụng: ... hoàn trả cho ông Tr 6.000.000 đồng": costs paid back are "other"
      const costs = /^[^:]{0,20}ve chi phi/.test(folded.slice(paragraphStart, paragraphStart + 60));
      // "... giá trị chênh lệch ... cho bà L 360.000.000 đồng và cho bà N 360 triệu đồng": with no kind word since the
      // previous amount, the words after the governing verb name the kind of both
      const own = kindNamedIn(phrase, text.slice(Math.max(since, sentence.start), amount.start)) ?? kindNamedIn(ownWords(after), ownWords(after));
      const wideStart = Math.max(sentence.start, governing?.start ?? sentence.start);
      const kindPhrase = own || since <= wideStart ? phrase : folded.slice(wideStart, amount.start);
      const kindSource = own || since <= wideStart ? text.slice(Math.max(since, sentence.start), amount.start) : text.slice(wideStart, amount.start);
      const obligation = obligationFor(trigger, context, parties, costs ? `chi phi ${kindPhrase}` : kindPhrase, kindSource, after, amount);
      if (!obligation) {
        doubt(amount, sentence, trigger === "refund" ? "no-creditor" : "no-debtor");
        continue;
      }
      const confidence = Math.max(0.3, 0.9 - 0.2 * obligation.doubts.length - (governing ? 0 : 0.1));
      // "Ông A và bà B mỗi người phải chịu 150.000 đồng": one obligation per debtor
      const eachWord = /\bmoi (?:nguoi|ben|bi cao|bi don|duong su)\b/;
      // before the verb ("Mỗi bị cáo A, B phải chịu X ... và Y") it holds for every amount the verb governs
      const each = context.debtors.length > 1 && (eachWord.test(folded.slice(Math.max(sentence.start, since), amount.start)) || (governing !== undefined && eachWord.test(folded.slice(sentence.start, governing.start))));
      const debtors = each ? context.debtors.map((d) => d.name) : [obligation.debtor];
      // "... cho bà H 7.800.000 đồng, ông Q 9.100.000 đồng; đồng thời trả cho mỗi người 1.500.000 đồng": every payee named before
      const eachPayee = /\bcho (?:moi|tung) nguoi\b[^.;]{0,20}$/.test(folded.slice(since, amount.start)) && paragraphPayees.length > 1;
      // "Buộc ông K phải trả cho bà L và ông B mỗi người số tiền ...": one each for the payees the verb names
      const eachCreditor = context.creditors.length > 1 && governing !== undefined && eachWord.test(folded.slice(governing.end, amount.start));
      const payees = eachPayee ? [...paragraphPayees] : eachCreditor ? context.creditors.map((c) => c.name) : [obligation.creditor];
      // a party paying another back its share of a fee ("Chị H có nghĩa vụ hoàn trả cho anh M 150.000 đồng") is "other"
      if (context.reimburses && feeSection && obligation.kind === "principal") obligation.kind = "other";
      const acknowledgement = governing !== undefined && /^xac nhan/.test(folded.slice(governing.start, governing.end));
      // "... thanh toán giá trị kỷ phần cho: bà L 600.000.000 đồng; ông Q 600.000.000 đồng": the kind carries on too
      if (fromCarried && carriedKind && obligation.kind === "principal" && !kindNamedIn(kindPhrase, kindSource)) obligation.kind = carriedKind;
      if (partsKind && sentence.listItem && obligation.kind === "principal" && !kindNamedIn(kindPhrase, kindSource)) obligation.kind = partsKind;
      carriedKind = obligation.kind;
      // "cấp dưỡng nuôi con chung mỗi cháu 2.500.000 đồng/tháng" after two children are named: the month's support is for both
      if (obligation.kind === "child_support" && /\bmoi (?:chau|con)\b[^.;]{0,20}$/.test(folded.slice(since, amount.start))) {
        const window = folded.slice(Math.max(part.start, amount.start - 800), amount.start);
        const items = [...window.matchAll(/\n[ \t]*\d+(?:\.\d+)*[.)]?\s/g)];
        const itemStart = amount.start - window.length + (items[items.length - 1]?.index ?? 0);
        const children = new Set([...text.slice(Math.min(itemStart, paragraphStart), amount.start).matchAll(/\b(?:cháu|con)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+)/gu)].map((m) => m[1]));
        if (children.size > 1) obligation.amountVnd = amount.value * children.size;
      }
      lastRecorded = { kind: "raw", paragraph: sentence.paragraph, index: raw.length, count: debtors.length, amount: amount.value };
      for (const debtor of debtors) {
        for (const creditor of payees) {
          const entry = { ...obligation, debtor, creditor, confidence, evidence: evidenceOf(amount, sentence) };
          if (acknowledgement) acknowledged.add(entry);
          raw.push(entry);
        }
      }
      if (!paragraphPayees.includes(obligation.creditor)) paragraphPayees.push(obligation.creditor);
      // once per entry: each share counts towards a total printed after them ("tổng cộng hai người 517.000.000 đồng")
      for (let entry = 0; entry < debtors.length * payees.length; entry++) counted.push(amount.value);
      carried = context;
      if (context.debtors.length > 0) lastDebtors = context.debtors;
    }
    const lastTrigger = triggers[triggers.length - 1];
    const closing = lastTrigger ? contextFor(lastTrigger, mentions, folded, sentence, null, parties, lastDebtors) : null;
    // "Buộc Công ty X phải trả cho chị Y các khoản sau:" governs the list items that follow
    // "4. Về thanh toán chênh lệch:" names the kind of the items below it
    if (sentence.leadIn && inSentence.length === 0) partsKind = kindNamedIn(folded.slice(sentence.start, sentence.end), text.slice(sentence.start, sentence.end)) ?? partsKind;
    if (sentence.leadIn && closing && closing.trigger !== "done") {
      leadIn = closing;
      instalmentsBelow =
        (inSentence.length > 0 || /so tien (?:tren|noi tren|neu tren)|toan bo so (?:tien|no)/.test(body)) &&
        /tra dan|chia (?:lam|thanh)|(?:lam|thanh) \d+ (?:dot|lan|ky)|phuong thuc tra|lo trinh/.test(body);
    }
    if (inSentence.length === 0 && closing && closing.trigger !== "done") carried = closing;
  }
  // an amount no sentence holds whole (a page break inside it, a line the reader could not place) is still named
  for (const amount of amounts) {
    const accounted = (a: { evidence: Evidence }) => a.evidence.start === amount.start;
    if (raw.some(accounted) || notOrdered.some(accounted) || unresolved.some(accounted)) continue;
    if (sentences.some((x) => amount.start >= x.start && amount.end <= x.end)) continue;
    unresolved.push({ amountVnd: amount.value, item: itemOf(text, part, amount.start), problem: "no-order", evidence: { start: amount.start, end: amount.end, line: lineOf(text, amount.start), text: text.slice(amount.start, amount.end) } });
  }
  const superseded = [...acknowledged].filter((a) => raw.some((o) => !acknowledged.has(o) && o.debtor === a.debtor && o.creditor === a.creditor && o.kind === a.kind));
  for (const entry of superseded) notOrdered.push({ amountVnd: entry.amountVnd, reason: "restated", evidence: entry.evidence });
  return { obligations: sumByParties(raw.filter((o) => !superseded.includes(o))), notOrdered, unresolved };
}

/** Whether a trigger sits inside brackets that close before `position`. */
function enclosedBefore(folded: string, trigger: TriggerHit, position: number): boolean {
  const close = folded.indexOf(")", trigger.end);
  if (close === -1 || close >= position) return false;
  const open = folded.lastIndexOf("(", trigger.start);
  return open !== -1 && folded.lastIndexOf(")", trigger.start) < open;
}

/** Whether an amount printed before this one in the operative part has a value that passes `test`. */
function printedBefore(amounts: AmountMatch[], amount: AmountMatch, test: (value: number) => boolean): boolean {
  return amounts.some((a) => a.end <= amount.start && test(a.value));
}

/** Whether the same value is printed again later in this amount's paragraph (a figure then ordered). */
function repeatedInParagraph(amounts: AmountMatch[], amount: AmountMatch, sentences: Sentence[], sentence: Sentence): boolean {
  const end = paragraphEnd(sentences, sentence);
  return amounts.some((a) => a.start > amount.end && a.value === amount.value && a.start < end);
}

/** Where the paragraph of a sentence ends. */
function paragraphEnd(sentences: Sentence[], sentence: Sentence): number {
  return sentences.filter((x) => x.paragraph === sentence.paragraph).at(-1)?.end ?? sentence.end;
}

/** The party a child is given to ("giao con chung ... cho chị X trực tiếp nuôi"), if the operative part names one. */
function custodianIn(folded: string, part: OperativePart, mentions: Mention[]): KnownParty | null {
  for (const m of folded.slice(part.start, part.end).matchAll(/\bgiao\b[^.;]{0,120}?\bcho\s+/g)) {
    const at = part.start + m.index + m[0].length;
    const mention = mentions.find((x) => x.start >= at && x.start <= at + 12);
    if (mention && /^[^.;]{0,40}(?:nuoi|cham soc)/.test(folded.slice(mention.end, mention.end + 60))) return mention.party;
  }
  return null;
}

/** The number of the operative part's item an offset stands in: "2" for "2. Về án phí: ...", "Điều 2". */
function itemOf(text: string, part: OperativePart, offset: number): string | null {
  // the lines of the source: `folded` here runs lines together
  const before = fold(text.slice(part.start, offset));
  let found: string | null = null;
  for (const m of before.matchAll(/\n[ \t]*(?:(dieu\s+\d{1,2})|(\d{1,2}(?:\.\d{1,2})*)\s*[.)/](?!\d)|([ivx]{1,4})\.)/g)) {
    const start = part.start + m.index + m[0].length - m[0].trimStart().length;
    found = m[1] ? text.slice(start, start + m[1].length).replace(/\s+/, " ") : (m[2] ?? m[3]?.toUpperCase() ?? null);
  }
  return found;
}

function obligationFor(
  trigger: Trigger,
  context: Context,
  parties: KnownParty[],
  before: string,
  beforeSource: string,
  after: string,
  amount: AmountMatch,
): Omit<FoundObligation, "confidence" | "evidence"> | null {
  const doubts: ObligationDoubt[] = [];
  let debtor: string;
  let creditor: string;
  let kind: ObligationKind;
  if (trigger === "refund") {
    const receiver = context.creditors.length > 0 ? context.creditors : context.debtors;
    if (receiver.length === 0) return null;
    debtor = STATE_BUDGET;
    creditor = partyKey(receiver);
    kind = "other";
  } else if (trigger === "fee" || trigger === "fine" || trigger === "confiscate") {
    if (context.debtors.length === 0) return null;
    debtor = partyKey(context.debtors);
    creditor = STATE_BUDGET;
    kind = trigger === "fee" ? "court_fee" : trigger === "fine" ? "fine" : "confiscation";
  } else {
    if (context.debtors.length === 0) return null;
    debtor = partyKey(context.debtors);
    let creditors = context.creditors;
    if (creditors.length === 0) {
      const other = counterpart(context.debtors, parties);
      if (!other) return null;
      creditors = [other];
      doubts.push({ kind: "creditor-inferred", amountVnd: amount.value });
    }
    creditor = partyKey(creditors);
    kind = kindOf(before, beforeSource, after, trigger);
  }
  let periodic: Periodicity = amount.periodic;
  if (kind === "child_support") periodic = periodic ?? "month";
  if (amount.spelledValue !== null && amount.spelledValue !== amount.value) doubts.push({ kind: "words-disagree", amountVnd: amount.value, spelled: amount.spelledValue });
  return { debtor, creditor, amountVnd: amount.value, kind, periodic, doubts };
}

function contextFor(
  governing: TriggerHit,
  mentions: Mention[],
  folded: string,
  sentence: Sentence,
  amount: AmountMatch | null,
  parties: KnownParty[],
  lastDebtors: KnownParty[],
): Context {
  const limit = amount ? amount.start : sentence.end;
  let debtors: KnownParty[] = [];
  let creditors: KnownParty[] = [];
  const trigger = governing.kind;
  // "Buộc X phải trả cho Y": X sits between "buộc" and the verb; otherwise the subject precedes the verb.
  // A name right after "cho" receives from an earlier verb and cannot be the payer.
  const payers = mentions.filter((m) => !/\bcho\s+(?:(?:ong|ba|anh|chi|cu)\s+)?$/.test(folded.slice(Math.max(0, m.start - 12), m.start)));
  debtors = groupEndingBefore(payers, governing.start, folded);
  if (trigger === "fine" || (debtors.length === 0 && trigger !== "refund")) {
    // "... liên đới bồi thường cho anh S số tiền ...": a name after "cho" receives, it does not pay
    const after = groupStartingAfter(payers, governing.end, folded, limit);
    if (trigger === "fine" || trigger === "confiscate") debtors = debtors.length ? debtors : after;
    else if (debtors.length === 0) debtors = after;
  }
  if (debtors.length === 0 && (trigger === "confiscate" || trigger === "fine") && amount) {
    // "Tịch thu ... số tiền 3.000.000 đồng thu giữ của bị cáo Siu Th"
    const of = folded.slice(amount.end, sentence.end).search(/\bcua\b/);
    if (of !== -1) debtors = groupStartingAfter(mentions, amount.end + of + 3, folded, sentence.end);
  }
  if (debtors.length === 0 && trigger !== "refund") {
    const soleDefendant = parties.filter((p) => p.role === "defendant_criminal");
    // someone is named here who is not a known party: better no debtor than the previous sentence's
    const namesStranger = /(?:\bbi cao|\bong|\bba|\banh|\bchi|cong ty)\s+[a-z]/.test(folded.slice(sentence.start, governing.start));
    if (/bi cao\s*$|bi cao (?:phai|co)/.test(folded.slice(sentence.start, governing.end)) && soleDefendant.length === 1) debtors = soleDefendant;
    else if (lastDebtors.length > 0 && !namesStranger) debtors = lastDebtors;
  }
  // "Ông Ch phải hoàn trả cho bà H chi phí giám định": a party paying back a party, not the state refunding
  // (an advance fee handed back, or a subject that belongs to an earlier clause, keeps it a refund)
  const subject = payers.filter((m) => m.end <= governing.start).at(-1);
  const refundsFromParty =
    trigger === "refund" &&
    subject !== undefined &&
    !/\bdong\b|\bd\b/.test(folded.slice(subject.end, governing.start)) &&
    !/tam ung/.test(folded.slice(governing.start, amount ? amount.end + 40 : sentence.end)) &&
    /hoan tra|tra lai/.test(folded.slice(governing.start, governing.end));
  if (refundsFromParty) {
    debtors = groupEndingBefore(payers, governing.start, folded);
    const cho = folded.slice(governing.end, limit).search(/\bcho\b/);
    creditors = groupStartingAfter(mentions, cho === -1 ? governing.end : governing.end + cho + 3, folded, limit).filter((p) => !debtors.includes(p));
    return { debtors, creditors, trigger: "pay", reimburses: true };
  }
  if (trigger === "refund") {
    // the receiver may sit inside the matched phrase: "trả lại cho bà Ph số tiền tạm ứng"
    const receiver = groupStartingAfter(mentions, governing.start, folded, limit + 1);
    creditors = receiver.length ? receiver : groupEndingBefore(mentions, governing.start, folded);
  } else {
    const cho = folded.slice(governing.end, limit).search(/\bcho\b/);
    const from = cho === -1 ? governing.end : governing.end + cho + 3;
    creditors = groupStartingAfter(mentions, from, folded, limit).filter((p) => !debtors.includes(p));
    if (creditors.length === 0 && amount) {
      // "... trả 200.000.000 đồng cho ông Q": the creditor may follow the amount
      const tail = folded.slice(amount.end, sentence.end);
      const afterCho = tail.search(/\bcho\b/);
      if (afterCho !== -1) creditors = groupStartingAfter(mentions, amount.end + afterCho + 3, folded, sentence.end).filter((p) => !debtors.includes(p));
    }
  }
  return { debtors, creditors, trigger };
}

/** "tổng cộng 96.600.000 đồng" after the parts it adds up, which were counted already. */
function isRecitedTotal(folded: string, amount: AmountMatch, counted: number[]): boolean {
  const before = folded.slice(Math.max(0, amount.start - 60), amount.start);
  if (!/tong (?:cong|so tien|so|gia tri)|\btong\b/.test(before)) return false;
  let sum = 0;
  for (let i = counted.length - 1; i >= 0; i--) {
    sum += counted[i] ?? 0;
    if (sum === amount.value && i < counted.length - 1) return true;
  }
  return false;
}

/** A total followed by its breakdown ("... 189.934.000 đồng, trong đó tiền nợ gốc là ..."): the parts count, not the total. */
function isBrokenDown(folded: string, amount: AmountMatch, following: AmountMatch[]): boolean {
  const next = following[0];
  const between = next ? folded.slice(amount.end, next.start) : "";
  // "... với số tiền 738.000.000đ, chi trả như sau: - Trả cho Ngân hàng ...; - Trả cho ông T ...": paid out in parts (not by instalments)
  const paidOut = /^[^\n]{0,80}?nhu sau\s*:/.test(between) && !/chia|\bdot\b|\blan\b|\bky\b|tra dan|lo trinh/.test(between);
  if (!next || !(/^.{0,80}?(?:trong do|bao gom|\bgom\b|cu the)/.test(between) || paidOut)) return false;
  // the parts may come with figures between them ("được trừ 60.000.000 đồng đã tạm ứng"): some of the next few add up to it
  const parts = following.filter((part) => part.start - amount.end <= 800 && part.value < amount.value).slice(0, 12);
  const addsUp = (from: number, left: number): boolean => left === 0 || parts.slice(from).some((part, k) => part.value <= left && addsUp(from + k + 1, left - part.value));
  return parts.length > 1 && addsUp(0, amount.value);
}

function sumByParties(items: FoundObligation[]): FoundObligation[] {
  const merged = new Map<string, FoundObligation>();
  for (const item of items) {
    const key = `${item.debtor}\u0000${item.creditor}\u0000${item.kind}\u0000${item.periodic}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...item, doubts: [...item.doubts] });
    else {
      existing.amountVnd += item.amountVnd;
      existing.confidence = Math.min(existing.confidence, item.confidence);
      existing.doubts.push(...item.doubts);
    }
  }
  return [...merged.values()];
}
