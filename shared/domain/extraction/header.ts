/**
 * The document's identity: type, number, date, issuing court, subject and case category.
 * The heading (before "NHÂN DANH") is the primary source; clauses in the body are fallbacks.
 */
import type { CaseCategory, DocType } from "../case.ts";
import { categoryOfCaseNumber, normalizeCaseNumber } from "./case-number.ts";
import { parseDate } from "./dates.ts";
import { capitalizeWords, collapseSpaces, fold } from "./text.ts";

export interface Found<T> {
  value: T;
  confidence: number;
  start: number;
  end: number;
}

/**
 * Offset where the heading ends: "NHÂN DANH", the first section title or address line. A text that
 * opens with running prose (its first page lost) has no heading at all.
 */
export function headingEnd(folded: string): number {
  // a heading names the court, the state motto or the document number in its first lines
  const opensWithHeading = /toa an nhan dan|\btand\b|cong hoa xa hoi|ban an so|(?:^|\n)\s*so\s*:/.test(folded.slice(0, 400));
  if (!opensWithHeading) return 0;
  const m = /\n\s*(?:nhan danh|noi dung vu an|n[o0]i dung|kinh gui|can cu|- thanh phan|thanh phan hoi dong)/.exec(folded);
  return m && m.index < 4000 ? m.index : Math.min(folded.length, 1500);
}


export function findCaseNumber(text: string, folded: string, headEnd: number): Found<string> | null {
  const head = folded.slice(0, headEnd);
  // "BẢN ÁN 07/2024/LĐ-ST NGÀY 10/12/2024 VỀ ...", the title style of published judgments
  const title = /(?:^|\n)\s*(?:ban an|quyet dinh)\s+(?:so\s*:?\s*)?((?=[ilo]?\d)[\dilo]{1,5}\s*\/\s*[\do]{4}\s*\/\s*[a-z0-9]+(?:\s*-\s*[a-z0-9]+)*)/.exec(head);
  if (title?.[1]) {
    const start = title.index + title[0].length - title[1].length;
    const value = normalizeCaseNumber(text.slice(start, start + title[1].length));
    if (value) return { value, confidence: 0.9, start, end: start + title[1].length };
  }
  for (const m of head.matchAll(/\bso\s*:?\s*((?=[ilo]?\d)[\dilo]{1,5}\s*\/\s*(?:[\do]{4}\s*\/\s*)?[a-z0-9]+(?:\s*-\s*[a-z0-9]+)*)/g)) {
    // "Số:" opens a heading line or its right column ("Bản án số:", "Quyết định số:"); "thụ lý số" does not
    const lineStart = head.lastIndexOf("\n", m.index) + 1;
    const before = head.slice(lineStart, m.index);
    if (!/^\s*(?:ban an|quyet dinh)?\s*$/.test(before) && !/\s{2,}(?:ban an|quyet dinh)?\s*$/.test(before)) continue;
    const digits = m[1] ?? "";
    const start = m.index + m[0].length - digits.length;
    const printed = text.slice(start, start + digits.length);
    const value = normalizeCaseNumber(printed);
    if (!value) continue;
    return { value, confidence: value.split("/").length === 3 ? 0.95 : 0.75, start, end: start + printed.length };
  }
  // OCR lost the slashes and the year ("Số: 2267 ST-KDTM"): the number and code as printed, for staff to complete
  const damaged = /(?:^|\n)\s*(?:ban an |quyet dinh )?so\s*:\s*(\d{1,5}\s+[a-z]{2,}(?:\s*-\s*[a-z]+)+)\b/.exec(head);
  if (damaged?.[1]) {
    const start = damaged.index + damaged[0].length - damaged[1].length;
    const printed = text.slice(start, start + damaged[1].length);
    return { value: printed.replace(/\s*-\s*/g, "-").toUpperCase(), confidence: 0.4, start, end: start + printed.length };
  }
  return null;
}

