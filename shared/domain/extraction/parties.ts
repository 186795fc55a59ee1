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
  // OCR's "8† đơn", "Bj đơn": a damaged "Bị" before "đơn" and a colon (nguyên đơn keeps its long first word)
  [/^(?!(?:co|va|la|cu|do|ca|su|nguyen)\s)[^\s:]{1,3}\s+don(?=\s*:)/, "defendant"],
  [/^bi cao/, "defendant_criminal"],
  [/^bi hai/, "victim"],
];

/** Lines that describe a party's helpers or details, never a party. */
const NOT_A_PARTY_LINE =
  /^(?:nguoi dai dien|dai dien|nguoi bao ve|nguoi bao chua|luat su|tro giup vien|nguoi lam chung|nguoi chung kien|nguoi phien dich|nguoi giam ho|nguoi khang cao|nguoi tham gia|dia chi|cung dia chi|tru so|noi cu tru|noi thuong tru|cho o|tam tru|nghe nghiep|co mat|vang mat|theo giay|giay uy quyen)/;

/** Non-contentious matters (việc dân sự), whose people are petitioners: "đơn yêu cầu", "việc dân sự". */
const REQUEST_MATTER = /viec dan su|don yeu cau|nguoi yeu cau|thuan tinh ly hon/;

const HONORIFICS = /^(?:ong|ba|anh|chi|chau|em|cu|co|bi cao|nguyen don|bi don)\s+/;

const ORG_START =
  /^(?:chu tich (?:uy ban nhan dan|ubnd)|giam doc|cuc truong|chanh thanh tra|truong phong|bao hiem xa hoi|kho bac|chi cuc|ngan hang|cong ty|tong cong ty|tap doan|hop tac xa|quy tin dung|to chuc tin dung|uy ban nhan dan|ubnd|trung tam|chi nhanh|doanh nghiep|ban quan ly|van phong|ho kinh doanh|nha may|xi nghiep|benh vien|truong (?:dai hoc|cao dang|trung hoc|tieu hoc|mam non|thpt|thcs|pho thong)|so (?:tu phap|tai chinh|lao dong|giao duc|y te|xay dung|tai nguyen|ke hoach|giao thong|cong thuong|nong nghiep|van hoa|noi vu)|phong (?:giao dich|tai nguyen|cong chung|kinh te|quan ly)|cuc (?:thi hanh an|thue|hai quan|quan ly)|quy (?:dau tu|ho tro|phat trien|bao lanh))\s/;

/** Lower-case words that belong inside organisation names ("Ngân hàng thương mại cổ phần ..."). */
const ORG_NAME_WORDS = new Set(
  "ủy ban quản lý dự án thương mại cổ phần trách nhiệm hữu hạn một hai thành viên đầu tư phát triển xây dựng sản xuất dịch vụ nông nghiệp nông thôn chi nhánh phòng giao dịch tín dụng chính sách xã hội ngoại thương công thương kỹ thuật quỹ đất nhân dân huyện tỉnh thành phố quận thị xã xuất nhập khẩu tài chính bảo hiểm vận tải du lịch may mặc và tập đoàn tổng công ty việt nam khu vực công nghiệp hợp tác môi trường đô thị nhà ở bất động sản kinh doanh điện lực viễn thông thực phẩm đồ uống giày da cơ khí điện tử chế biến nông sản thủy sản vật liệu thiết bị thương binh lao động giải khát bao bì in ấn giáo dục y tế dược phẩm vận chuyển logistics công nghệ thông tin phần mềm chủ tịch"
    .split(" ")
    .flatMap((w) => [w, fold(w)]),
);

