import { describe, expect, it } from "vitest";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { findOperativePart } from "#domain/extraction/obligations.ts";
import { readNames } from "#domain/extraction/parties.ts";
import { fold } from "#domain/extraction/text.ts";

const stripDiacritics = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

const JUDGMENT = `TÒA ÁN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN KIM BẢNG                                  Độc lập - Tự do - Hạnh phúc
TỈNH HÀ NAM

Bản án số: 07/2024/DS-ST
Ngày: 05-3-2024
V/v: Tranh chấp hợp đồng vay tài sản

NHÂN DANH
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TÒA ÁN NHÂN DÂN HUYỆN KIM BẢNG, TỈNH HÀ NAM

- Thẩm phán - Chủ tọa phiên tòa: Ông Trần Minh Tâm.
Ngày 05 tháng 3 năm 2024, tại trụ sở Tòa án nhân dân huyện Kim Bảng xét xử sơ thẩm công khai vụ án dân sự, giữa các đương sự:
1. Nguyên đơn: Bà Phan Thị Hồng V, sinh năm 1972.
Địa chỉ: Thôn Đông, xã Tân Sơn, huyện Kim Bảng, tỉnh Hà Nam. Có mặt.
Người đại diện theo ủy quyền của nguyên đơn: Ông Lê Quang M, sinh năm 1980. Có mặt.
2. Bị đơn: Ông Đỗ Văn K, sinh năm 1969 và bà Ngô Thị X, sinh năm 1971.
Cùng địa chỉ: Thôn Tây, xã Tân Sơn, huyện Kim Bảng, tỉnh Hà Nam.

NỘI DUNG VỤ ÁN:
Bà V cho ông K và bà X vay 200.000.000 đồng. Bà V yêu cầu buộc ông K, bà X trả 230.000.000 đồng.

NHẬN ĐỊNH CỦA TÒA ÁN:
[1] Yêu cầu của bà V được chấp nhận một phần.

QUYẾT ĐỊNH:
Căn cứ Điều 463, 466 Bộ luật Dân sự năm 2015;
1. Buộc ông Đỗ Văn K và bà Ngô Thị X liên đới trả cho bà Phan Thị Hồng V số tiền 215.000.000 đồng (Hai trăm mười lăm triệu đồng), trong đó nợ gốc là 200.000.000 đồng và tiền lãi là 15.000.000 đồng.
2. Không chấp nhận yêu cầu của bà V về khoản tiền lãi 15.000.000 đồng còn lại.
3. Về án phí: Ông K và bà X phải chịu 10.750.000 đồng án phí dân sự sơ thẩm. Bà V phải chịu 750.000 đồng án phí, được trừ vào số tiền tạm ứng án phí 5.750.000 đồng đã nộp; hoàn trả cho bà V 5.000.000 đồng.

Nơi nhận:                                        TM. HỘI ĐỒNG XÉT XỬ SƠ THẨM
- Các đương sự;                                  Trần Minh Tâm`;

describe("extractCase on a district court civil judgment", () => {
  const result = extractCase(JUDGMENT);

  it("reads the heading: type, number, date, court, subject and category", () => {
    expect(result.docType).toBe("judgment");
    expect(result.caseNumber).toBe("07/2024/DS-ST");
    expect(result.issuedDate).toBe("2024-03-05");
    expect(result.court).toBe("Tòa án nhân dân huyện Kim Bảng, tỉnh Hà Nam");
    expect(result.subject).toBe("Tranh chấp hợp đồng vay tài sản");
    expect(result.caseCategory).toBe("civil");
  });

  it("lists each party once, without honorific or birth year, and leaves out representatives and judges", () => {
    expect(result.parties.map((p) => [p.name, p.role, p.kind])).toEqual([
      ["Phan Thị Hồng V", "plaintiff", "person"],
      ["Đỗ Văn K", "defendant", "person"],
      ["Ngô Thị X", "defendant", "person"],
    ]);
  });

  it("keeps the breakdown of an ordered total, joint debtors together, and drops the rejected claim", () => {
    const money = result.obligations.map((o) => [o.debtor, o.creditor, o.amountVnd, o.kind]);
    expect(money).toContainEqual(["Đỗ Văn K, Ngô Thị X", "Phan Thị Hồng V", 200_000_000, "principal"]);
    expect(money).toContainEqual(["Đỗ Văn K, Ngô Thị X", "Phan Thị Hồng V", 15_000_000, "interest"]);
    expect(money.some(([, , amount]) => amount === 215_000_000)).toBe(false);
  });

  it("records court fees to the state budget and the refund of the unused advance", () => {
    const money = result.obligations.map((o) => [o.debtor, o.creditor, o.amountVnd, o.kind]);
    expect(money).toContainEqual(["Đỗ Văn K, Ngô Thị X", "state budget", 10_750_000, "court_fee"]);
    expect(money).toContainEqual(["Phan Thị Hồng V", "state budget", 750_000, "court_fee"]);
    expect(money).toContainEqual(["state budget", "Phan Thị Hồng V", 5_000_000, "other"]);
    expect(result.obligations).toHaveLength(5);
  });

  it("points each value at the text it came from", () => {
    expect(result.evidence.caseNumber?.text).toBe("07/2024/DS-ST");
    const fee = result.obligations.find((o) => o.kind === "court_fee");
    expect(JUDGMENT.slice(fee?.evidence?.start, fee?.evidence?.end)).toMatch(/^10\.750\.000 đồng/);
    expect(result.reviewReasons).toEqual([]);
  });
});