export function findIssuedDate(folded: string, headEnd: number): Found<string> | null {
  const head = folded.slice(0, headEnd);
  // "Ngày: 14/11/2018", a line that is only a date, or "Bình Lục, ngày 18 tháng 4 năm 2022" in the right column
  const patterns = [
    /(?:^|\n|\s{2,})\s*ngay\s*:\s*([^\n]{6,40})/,
    /(?:^|\n)\s*(?:ban an|quyet dinh)\s+(?:so\s*:?\s*)?\d{1,5}\s*\/[^\s]+\s+(ngay\s+\d{1,2}\s*[\/.-]\s*\d{1,2}\s*[\/.-]\s*\d{4})/,
    /[a-z]+,\s*(ngay\s+[\dilo]{1,2}\s*thang\s*[\dilo]{1,2}\s*nam\s*\d[\do]{3})/,
    /(?:^|\n)\s*(ngay\s+[\dilo]{1,2}\s*(?:thang\s*[\dilo]{1,2}\s*nam\s*\d{4}|[\/.-]\s*\d{1,2}\s*[\/.-]\s*\d{4}))\s*(?:\n|$)/,
  ];
  for (const pattern of patterns) {
    const line = pattern.exec(head);
    if (!line || line[1] === undefined) continue;
    const offset = line.index + line[0].length - line[1].length;
    const direct = parseDate(line[1].startsWith("ngay") ? line[1] : `ngay ${line[1]}`) ?? parseDate(line[1]);
    if (direct) return { value: direct.iso, confidence: 0.95, start: offset, end: offset + line[1].length };
  }
  // the heading's date under a stamp: the hearing that the judgment or decision closed, when it sat one day
  // ("Ngày 22 tháng 5 năm 2025, tại trụ sở Tòa án ... xét xử", "Tại phiên họp ngày 17/4/2025")
  if (headEnd > 0) {
    // the hearing is told in the opening pages
    const opening = folded.slice(0, 12_000);
    const hearing = /(?:^|\n)\s*(?:trong )?(ngay\s+[\dilo]{1,2}\s*thang\s*[\dilo]{1,2}\s*nam\s*\d{4}),?\s+tai (?:tru so|phong xu an|hoi truong)[^.]{0,160}?(?:xet xu|mo phien hop)/.exec(opening) ??
      /tai phien (?:hop|toa) ngay\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/.exec(opening);
    if (hearing?.[1] !== undefined) {
      const date = parseDate(hearing[1].startsWith("ngay") ? hearing[1] : `ngay ${hearing[1]}`) ?? parseDate(hearing[1]);
      const offset = hearing.index + hearing[0].indexOf(hearing[1]);
      if (date) return { value: date.iso, confidence: 0.7, start: offset, end: offset + hearing[1].length };
    }
  }
  // "tuyên án ngày ..." / "ngày tuyên án: ..."
  const pronounced = /(?:tuyen an (?:vao )?ngay|ngay tuyen an\s*:?)\s*([^\n]{6,40})/.exec(folded);
  if (pronounced && pronounced[1] !== undefined) {
    const date = parseDate(pronounced[1].startsWith("ngay") ? pronounced[1] : `ngay ${pronounced[1]}`) ?? parseDate(pronounced[1]);
    const offset = pronounced.index + pronounced[0].length - pronounced[1].length;
    if (date) return { value: date.iso, confidence: 0.8, start: offset, end: offset + pronounced[1].length };
  }
  return null;
}

/** Administrative words of court names, by their folded form, as they are spelled in full. */
const ADMIN_SPELLING: Array<[RegExp, string]> = [
  [/^(?:thanh pho|tp\.?)$/, "thành phố"],
  [/^tinh$/, "tỉnh"],
  [/^huyen$/, "huyện"],
  [/^quan$/, "quận"],
  [/^thi xa$/, "thị xã"],
  [/^khu vuc$/, "khu vực"],
  [/^cap cao$/, "cấp cao"],
  [/^toi cao$/, "tối cao"],
  [/^tai$/, "tại"],
];
/** Above district level: a place named after one of these, inside a segment, starts the province part. */
const PROVINCE_WORD = /^(?:thanh pho|tp\.?|tinh)$/;

function adminWordAt(tokens: string[], index: number): { spelled: string; length: number } | null {
  for (const length of [2, 1]) {
    const folded = fold(tokens.slice(index, index + length).join(" "));
    if (index + length > tokens.length) continue;
    const hit = ADMIN_SPELLING.find(([pattern]) => pattern.test(folded));
    if (hit) return { spelled: hit[1], length };
  }
  return null;
}