const LIST_MARKER = /^\s*(?:(?:và|va)\s+|[-+*•]+\s*|\d{1,2}(?:\.\d{1,2})*\s*[.)/-]?(?![\d.])\s+|\d{1,2}(?:\.\d{1,2})+\.?\s*|[a-zđ]\)\s*|\*\s*)/i;

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
  const foldedText = fold(text);
  let pos = 0;
  for (let guard = 0; guard < 8 && pos < text.length; guard++) {
    pos += /^[\s,;:.]*/.exec(text.slice(pos, pos + 20))?.[0].length ?? 0;
    const honorific = HONORIFICS.exec(foldedText.slice(pos, pos + 20));
    if (honorific) pos += honorific[0].length;
    const rest = text.slice(pos);
    let found: NameAt | null = null;
    const opening = ORG_START.exec(foldedText.slice(pos, pos + 60));
    if (opening && /^[\p{Lu}"“]/u.test(rest)) {
      const printed = rest.slice(0, organisationEnd(rest)).trim().replace(/[.,;:]+$/, "");
      // "Công ty" alone is a reference back, not a name; a name wrapped onto the next line is one line
      if (printed.length > opening[0].trim().length + 1) found = { name: printed.replace(/\s+/g, " "), kind: "organization", start: offset + pos, end: offset + pos + printed.length };
    } else {
      const person = PERSON_NAME.exec(rest);
      const name = person ? trimPersonName(person[0], honorific !== null) : null;
      if (name) found = { name, kind: "person", start: offset + pos, end: offset + pos + name.length };
    }
    if (!found) break;
    names.push(found);
    // another name joined by "và" / "," with its own honorific: "Ông A, sinh năm 1975 và bà B"
    const after = foldedText.slice(found.end - offset, found.end - offset + 60);
    const step =
      /^(?:\s*,?\s*sinh (?:nam|ngay)[\d\s\/.-]*)?(?:,\s*|\s+)(?:va|cung)\s+(?=(?:ong|ba|anh|chi|chau|cu|cong ty|ngan hang)\s)/.exec(after) ??
      /^(?:\s*,?\s*sinh (?:nam|ngay)[\d\s\/.-]*)?\s*[,;]\s+(?=(?:ong|ba|anh|chi|chau|cu)\s+\S)/.exec(after);
    if (!step) break;
    pos = found.end - offset + step[0].length;
  }
  return names;
}

/** Words of organisation names whose second half is also a verb or preposition ("Công trình", "Cho thuê"). */
const ORG_COMPOUNDS = new Set(["cong trinh", "giao thong", "giao dich", "cho thue", "mua ban", "ban le", "de an"]);

/** Lower-case words after which a name never goes on: verbs, prepositions, honorifics. */
const BRIDGE_STOPS = /^(?:do|ông|ong|bà|ba|anh|chị|chi|của|cua|cho|với|voi|là|la|có|co|tại|tai|theo|khởi|khoi|yêu|yeu|trả|tra|nộp|nop|đã|da|được|duoc|phải|phai|về|ve|gồm|gom|trình|trinh|ký|ky|vay|mua|bán|ban|thuê|thue|giao|nhận|nhan|đề|de)$/u;

/**
 * Where an organisation's name ends. After its opening word ("Công ty", "Ngân hàng") a name runs over
 * capitalised words, codes and the lower-case words organisation names are made of; it stops at a
 * bracket, a clause mark, or the first other lower-case word ("... Bình Đại cấp thẻ tín dụng").
 */