describe("extractCase on damaged or partial input", () => {
  it("reads NFD text exactly like NFC text", () => {
    const nfc = extractCase(JUDGMENT);
    const nfd = extractCase(JUDGMENT.normalize("NFD"));
    expect(nfd.parties.map((p) => p.name)).toEqual(nfc.parties.map((p) => p.name));
    expect(nfd.obligations.map((o) => o.amountVnd)).toEqual(nfc.obligations.map((o) => o.amountVnd));
    expect(nfd.court).toBe(nfc.court);
  });

  it("reads text with every diacritic removed", () => {
    const plain = extractCase(stripDiacritics(JUDGMENT));
    expect(plain.caseNumber).toBe("07/2024/DS-ST");
    expect(plain.issuedDate).toBe("2024-03-05");
    expect(fold(plain.court ?? "")).toBe(fold("Tòa án nhân dân huyện Kim Bảng, tỉnh Hà Nam"));
    expect(plain.parties.map((p) => p.name)).toEqual(["Phan Thi Hong V", "Do Van K", "Ngo Thi X"]);
    expect(plain.obligations.map((o) => [o.amountVnd, o.kind]).sort()).toEqual(
      extractCase(JUDGMENT).obligations.map((o) => [o.amountVnd, o.kind]).sort(),
    );
  });

  it("finds no obligation when the operative part is missing, even if the narrative recites a ruling", () => {
    const narrative = `Tại Bản án sơ thẩm, Tòa án đã quyết định: Buộc bà Cao Thị L có nghĩa vụ thanh toán cho ông Nguyễn Văn T số tiền 100.000.000 đồng. Bà L kháng cáo.`;
    const result = extractCase(narrative);
    expect(result.obligations).toEqual([]);
    expect(result.reviewReasons.join(" ")).toMatch(/Không tìm thấy phần QUYẾT ĐỊNH/);
  });

  it("does not count instalments of an amount already ordered", () => {
    const text = `QUYẾT ĐỊNH:
1. Công nhận sự thỏa thuận của các đương sự:
Nguyên đơn: Ông Hoàng Văn A, sinh năm 1970.
Bị đơn: Anh Nguyễn Đình B, sinh năm 1984.
2. Anh Nguyễn Đình B có nghĩa vụ trả cho ông Hoàng Văn A số tiền 300.000.000 đồng, chia làm 02 đợt như sau:
- Đợt 1: Trả 100.000.000 đồng trước ngày 30/5/2022;
- Đợt 2: Trả 200.000.000 đồng trước ngày 31/8/2022.`;
    const result = extractCase(text);
    expect(result.obligations.map((o) => [o.debtor, o.creditor, o.amountVnd])).toEqual([["Nguyễn Đình B", "Hoàng Văn A", 300_000_000]]);
  });

  it("reads a monthly child support and an equalisation payment written only in words", () => {
    const text = `Xử:
Nguyên đơn: Chị Lê Thu H. Bị đơn: Anh Vũ Minh T.
Anh Vũ Minh T có nghĩa vụ cấp dưỡng nuôi con chung mỗi tháng 2.500.000 đồng cho chị Lê Thu H.
Anh Vũ Minh T có nghĩa vụ thanh toán cho chị Lê Thu H giá trị chênh lệch tài sản là bảy mươi lăm triệu đồng.`;
    const result = extractCase(text);
    expect(result.obligations.map((o) => [o.amountVnd, o.kind, o.periodic])).toEqual([
      [2_500_000, "child_support", "month"],
      [75_000_000, "other", null],
    ]);
  });
});

describe("building blocks", () => {
  it("strips honorifics and birth years and splits names joined by và", () => {
    expect(readNames("Ông Đặng Văn Kh, sinh năm 1975 và bà Hà Thị L, sinh năm 1978", 0).map((n) => n.name)).toEqual(["Đặng Văn Kh", "Hà Thị L"]);
    expect(readNames("Chị Lương Thị Ng, sinh năm 1988.", 0).map((n) => n.name)).toEqual(["Lương Thị Ng"]);
    expect(readNames("Công ty TNHH Thương mại và Xây dựng Minh Khang (sau đây gọi tắt là Công ty Minh Khang).", 0).map((n) => n.name)).toEqual([
      "Công ty TNHH Thương mại và Xây dựng Minh Khang",
    ]);
  });

  it("finds the operative part under QUYẾT ĐỊNH, Xử or Tuyên xử, and not in a decision's title", () => {
    const decision = "QUYẾT ĐỊNH\nCÔNG NHẬN SỰ THỎA THUẬN\nNHẬN THẤY:\nabc\nQUYẾT ĐỊNH:\n1. Công nhận";
    const part = findOperativePart(decision, fold(decision));
    expect(decision.slice(part?.start)).toMatch(/^QUYẾT ĐỊNH:\n1\./);
    const older = "XÉT THẤY: abc\nXỬ:\nBuộc anh A trả";
    expect(older.slice(findOperativePart(older, fold(older))?.start)).toMatch(/^XỬ:/);
    const recited = "Tại Bản án sơ thẩm đã quyết định: Buộc bà L trả";
    expect(findOperativePart(recited, fold(recited))).toBeNull();
  });
});