/**
 * "TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN TỈNH HÀ NAM", "TAND TP. Thủ Đức - TP.HCM" → "Tòa án nhân dân huyện Lý Nhân,
 * tỉnh Hà Nam": administrative words spelled in full and in lower case (OCR's "THÀNH PHÓ" included), place
 * names in title case, a province part run on after the district separated by a comma.
 */
export function formatCourtName(printed: string): string {
  let name = collapseSpaces(printed)
    .replace(/[\s,.;:-]+$/, "")
    .replace(/\b(TP|Tp|tp)\.(?=\S)/g, "$1. ");
  const isCapitals = name === name.toLocaleUpperCase("vi");
  if (isCapitals) name = capitalizeWords(name);
  const prefix = /^(?:t[oò]a\s+[aá]n\s+nh[aâ]n\s+d[aâ]n|to[aà]\s+[aá]n\s+nh[aâ]n\s+d[aâ]n|tand)\s*/iu.exec(name);
  if (!prefix) return name.replace(/\s*-\s*/g, " - ").replace(/\s*,\s*/g, ", ");
  const head = /[òàóáâ]/i.test(prefix[0]) || /^tand/i.test(prefix[0]) ? "Tòa án nhân dân" : "Toa an nhan dan";
  const segments = name
    .slice(prefix[0].length)
    .split(/\s*([,-])\s*/);
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "," || segment === "-") {
      out.push(segment === "," ? ", " : " - ");
      continue;
    }
    const tokens = segment.split(/\s+/).filter(Boolean);
    const words: string[] = [];
    let places = 0;
    let afterAdmin = false;
    for (let i = 0; i < tokens.length; ) {
      // right after "huyện" comes a place, even one spelled like an administrative word ("huyện Quan Hóa")
      const candidate = afterAdmin ? (fold(tokens[i] ?? "") === "tai" ? adminWordAt(tokens, i) : null) : null;
      const admin = afterAdmin ? candidate : places === 0 || (PROVINCE_WORD.test(fold(tokens[i] ?? "")) && i + 1 < tokens.length) || (fold(tokens.slice(i, i + 2).join(" ")) === "thanh pho" && i + 2 < tokens.length) ? adminWordAt(tokens, i) : null;
      if (admin && !(admin.spelled === "tại" && places === 0 && words.length === 0)) {
        if (places > 0) words.push(",");
        words.push(admin.spelled);
        places = 0;
        afterAdmin = true;
        i += admin.length;
        continue;
      }
      words.push(tokens[i] ?? "");
      afterAdmin = false;
      places++;
      i++;
    }
    out.push(words.join(" ").replace(/ ,/g, ","));
  }
  return `${head} ${out.join("")}`
    .replace(/\s+/g, " ")
    .replace(/ ,/g, ",")
    .replace(/ - (?=(?:thành phố|tỉnh) )/g, ", ")
    .trim();
}

/** A court name starting at `start` in the text: "Tòa án nhân dân" plus its place, up to a clause end. */
function courtNameAt(text: string, folded: string, start: number): string | null {
  const rest = folded.slice(start, start + 160);
  const m =
    /^(?:toa an nhan dan|tand)\s+(?:(?:toi cao)|(?:cap cao tai\s+[a-z ]+?)|(?:khu vuc\s+\d+(?:\s*-\s*[a-z]+(?: [a-z]+){0,3})?(?:,\s*(?:tinh|thanh pho)\s+[a-z]+(?: [a-z]+){0,3})?)|(?:(?:huyen|quan|thi xa|thanh pho|tp\.?|tinh)\s+[a-z0-9]+(?: [a-z0-9]+){0,3}(?:\s*,\s*(?:tinh|thanh pho|tp\.?)\s+[a-z]+(?: [a-z]+){0,3})?))/.exec(
      rest,
    );
  if (!m) return null;
  let printed = text.slice(start, start + m[0].length);
  // place names are capitalised words; stop at the first word that is not ("... Thanh Miện thụ lý")
  printed = trimToPlaceNames(printed);
  return printed ? formatCourtName(printed) : null;
}