function organisationEnd(text: string): number {
  // a name may wrap onto the next line ("Phòng giao dịch / Bình Đại"): single line breaks are spaces here
  const hard = /[(;)]|\.\s|\.$|\n\s*\n|,\s*(?:địa chỉ|dia chi|trụ sở|tru so|có mặt|co mat|vắng mặt|vang mat|do |người|nguoi|là |la |sinh)/u.exec(text);
  const limit = Math.min(hard ? hard.index : text.length, 200);
  const tokens = [...text.slice(0, limit).matchAll(/\S+/g)];
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) break;
    const word = token[0].replace(/[,:]+$/, "");
    const isFirstWords = i < 2;
    const capital = /^[\p{Lu}\d"“]/u.test(word) || /^[-–&]$/.test(word);
    const next = tokens[i + 1]?.[0] ?? "";
    // by folded form too: OCR prints "cỗ phần" for "cổ phần"
    const lower = word.toLocaleLowerCase("vi");
    const previous = (tokens[i - 1]?.[0] ?? "").toLocaleLowerCase("vi");
    const known = ORG_NAME_WORDS.has(lower) || (!BRIDGE_STOPS.test(lower) && ORG_NAME_WORDS.has(fold(lower))) || ORG_COMPOUNDS.has(fold(`${previous} ${lower}`));
    // a lower-case word leading into a capitalised one ("May mặc Thiên Phúc") still belongs to the name
    const following = [tokens[i + 1]?.[0] ?? "", tokens[i + 2]?.[0] ?? ""];
    const capitalSoon = following.findIndex((t) => /^\p{Lu}/u.test(t));
    const stopsBefore = following.slice(0, Math.max(0, capitalSoon)).some((t) => BRIDGE_STOPS.test(t));
    const bridges = /^\p{Ll}/u.test(word) && capitalSoon !== -1 && !stopsBefore && !BRIDGE_STOPS.test(word);
    if (!(isFirstWords || capital || known || bridges)) break;
    // "Thương mại và Xây dựng" continues; "... và Công ty B", "... và ông C" starts another party
    const nextKnown = !BRIDGE_STOPS.test(next.toLocaleLowerCase("vi")) && ORG_NAME_WORDS.has(fold(next.toLocaleLowerCase("vi")));
    if ((word === "và" || word === "va") && ((!/^\p{Lu}/u.test(next) && !nextKnown) || /^(?:Công|Cong|Ngân|Ngan|Ông|Ong|Bà|Ba|Anh|Chị|Chi|Tổng|Tong|Ủy|Uy|Hợp|Hop)$/u.test(next))) break;
    if (token[0].endsWith(":")) break;
    end = token.index + token[0].length;
    if (token[0].endsWith(",")) {
      // "Công ty A, chi nhánh B" continues; "Công ty A, địa chỉ ..." stopped above
      if (!/^(?:chi|CN|Chi)/u.test(next)) break;
    }
  }
  return end;
}

const FIELD_WORDS = new Set(["dia", "noi", "nguoi", "cung", "co", "vang", "tru", "dai", "cho", "nghe", "que", "sinh", "ho", "hien", "can", "so", "ma", "ngay", "tai", "la", "theo", "la", "ban", "thu", "tham", "quoc", "dan", "gioi", "ton", "trinh"]);

/** A capitalised run that is a name: at least two words, not a heading printed in capitals. */
/** Headings and labels printed in capitals, which are never a person's name. */
const CAPITAL_HEADING = /^(?:noi dung|nhan dinh|quyet dinh|toa an|cong hoa|nhan danh|nguoi|xet thay|nhan thay|thanh phan|hoi dong|ban an|vu an|bi cao|bi don|nguyen don|bi hai|doc lap|tai phien)\b/;

function trimPersonName(run: string, afterHonorific: boolean): string | null {
  // a name wrapped onto the next line continues; a field opening that line ("Địa chỉ", "Có mặt") does not
  const wrapped = /\n\s*(\S+)/.exec(run);
  const kept = wrapped && FIELD_WORDS.has(fold(wrapped[1] ?? "")) ? run.slice(0, wrapped.index) : run;
  const tokens = kept.trim().split(/\s+/);
  if (tokens.length < 2) return null;
  // all-capital words may be a heading ("NỘI DUNG VỤ ÁN") or a name printed in capitals ("Bị cáo: NGUYỄN VĂN AN"); an
  // honorific before them names a person ("bà VŨ THỊ TH")
  const capitals = tokens.filter((t) => t.length > 1 && t === t.toUpperCase() && !/\d/.test(t)).length;
  if (capitals >= 3 && !afterHonorific && CAPITAL_HEADING.test(fold(tokens.join(" ")))) return null;
  // a name printed in capitals is kept as people write it: "VŨ THỊ TH" → "Vũ Thị Th"
  return capitals >= 2 ? tokens.map((t) => (t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t)).join(" ") : tokens.join(" ");
}

/** What every role label starts with (ROLE_LABELS): a cheap test before trying each of them. */
const MAY_BE_LABEL = /^(?:nguoi|nguyen|bi |[^\s:]{1,3}\s+don)/;

