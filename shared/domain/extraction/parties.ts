/**
 * Parties: who the document is between, with their procedural role.
 *
 * Two sources, in order of trust: labelled blocks ("1. Nguyên đơn: Bà Vũ Thị Th, sinh năm 1968.")
 * wherever they stand, and, for uploads that lost their first page, role words in the narrative
 * ("nguyên đơn chị Nguyễn Thị C trình bày", "Công ty J khởi kiện").
 */
import type { Evidence, PartyKind, PartyRole } from "../case.ts";
import { fold, lineOf } from "./text.ts";

export interface FoundParty {
  name: string;
  role: PartyRole;
  kind: PartyKind;
  confidence: number;
  evidence: Evidence;
}

/** Role labels (folded), longest first so "nguyen don dan su" wins over "nguyen don". */
const ROLE_LABELS: Array<[RegExp, PartyRole]> = [
  [/^nguoi co quyen loi,? (?:va )?nghia vu lien quan/, "related"],
  [/^nguoi co qlnvlq/, "related"],
  [/^nguoi bi yeu cau/, "respondent"],
  [/^nguoi yeu cau(?: giai quyet viec dan su)?/, "petitioner"],
  [/^nguoi khoi kien/, "plaintiff"],
  [/^nguoi bi kien/, "defendant"],
  [/^nguyen don dan su/, "victim"],
  [/^bi don dan su/, "related"],
  [/^nguyen don/, "plaintiff"],
  [/^bi don/, "defendant"],
  [/^bi cao/, "defendant_criminal"],
  [/^bi hai/, "victim"],
];

/** Lines that describe a party's helpers or details, never a party. */
const NOT_A_PARTY_LINE =
  /^(?:nguoi dai dien|dai dien|nguoi bao ve|luat su|tro giup vien|nguoi lam chung|nguoi chung kien|nguoi phien dich|nguoi giam ho|nguoi khang cao|nguoi tham gia|dia chi|cung dia chi|tru so|noi cu tru|noi thuong tru|cho o|tam tru|nghe nghiep|co mat|vang mat|theo giay|giay uy quyen)/;

const HONORIFICS = /^(?:ong|ba|anh|chi|chau|em|cu|co|bi cao|nguyen don|bi don)\s+/;

const ORG_START =
  /^(?:ngan hang|cong ty|tong cong ty|tap doan|hop tac xa|quy tin dung|to chuc tin dung|uy ban nhan dan|ubnd|trung tam|chi nhanh|doanh nghiep|truong|benh vien|so |cuc |phong |ban quan ly|hoi |co so|van phong|ho kinh doanh|cua hang|nha may|xi nghiep|quy )/;

const LIST_MARKER = /^\s*(?:[-+*•]+\s*|\d+(?:\.\d+)*\s*[.)/-]?\s+|\d+(?:\.\d+)+\s*|[a-zđ]\)\s*|\*\s*)/i;

const PERSON_NAME = /^\p{Lu}[\p{L}\p{M}]*\d*(?:\s+\p{Lu}[\p{L}\p{M}]*\d*){1,5}/u;

function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, "");
}

export interface NameAt {
  name: string;
  kind: PartyKind;
  start: number;
  end: number;
}

/**
 * Reads the names at the start of a party description: "Ông Đặng Văn Kh, sinh năm 1975 và bà Hà Thị L, ..."
 * → two names. Honorifics and birth years are dropped; organisations keep their full name.
 */
export function readNames(text: string, offset: number): NameAt[] {
  const names: NameAt[] = [];
  let rest = text;
  let at = offset;
  for (let guard = 0; guard < 8 && rest.length > 0; guard++) {
    const lead = /^[\s,;:.]*/.exec(rest)?.[0].length ?? 0;
    rest = rest.slice(lead);
    at += lead;
    let folded = fold(rest);
    const honorific = HONORIFICS.exec(folded);
    if (honorific) {
      rest = rest.slice(honorific[0].length);
      at += honorific[0].length;
      folded = folded.slice(honorific[0].length);
    }
    let found: NameAt | null = null;
    if (ORG_START.test(folded)) {
      const end = organisationEnd(rest);
      const name = rest.slice(0, end).trim().replace(/[.,;:]+$/, "");
      if (name.length > 3) found = { name, kind: "organization", start: at, end: at + name.length };
    } else {
      const person = PERSON_NAME.exec(rest);
      if (person) {
        const name = trimPersonName(person[0]);
        if (name) found = { name, kind: "person", start: at, end: at + name.length };
      }
    }
    if (!found) break;
    names.push(found);
    // another name joined by "và" / "," with its own honorific: "Ông A, sinh năm 1975 và bà B"
    const after = rest.slice(found.end - at);
    const next = /^(?:[^.;\n]*?)(?:,\s*|\s+)(?:va|cung)\s+(?=(?:ong|ba|anh|chi|chau|cu|cong ty|ngan hang)\s)/.exec(fold(after));
    const nextList = /^\s*,\s+(?=(?:ong|ba|anh|chi|chau|cu)\s+\S)/.exec(fold(after));
    const step = next ?? nextList;
    if (!step) break;
    const skip = found.end - at + step[0].length;
    rest = rest.slice(skip);
    at += skip;
  }
  return names;
}