const ADMIN_TOKENS = new Set(["huyện", "quận", "thị", "xã", "thành", "phố", "tỉnh", "khu", "vực", "cấp", "cao", "tại", "tối", "tp", "tp.", "huyen", "quan", "thi", "xa", "thanh", "pho", "tinh", "vuc", "cap", "tai", "toi"]);

function trimToPlaceNames(printed: string): string {
  const prefix = /^\S+\s+\S+\s+\S+\s+\S+\s*/.exec(printed)?.[0] ?? "";
  const tail = printed.slice(prefix.length);
  const tokens = tail.split(/(\s+|,)/);
  let out = prefix;
  let sawPlace = false;
  for (const token of tokens) {
    const bare = token.trim();
    if (bare === "" || bare === "," || bare === "-") {
      out += token;
      continue;
    }
    const lower = bare.toLocaleLowerCase("vi");
    const isAdmin = ADMIN_TOKENS.has(lower) || (lower === "khu" || lower === "vực");
    const isPlace = /^[\p{Lu}\d]/u.test(bare);
    if (isAdmin && !sawPlace) {
      out += token;
      continue;
    }
    if (isAdmin && sawPlace && /,\s*$/.test(out)) {
      out += token;
      sawPlace = false;
      continue;
    }
    if (!isPlace) break;
    sawPlace = true;
    out += token;
  }
  return out.replace(/[\s,-]+$/, "");
}

const MOTTO = ["cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc"];

/** Where the state motto starts beside the court's name, also when OCR lost letters of it ("CỘNG HO XÃ ỘI CHỦ NGHĨA"). */
const MOTTO_START = /\s*(?:cong\s+h[a-z]{0,3}\s+x[a-z]{0,2}\s|cong hoa xa hoi|chu nghia viet|doc lap\s*-)/;

/** A line that is only a piece of the state motto, as a wrapped right column leaves it. */
function isMottoFragment(line: string): boolean {
  const folded = collapseSpaces(fold(line)).replace(/^[-\s]+|[-\s]+$/g, "");
  return folded.length >= 3 && MOTTO.some((motto) => ` ${motto} `.includes(` ${folded} `));
}