/** The last character of a line that is not a blank. */
function lastNonBlank(line: string): string {
  let i = line.length - 1;
  while (i >= 0 && (line[i] === " " || line[i] === "\t")) i--;
  return line[i] ?? "";
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
export function partiesFromLabels(text: string, folded: string, flow: string): FoundParty[] {
  const found: FoundParty[] = [];
  // one line a label, but "Nguyên đơn: Chị A. Bị đơn: Anh B." holds two: split before each later label
  const lines: string[] = [];
  const offsets: number[] = [];
  const labelInside = /[.;]\s+(?=(?:[-+]\s*|\d+(?:\.\d+)*\.?\s+)?(?:nguyen don|bi don|nguoi co quyen loi|nguoi khoi kien|nguoi bi kien|bi cao|bi hai|nguoi yeu cau|nguoi bi yeu cau)[^:\n]{0,50}:)/g;
  let pos = 0;
  for (const line of text.split("\n")) {
    let from = 0;
    for (const m of line.includes(":") ? folded.slice(pos, pos + line.length).matchAll(labelInside) : []) {
      const cut = m.index + m[0].length;
      lines.push(line.slice(from, cut));
      offsets.push(pos + from);
      from = cut;
    }
    lines.push(line.slice(from));
    offsets.push(pos + from);
    pos += line.length + 1;
  }
  const lineAt = (offset: number): number => {
    let index = 0;
    while (index + 1 < offsets.length && (offsets[index + 1] ?? Infinity) <= offset) index++;
    return index;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const body = stripListMarker(line);
    const bodyOffset = (offsets[i] ?? 0) + (line.length - body.length);
    // a label may wrap onto the next line ("Người có quyền lợi, nghĩa vụ liên / quan:"): read it flowing
    const bodyFlow = flow.slice(bodyOffset, bodyOffset + 160);
    let label = MAY_BE_LABEL.test(bodyFlow) ? roleOfLabel(bodyFlow) : null;
    // "Người kế thừa quyền, nghĩa vụ tố tụng của ông T:" under a party who died: the heirs stand in the party's role,
    // and the party, gone, is no longer one
    const heirs = label ? null : /^nguoi ke thua quyen,? (?:va )?nghia vu to tung[^:\n]{0,80}(?=:)/.exec(bodyFlow);
    const deceased = heirs ? found.at(-1) : undefined;
    if (heirs && deceased) {
      label = { role: deceased.role, length: heirs[0].length };
      const line = flow.slice(deceased.evidence.end, flow.indexOf("\n", deceased.evidence.end) === -1 ? flow.length : flow.indexOf("\n", deceased.evidence.end));
      if (/da chet|chet ngay|da mat|qua doi/.test(line)) found.pop();
    }
    let contentStart = -1;
    if (label) {
      const after = bodyFlow.slice(label.length);
      // "Bị cáo có kháng cáo:", "Người bị yêu cầu tuyên bố mất tích:", "Bị đơn (người kháng cáo):"
      const colon = /^\s*(?:\([^)]*\)|(?![^:]*(?:trinh bay|khai|cho rang|de nghi|y kien|phat bieu|thua nhan))[a-z ,]{0,40})?\s*:/.exec(after);
      // "- Người yêu cầu giải quyết việc dân sự." closing its line, as OCR reads the colon
      // (not the end of a sentence wrapped onto its own line: "... cho các / nguyên đơn.")
      const previous = (lines[i - 1] ?? "").trim();
      const opensLine = line !== body || previous === "" || /[.:;]$/.test(previous);
      const period = colon || !opensLine ? null : /^\s*\.\s*$/.exec(body.slice(label.length));
      // "Nguyên đơn ông X trình bày" is narrative, handled elsewhere; a label needs its colon
      if (colon) contentStart = bodyOffset + label.length + colon[0].length;
      else if (period) contentStart = bodyOffset + body.length;
      else label = null;
    } else {
      // criminal layout: "... đối với bị cáo:" closing a sentence, the name on the next line
      const lineEnd = bodyOffset + body.length;
      const closesWithColon = lastNonBlank(body) === ":";
      const trailing = closesWithColon && /(?:doi\s+voi|xet\s+xu)\s+(?:cac\s+)?(bi\s+cao)\s*:\s*$/.exec(flow.slice(Math.max(0, lineEnd - 80), lineEnd));
      // a decision on a request that lists its people without a label: "... gồm những người tham gia tố tụng sau đây:"
      // or names the petitioners of its request: "Xét đơn yêu cầu công nhận ... ngày 12 tháng 9 năm 2025 của:"
      const unlabelled =
        closesWithColon &&
        /(?:gom (?:nhung|cac) nguoi tham gia to tung(?: sau day)?|(?:xet|theo|nhan duoc) (?:cac )?don yeu cau[^:;\n]{0,200}\bcua)\s*:\s*$/.test(flow.slice(Math.max(0, lineEnd - 240), lineEnd)) &&
        REQUEST_MATTER.test(flow);
      if (trailing) {
        label = { role: "defendant_criminal", length: body.length };
        contentStart = lineEnd;
      } else if (unlabelled) {
        label = { role: "petitioner", length: body.length };
        contentStart = lineEnd;
      }
    }
    if (!label) continue;
    const contentLine = lineAt(contentStart);
    const contentLineEnd = (offsets[contentLine] ?? 0) + (lines[contentLine] ?? "").length;
    const names: NameAt[] = [];
    if (text.slice(contentStart, contentLineEnd).trim().length > 0) {
      names.push(...readNames(text.slice(contentStart, contentStart + 300), contentStart));
      i = contentLine;
    } else {
      for (let j = contentLine + 1; j < lines.length && j < contentLine + 40; j++) {
        const next = lines[j] ?? "";
        if (next.trim() === "") continue;
        const nextBody = stripListMarker(next);
        const nextStart = (offsets[j] ?? 0) + (next.length - nextBody.length);
        const nextFlow = flow.slice(nextStart, nextStart + 160);
        if (MAY_BE_LABEL.test(nextFlow) && roleOfLabel(nextFlow) && /^[^:]{0,60}:/.test(nextFlow)) break;
        if (/^(?:noi dung|nhan dinh|nhan thay|xet thay|quyet dinh|xu\b|tuyen xu)/.test(nextFlow) && nextBody === nextBody.toUpperCase()) break;
        if (NOT_A_PARTY_LINE.test(nextFlow)) continue;
        // the account of the matter begins: the people have all been named
        if (/^(?:xet thay|nhan thay|can cu|sau khi nghien cuu)\b/.test(nextFlow)) break;
        // "đối với bị cáo:" may be followed by the name with no list marker, the first line only
        // "Ông Trương Minh T, sinh năm 1975;" opening its own line introduces a person, marker or not
        const introducesPerson = /^(?:ong|ba|anh|chi|cu)\s+[^,;\n]{2,50}?(?:,|\s)\s*\(?sinh (?:nam|ngay)/.test(nextFlow) && /^\S+\s+\p{Lu}/u.test(nextBody);
        const isItem = next.length !== nextBody.length || introducesPerson || (label.role === "defendant_criminal" && names.length === 0);
        // a line that is not an item continues the item above it (addresses wrap)
        if (!isItem) continue;
        names.push(...readNames(text.slice(nextStart, nextStart + 300), nextStart));
        if (label.role === "defendant_criminal" && next.length === nextBody.length) break;
      }
    }
    for (const n of names) {
      found.push({ name: n.name, role: label.role, kind: n.kind, confidence: 0.9, evidence: evidenceOf(text, n.start, n.end) });
    }
  }
  return found;
}

const NARRATIVE_ROLES: Array<[RegExp, PartyRole]> = [
  [/nguoi co quyen loi,? (?:va )?nghia vu lien quan/g, "related"],
  [/nguoi khoi kien/g, "plaintiff"],
  [/nguoi bi kien/g, "defendant"],
  [/nguyen don/g, "plaintiff"],
  [/bi don/g, "defendant"],
  [/bi cao/g, "defendant_criminal"],
  [/bi hai/g, "victim"],
  [/nguoi yeu cau/g, "petitioner"],
  // "Công ty J khởi kiện", "đơn khởi kiện (xin ly hôn) của chị X"
  [/khoi kien(?: xin ly hon| ly hon)?(?: cua)?/g, "plaintiff"],
  // "xin ly hôn (với) anh Y": the spouse asked to be divorced
  [/(?:xin |duoc |yeu cau )ly hon(?: voi)?/g, "defendant"],
];

const PARTY_START = /^(?:(?:ong|ba|anh|chi|cu)\s|(?:ngan hang|cong ty|tong cong ty|quy tin dung|hop tac xa|uy ban nhan dan)\s)/;

/**
 * Parties named beside a role word in running text: "nguyên đơn chị Nguyễn Thị C trình bày",
 * "bị đơn và những người có quyền lợi, nghĩa vụ liên quan (bà A, ông B và bà C)", "Công ty J khởi kiện".
 * Where a name is given several roles, the role it is given most often wins.
 */
export function partiesFromNarrative(text: string, folded: string): FoundParty[] {
  const votes = new Map<string, { party: FoundParty; roles: Map<PartyRole, number> }>();
  const vote = (n: NameAt, role: PartyRole, confidence: number): void => {
    const key = fold(n.name);
    const entry = votes.get(key) ?? { party: { name: n.name, role, kind: n.kind, confidence, evidence: evidenceOf(text, n.start, n.end) }, roles: new Map() };
    entry.roles.set(role, (entry.roles.get(role) ?? 0) + 1);
    votes.set(key, entry);
  };
  for (const [pattern, role] of NARRATIVE_ROLES) {
    for (const m of folded.matchAll(pattern)) {
      if (m.index > 0 && /[a-z]/.test(folded[m.index - 1] ?? "")) continue;
      // "người đại diện theo ủy quyền của nguyên đơn: ông M" names a representative, not a party
      if (/(?:dai dien|bao ve|uy quyen|luat su|tro giup)[^.;\n]{0,40}$/.test(folded.slice(Math.max(0, m.index - 60), m.index))) continue;
      let start = m.index + m[0].length;
      start += /^\s*(?:la\s+|\(\s*)?/.exec(folded.slice(start))?.[0].length ?? 0;
      if (!PARTY_START.test(folded.slice(start, start + 40))) continue;
      for (const n of readNames(text.slice(start, start + 240), start)) vote(n, role, 0.6);
    }
  }
  // "Công ty J khởi kiện yêu cầu bà N trả", "Ngân hàng X khởi kiện": the subject of khởi kiện
  for (const k of folded.matchAll(/ khoi kien\b/g)) {
    const windowStart = Math.max(0, k.index - 110);
    const m = /(?:^|[.:;]\s+|\n\s*|\bnay,?\s+)((?:(?:ong|ba|anh|chi)\s|ngan hang|cong ty|tong cong ty|quy tin dung|hop tac xa)[^.;\n]{0,100}?)$/.exec(folded.slice(windowStart, k.index));
    if (!m) continue;
    const start = windowStart + m.index + m[0].indexOf(m[1] ?? "");
    let names = readNames(text.slice(start, start + 200), start).slice(0, 1);
    // "Nay ngân hàng khởi kiện": the bank named in full elsewhere in the text
    const generic = /^(ngan hang|cong ty)\b/.exec(m[1] ?? "");
    if (names.length === 0 && generic) {
      const opening = generic[1] === "ngan hang" ? /Ngân hàng\s+\S|Ngan hang\s+\S/gu : /Công ty\s+\S|Cong ty\s+\S/gu;
      for (const full of text.matchAll(opening)) {
        const [candidate] = readNames(text.slice(full.index, full.index + 200), full.index);
        if (candidate && candidate.name.length > (names[0]?.name.length ?? 0)) names = [candidate];
      }
    }
    for (const n of names) vote(n, "plaintiff", 0.5);
  }
  // "khởi kiện yêu cầu ông Võ Văn Đ phải trả", "buộc bà A và ông B phải trả": who is asked to pay
  for (const m of folded.matchAll(/(?:khoi kien yeu cau|\bbuoc)\s+(?=(?:ong|ba|anh|chi|cong ty)\s)/g)) {
    const start = m.index + m[0].length;
    for (const n of readNames(text.slice(start, start + 200), start)) vote(n, "defendant", 0.5);
  }
  const found: FoundParty[] = [];
  for (const { party, roles } of votes.values()) {
    const [role] = [...roles.entries()].sort((a, b) => b[1] - a[1])[0] ?? [party.role];
    found.push({ ...party, role });
  }
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

/**
 * For uploads that lost the page listing the parties: the narrative presents the plaintiff's account
 * first and the defendant's next ("chị X trình bày: ... Chị và anh Y ...", "anh Y trình bày").
 */
export function partiesFromAccounts(text: string, folded: string, known: FoundParty[]): FoundParty[] {
  const has = (role: PartyRole) => known.some((p) => p.role === role);
  const roles: PartyRole[] = [];
  if (!has("plaintiff")) roles.push("plaintiff");
  if (!has("defendant")) roles.push("defendant");
  if (roles.length === 0 || has("defendant_criminal") || has("petitioner")) return [];
  const speakers: NameAt[] = [];
  const end = folded.search(/\n\s*nhan dinh cua toa an|\n\s*quyet dinh\s*:/);
  const narrative = end === -1 ? folded : folded.slice(0, end);
  for (const m of narrative.matchAll(/(?:^|[,:.\n]\s*|\n\s*-\s*)((?:ong|ba|anh|chi)\s[^,.:\n]{2,40}?)\s+trinh ba[yi]/g)) {
    const start = m.index + m[0].indexOf(m[1] ?? "");
    const [name] = readNames(text.slice(start, start + 80), start);
    if (name && !speakers.some((s) => fold(s.name) === fold(name.name))) speakers.push(name);
  }
  // "Chị Lê Thị A và anh Nguyễn Văn B tự nguyện chung sống", "Chị và anh B kết hôn": the couple
  const couple = /(?:^|\n)\s*-?\s*((?:ong|ba|anh|chi)\s[^,.:\n]{2,40}?\s+va\s+(?:ong|ba|anh|chi)\s[^,.:\n]{2,40}?)\s+(?:tu nguyen|ket hon|chung song|dang ky|quen)/.exec(narrative);
  const partner = /(?:^|[.:]\s+)(?:chi|anh|toi|ong|ba) va ((?:anh|chi|ong|ba)\s[^,.:\n]{2,40}?)\s+(?:tu nguyen|ket hon|chung song|dang ky|quen)/.exec(narrative);
  if (speakers.length < 2 && couple?.[1]) {
    const start = couple.index + couple[0].indexOf(couple[1]);
    for (const n of readNames(text.slice(start, start + 120), start)) if (!speakers.some((s) => fold(s.name) === fold(n.name))) speakers.push(n);
  }
  if (speakers.length < 2 && partner?.[1]) {
    const start = partner.index + partner[0].indexOf(partner[1]);
    const [n] = readNames(text.slice(start, start + 80), start);
    if (n && !speakers.some((s) => fold(s.name) === fold(n.name))) speakers.push(n);
  }
  const result: FoundParty[] = [];
  const unknownSpeakers = speakers.filter((s) => !known.some((p) => samePerson(p.name, s.name)));
  for (const [i, speaker] of unknownSpeakers.entries()) {
    const role = roles[i];
    if (!role) break;
    result.push({ name: speaker.name, role, kind: speaker.kind, confidence: 0.4, evidence: evidenceOf(text, speaker.start, speaker.end) });
  }
  return result;
}

/** "Lê Út E" and "Út E": the same person named in full and by given name. */
export function samePerson(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  return fa === fb || fa.endsWith(` ${fb}`) || fb.endsWith(` ${fa}`);
}