/** Where an organisation's name ends: at an address, a bracket, a clause mark, a verb or the end of the line. */
function organisationEnd(text: string): number {
  const stop =
    /\s*(?:\(|;|\n|\.\s|\.$|,\s*(?:địa chỉ|dia chi|trụ sở|tru so|có mặt|co mat|vắng mặt|vang mat|do |người|nguoi|là|la )|\s-\s*(?:địa chỉ|dia chi|trụ sở|tru so)|\s+(?:và|va|có|co|đã|da|là|la|với|voi|trình bày|trinh bay|khởi kiện|khoi kien|yêu cầu|yeu cau|ký|ky|không|khong|cho|được|duoc|phải|phai|tại|tai|về|ve|theo|đối với|doi voi|hỗ trợ|ho tro|chịu|chiu|nộp|nop|trả|tra|thanh toán|thanh toan|có trách nhiệm)(?=\s))/gu;
  for (const m of text.matchAll(stop)) {
    // "Thương mại và Xây dựng": a capitalised word after "và" continues the name
    if (/^\s+(?:và|va)$/u.test(m[0]) && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    return m.index;
  }
  return Math.min(text.length, 160);
}

const NAME_STOP_WORDS = new Set(["sinh", "sn", "trình", "trinh", "có", "co", "là", "la", "và", "va", "đã", "da", "địa", "dia", "cư", "nơi", "noi", "xin"]);

/** Cuts a capitalised run down to the name: stops at words that start a description. */
function trimPersonName(run: string): string | null {
  const tokens = run.split(/\s+/);
  const kept: string[] = [];
  for (const token of tokens) {
    if (NAME_STOP_WORDS.has(token.toLowerCase())) break;
    kept.push(token);
  }
  if (kept.length < 2) return null;
  // all-capital words are headings, not anonymised names ("NỘI DUNG VỤ ÁN")
  if (kept.filter((t) => t.length > 1 && t === t.toUpperCase() && !/\d/.test(t)).length >= 3) return null;
  return kept.join(" ");
}

function roleOfLabel(folded: string): { role: PartyRole; length: number } | null {
  for (const [pattern, role] of ROLE_LABELS) {
    const m = pattern.exec(folded);
    if (m) return { role, length: m[0].length };
  }
  return null;
}

function evidenceOf(text: string, start: number, end: number): Evidence {
  return { start, end, line: lineOf(text, start), text: text.slice(start, end) };
}

/**
 * Parties from labelled blocks. A label with names on its line gives those names; a label ending the
 * line ("2. Bị đơn:") takes the names of the list items below it, skipping address and representative lines.
 */
export function partiesFromLabels(text: string): FoundParty[] {
  const found: FoundParty[] = [];
  const lines = text.split("\n");
  const offsets: number[] = [];
  let pos = 0;
  for (const line of lines) {
    offsets.push(pos);
    pos += line.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const body = stripListMarker(line);
    const bodyOffset = (offsets[i] ?? 0) + (line.length - body.length);
    const folded = fold(body);
    let label = roleOfLabel(folded);
    let contentStart = -1;
    if (label) {
      const after = folded.slice(label.length);
      const colon = /^\s*(?:\([^)]*\))?\s*:/.exec(after);
      // "Nguyên đơn ông X trình bày" is narrative, handled elsewhere; a label needs its colon
      if (!colon) label = null;
      else contentStart = label.length + colon[0].length;
    } else {
      // criminal layout: "... đối với bị cáo:" closing a sentence, the name on the next line
      const trailing = /(?:doi voi|xet xu)\s+(?:cac\s+)?(bi cao)\s*:\s*$/.exec(folded);
      if (trailing) {
        label = { role: "defendant_criminal", length: folded.length };
        contentStart = folded.length;
      }
    }
    if (!label) continue;
    const inline = body.slice(contentStart);
    const names: NameAt[] = [];
    if (inline.trim().length > 0) {
      names.push(...readNames(inline, bodyOffset + contentStart));
    } else {
      for (let j = i + 1; j < lines.length && j < i + 40; j++) {
        const next = lines[j] ?? "";
        if (next.trim() === "") {
          if (names.length > 0) break;
          continue;
        }
        const nextBody = stripListMarker(next);
        const nextFolded = fold(nextBody);
        if (roleOfLabel(nextFolded) && /^[^:]{0,60}:/.test(nextFolded)) break;
        if (/^(?:noi dung|nhan dinh|nhan thay|xet thay|quyet dinh|xu\b|tuyen xu)/.test(nextFolded) && nextBody === nextBody.toUpperCase()) break;
        if (NOT_A_PARTY_LINE.test(nextFolded)) continue;
        const isItem = next.length !== nextBody.length || label.role === "defendant_criminal";
        if (!isItem) {
          if (names.length > 0) break;
          continue;
        }
        const nextOffset = (offsets[j] ?? 0) + (next.length - nextBody.length);
        const got = readNames(nextBody, nextOffset);
        if (got.length === 0) break;
        names.push(...got);
        if (label.role === "defendant_criminal" && next.length === nextBody.length) break;
      }
    }
    for (const n of names) {
      found.push({ name: n.name, role: label.role, kind: n.kind, confidence: 0.9, evidence: evidenceOf(text, n.start, n.end) });
    }
  }
  return found;
}

const NARRATIVE_ROLES: Array<[string, PartyRole]> = [
  ["nguoi co quyen loi, nghia vu lien quan", "related"],
  ["nguoi co quyen loi nghia vu lien quan", "related"],
  ["nguoi khoi kien", "plaintiff"],
  ["nguoi bi kien", "defendant"],
  ["nguyen don", "plaintiff"],
  ["bi don", "defendant"],
  ["bi cao", "defendant_criminal"],
  ["bi hai", "victim"],
  ["nguoi yeu cau", "petitioner"],
];

/**
 * Parties named beside a role word in running text: "nguyên đơn chị Nguyễn Thị C trình bày",
 * "bị đơn và những người có quyền lợi, nghĩa vụ liên quan (bà A, ông B và bà C)".
 */
export function partiesFromNarrative(text: string, folded: string): FoundParty[] {
  const found: FoundParty[] = [];
  for (const [word, role] of NARRATIVE_ROLES) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      if (at > 0 && /[a-z]/.test(folded[at - 1] ?? "")) continue;
      let start = at + word.length;
      // "nguyên đơn là ...", "(bà A, ông B)"
      const gap = /^\s*(?:la\s+|\(\s*)?/.exec(folded.slice(start))?.[0].length ?? 0;
      start += gap;
      const window = text.slice(start, start + 200);
      const foldedWindow = folded.slice(start, start + 200);
      // a role word followed by a plain name needs an honorific or an organisation word in front
      if (!HONORIFICS.test(foldedWindow) && !ORG_START.test(foldedWindow)) continue;
      for (const n of readNames(window, start)) {
        found.push({ name: n.name, role, kind: n.kind, confidence: 0.6, evidence: evidenceOf(text, n.start, n.end) });
      }
    }
  }
  // "Công ty J khởi kiện", "yêu cầu khởi kiện của Ngân hàng ..."
  for (const m of folded.matchAll(/(?:khoi kien cua|don khoi kien cua)\s+(?=(?:ngan hang|cong ty|tong cong ty|quy tin dung|hop tac xa)\s)/g)) {
    const start = m.index + m[0].length;
    for (const n of readNames(text.slice(start, start + 200), start).slice(0, 1)) {
      found.push({ name: n.name, role: "plaintiff", kind: n.kind, confidence: 0.5, evidence: evidenceOf(text, n.start, n.end) });
    }
  }
  for (const m of folded.matchAll(/(?:^|[.:;]\s+|\bnay,?\s+)((?:ngan hang|cong ty|tong cong ty|quy tin dung|hop tac xa)\s[^.;\n]{0,120}?)\s+khoi kien\b/g)) {
    const start = m.index + m[0].indexOf(m[1] ?? "");
    for (const n of readNames(text.slice(start, start + 200), start).slice(0, 1)) {
      found.push({ name: n.name, role: "plaintiff", kind: n.kind, confidence: 0.5, evidence: evidenceOf(text, n.start, n.end) });
    }
  }
  return found;
}