export function findCourt(text: string, folded: string, flow: string, headEnd: number): Found<string> | null {
  // 1. the court line under "NHÂN DANH ... VIỆT NAM", or a standalone heading line naming the court
  const headingLine = /\n\s*((?:toa an nhan dan|tand)\s+[^\n]{3,100})\n/g;
  for (const m of folded.slice(0, Math.min(folded.length, headEnd + 1200)).matchAll(headingLine)) {
    const start = m.index + m[0].indexOf(m[1] ?? "");
    const line = text.slice(start, start + (m[1] ?? "").length);
    if (line !== line.toLocaleUpperCase("vi")) continue;
    const rightColumn = fold(line).search(MOTTO_START);
    const cleaned = (rightColumn === -1 ? line : line.slice(0, rightColumn)).replace(/\s{2,}.*$/, "");
    if (/^(?:TÒA ÁN NHÂN DÂN|TOA AN NHAN DAN|TAND)\s*$/i.test(cleaned.trim())) continue;
    return { value: formatCourtName(cleaned), confidence: 0.95, start, end: start + line.length };
  }
  // 2. the left column of the heading: "TÒA ÁN NHÂN DÂN / HUYỆN LÝ NHÂN / TỈNH HÀ NAM"
  const head = folded.slice(0, headEnd);
  const top = /(?:^|\n)\s*(toa an nhan dan|tand)\b/.exec(head);
  if (top) {
    const parts: string[] = [];
    const lines = text.slice(0, headEnd).split("\n");
    let index = text.slice(0, top.index + top[0].length).split("\n").length - 1;
    for (let taken = 0; index < lines.length && taken < 4; index++, taken++) {
      const raw = lines[index] ?? "";
      // OCR puts blank lines between the heading's lines, and a motto wrapped in the right column leaves its tail
      // alone on a line ("NGHĨA VIỆT NAM", "- Hạnh phúc")
      if (taken > 0 && ((raw.trim() === "" && parts.length === 1) || isMottoFragment(raw))) {
        taken--;
        continue;
      }
      const cut = fold(raw).search(MOTTO_START);
      let segment = collapseSpaces(raw.slice(0, cut === -1 ? raw.length : cut).split(/\s{3,}/)[0] ?? "");
      // a damaged motto the pattern above missed ("THÀNH PHỐ THỦ ĐỨC lập - Tự đo - Hạnh phú"): the capitals before it
      if (taken > 0 && segment !== segment.toLocaleUpperCase("vi")) segment = /^(?:[^\p{Ll}\s]+(?:\s+|$))+/u.exec(segment)?.[0].trim() ?? "";
      const segFolded = fold(segment);
      // OCR reads the left column first, then the right one ("CỘNG HÒA ...") below it
      if (taken > 0 && (segment === "" || /^(?:so|ban an|quyet dinh|ngay|v\/v|cong hoa|doc lap|nam\b)/.test(segFolded) || !/\p{Lu}{2}/u.test(segment))) break;
      if (segment) parts.push(segment);
    }
    const joined = parts.join(" ");
    if (parts.length > 1) return { value: formatCourtName(joined), confidence: 0.85, start: top.index, end: top.index + joined.length };
  }
  // 3. body clauses that name the issuing court
  const clauses = [
    /thuoc tham quyen(?: giai quyet)?(?: theo thu tuc (?:so tham|phuc tham))?(?: cua)?\s+(?=toa an nhan dan|tand)/g,
    /tai tru so\s+(?=(?:toa an nhan dan|tand)[^\n]{0,80}xet xu)/g,
    /\n\s*ban an so[^\n]{0,40}?\s{2,}(?=toa an nhan dan)/g,
    /viec thu ly[^.]{0,60}? cua\s+(?=toa an nhan dan)/g,
  ];
  for (const pattern of clauses) {
    for (const m of flow.matchAll(pattern)) {
      const start = m.index + m[0].length;
      let name = courtNameAt(text, flow, start);
      if (!name) continue;
      // "huyện X (nay là Tòa án nhân dân khu vực N)": the document speaks after the rename
      const after = flow.slice(start, start + 220);
      const renamed = /\(\s*nay la\s+(?=toa an nhan dan)/.exec(after);
      if (renamed) name = courtNameAt(text, flow, start + renamed.index + renamed[0].length) ?? name;
      return { value: name, confidence: 0.7, start, end: start + name.length };
    }
  }
  return null;
}


export function findSubject(text: string, folded: string, headEnd: number): Found<string> | null {
  const head = folded.slice(0, headEnd);
  const m = /(?:^|\n|\s{2,})\s*v\/v\s*:?\s*/.exec(head);
  if (m) {
    const start = m.index + m[0].length;
    let end = folded.indexOf("\n", start);
    if (end === -1) end = folded.length;
    // a subject broken over two heading lines: "V/v giải thích Bản án số 15/2020/DS-ST\nngày 28/9/2020"
    const next = /^\n([^\n]{1,60})\n/.exec(folded.slice(end));
    if (next && /^\s*(?:ngay|cua|ve|giua|va)\b/.test(next[1] ?? "")) end += (next[1] ?? "").length + 1;
    const raw = collapseSpaces(text.slice(start, end).split(/\s{3,}/)[0] ?? "").replace(/^["“]|["”.]$/g, "").replace(/^"|"$/g, "");
    if (raw) return { value: raw, confidence: 0.9, start, end };
  }
  const about = /thu ly so[^\n]{0,80}?ve viec\s*"([^"]{4,200})"/.exec(folded);
  if (about && about[1] !== undefined) {
    const start = about.index + about[0].length - about[1].length - 1;
    return { value: text.slice(start, start + about[1].length), confidence: 0.7, start, end: start + about[1].length };
  }
  return null;
}

export function findDocType(folded: string, headEnd: number, caseNumber: string | null): Found<DocType> {
  const head = folded.slice(0, headEnd);
  // letters and notices from the court (an explanation of a judgment, a notice) are not judgments
  // (as their heading says at a line's start: "Công văn số ..." inside a sentence cites a letter)
  if (/(?:^|\n|\s{2,})\s*(?:kinh gui|cong van|v\/v giai thich|thong bao\b)/.test(head)) return { value: "other", confidence: 0.8, start: 0, end: 0 };
  if (/(?:^|\n|\s{2,})\s*ban an(?: so)?\s*:?\s*\d|(?:^|\n)\s*ban an\s*(?:\n|$)/.test(head)) return { value: "judgment", confidence: 0.95, start: 0, end: 0 };
  // OCR may leave a few stray marks from a stamp before the title ("lụt QUYÉT ĐỊNH")
  if (/(?:^|\n)(?:[^\n]{0,16}\s)?quyet dinh\s*(?:\n|$|cong nhan|dinh chi|tam dinh chi|dua|giai quyet|mo thu tuc|tuyen bo|ap dung|sua chua|huy|khang nghi|giam doc|tai tham)/.test(head))
    return { value: "decision", confidence: 0.9, start: 0, end: 0 };
  if (caseNumber && /\/Q[ĐD]/.test(caseNumber)) return { value: "decision", confidence: 0.85, start: 0, end: 0 };
  // first page lost: the body still tells what it is
  if (/quyet dinh cong nhan su thoa thuan|cong nhan su thoa thuan cua cac duong su/.test(folded.slice(0, 3000)) && !/hoi dong xet xu/.test(folded))
    return { value: "decision", confidence: 0.5, start: 0, end: 0 };
  if (/hoi dong xet xu|nhan dinh cua toa an|phien toa|ban an|nguyen don|bi don|bi cao|duong su/.test(folded)) return { value: "judgment", confidence: 0.6, start: 0, end: 0 };
  return { value: "other", confidence: 0.3, start: 0, end: 0 };
}

const CATEGORY_CUES: Array<[RegExp, CaseCategory]> = [
  [/vu an hinh su|bi cao\b|bo luat hinh su/, "criminal"],
  [/vu an hanh chinh|nguoi bi kien|luat to tung hanh chinh/, "administrative"],
  [/pha san/, "bankruptcy"],
  [/kinh doanh,? thuong mai/, "commercial"],
  // "Luật Hôn nhân và gia đình" is also cited for spouses' joint debts in civil cases
  [/ly hon|cap duong nuoi con|vu an hon nhan|(?<!luat )hon nhan va gia dinh|tranh chap (?:ve )?nuoi con/, "marriage_family"],
  [/vu an lao dong|tranh chap lao dong|hop d[oa]ng lao dong|bo luat lao dong/, "labor"],
];

export function findCategory(folded: string, caseNumber: string | null): Found<CaseCategory> {
  const fromNumber = caseNumber ? categoryOfCaseNumber(caseNumber) : null;
  if (fromNumber) return { value: fromNumber, confidence: 0.95, start: 0, end: 0 };
  // the case kind named where the hearing is opened ("xét xử ... vụ án dân sự thụ lý số ...") or in the acceptance number
  const opened = /vu an (dan su|hinh su|hanh chinh|lao dong|kinh doanh,? thuong mai|hon nhan va gia dinh)|thu ly so\s*\d+\/\d{4}\/tl(?:st|pt)-([a-z]+)/.exec(folded);
  if (opened) {
    const word = opened[1] ?? "";
    const code = opened[2] ?? "";
    const byWord: Record<string, CaseCategory> = {
      "dan su": "civil",
      "hinh su": "criminal",
      "hanh chinh": "administrative",
      "lao dong": "labor",
      "hon nhan va gia dinh": "marriage_family",
    };
    const byCode: Record<string, CaseCategory> = { ds: "civil", hs: "criminal", hc: "administrative", ld: "labor", hngd: "marriage_family", kdtm: "commercial" };
    const value = word.startsWith("kinh doanh") ? "commercial" : (byWord[word] ?? byCode[code]);
    if (value) return { value, confidence: 0.85, start: 0, end: 0 };
  }
  for (const [cue, category] of CATEGORY_CUES) if (cue.test(folded)) return { value: category, confidence: 0.6, start: 0, end: 0 };
  return { value: "civil", confidence: 0.4, start: 0, end: 0 };
}
