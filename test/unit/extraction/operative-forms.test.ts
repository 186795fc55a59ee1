import { describe, expect, it } from "vitest";
import { extractCase } from "#domain/extraction/extract-case.ts";

const judgment = (parties: string, operative: string, kind = "DS-ST") =>
  `TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN\nTỈNH HÀ NAM\n\nBản án số: 21/2025/${kind}\nNgày: 12 - 5 - 2025\n\nNHÂN DANH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n${parties}\n\nNỘI DUNG VỤ ÁN:\nNguyên đơn khởi kiện.\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\nYêu cầu có căn cứ.\n\nVì các lẽ trên,\n\nQUYẾT ĐỊNH:\n\n${operative}\n\nNơi nhận:\n- Các đương sự.`;

const PARTIES = "1. Nguyên đơn: Bà Vũ Thị Th, sinh năm 1968.\n2. Bị đơn: Anh Nguyễn Văn C, sinh năm 1980.";
const owed = (text: string) => extractCase(text).obligations.map((o) => [o.debtor, o.creditor, o.amountVnd, o.kind]);
const notOrdered = (text: string) => (extractCase(text).amountsNotOrdered ?? []).map((a) => [a.amountVnd, a.reason]);

describe("forms of the operative part", () => {
  it("orders the money a defendant appropriated ('số tiền đã chiếm đoạt'): 'đã' there describes, it does not settle", () => {
    const text = judgment(PARTIES, "1. Buộc anh Nguyễn Văn C phải trả lại cho bà Vũ Thị Th số tiền đã chiếm đoạt là 96.400.000 đồng.");
    expect(owed(text)).toEqual([["Nguyễn Văn C", "Vũ Thị Th", 96_400_000, "principal"]]);
  });

  it("reads what one party asks of another in a settlement's account as a claim, and the agreed sums as owed", () => {
    const text = judgment(
      PARTIES,
      "1. Công nhận sự thỏa thuận của các đương sự:\nNguyên đơn yêu cầu bị đơn thanh toán tiền nợ là 60.000.000 đồng và tiền lãi 8.000.000 đồng.\nCác đương sự thỏa thuận: anh Nguyễn Văn C có nghĩa vụ trả cho bà Vũ Thị Th 60.000.000 đồng tiền nợ gốc và 2.000.000 đồng tiền lãi.",
    );
    expect(owed(text)).toEqual([
      ["Nguyễn Văn C", "Vũ Thị Th", 60_000_000, "principal"],
      ["Nguyễn Văn C", "Vũ Thị Th", 2_000_000, "interest"],
    ]);
  });

  it("does not count a guarantor's duty that stands only if the debtor fails to pay", () => {
    const text = judgment(
      PARTIES,
      "1. Buộc anh Nguyễn Văn C phải trả cho bà Vũ Thị Th 150.000.000 đồng.\n2. Trường hợp anh Nguyễn Văn C không trả hoặc trả không đầy đủ thì bà Vũ Thị Th có quyền yêu cầu xử lý tài sản bảo đảm để thu hồi khoản nợ 150.000.000 đồng.",
    );
    expect(owed(text)).toEqual([["Nguyễn Văn C", "Vũ Thị Th", 150_000_000, "principal"]]);
    expect(notOrdered(text)).toEqual([[150_000_000, "conditional"]]);
  });

  it("sets an advance named after its amount against the fees ('Số tiền 300.000 đồng tạm ứng lệ phí ... chuyển thành lệ phí')", () => {
    const text = judgment(PARTIES, "2. Về án phí: Anh Nguyễn Văn C phải chịu 300.000 đồng án phí. Số tiền 300.000 đồng tạm ứng án phí bà Th đã nộp được chuyển thành án phí. Anh C có nghĩa vụ hoàn trả cho bà Th 300.000 đồng.");
    expect(owed(text)).toEqual([
      ["Nguyễn Văn C", "state budget", 300_000, "court_fee"],
      ["Nguyễn Văn C", "Vũ Thị Th", 300_000, "other"],
    ]);
  });

  it("gives the month's support for every child named when the order says 'mỗi cháu'", () => {
    const text = judgment(
      PARTIES,
      "1. Về con chung: Giao cháu Nguyễn Bảo T, sinh ngày 19/02/2013 và cháu Nguyễn Gia K, sinh ngày 07/10/2017 cho bà Vũ Thị Th trực tiếp nuôi dưỡng.\nAnh Nguyễn Văn C có nghĩa vụ cấp dưỡng nuôi con chung mỗi cháu 2.500.000 đồng/tháng.",
      "HNGĐ-ST",
    );
    expect(extractCase(text).obligations.map((o) => [o.amountVnd, o.kind, o.periodic])).toEqual([[5_000_000, "child_support", "month"]]);
  });

  it("reads OCR's 'đng' and an 'l' inside a number, and a spelled copy whose first words OCR damaged is not a second amount", () => {
    expect(owed(judgment(PARTIES, "1. Buộc anh Nguyễn Văn C phải trả cho bà Vũ Thị Th 6.000.000đng.")).map((o) => o[2])).toEqual([6_000_000]);
    expect(owed(judgment(PARTIES, "1. Buộc anh Nguyễn Văn C phải trả cho bà Vũ Thị Th số tiền 2l.600.000 đồng.")).map((o) => o[2])).toEqual([21_600_000]);
    const fee = judgment(PARTIES, "2. Anh Nguyễn Văn C phải chịu 13.100.000 đồng (Mười ba triệu mộ trăm nghìn đồng) án phí dân sự sơ thẩm.");
    expect(owed(fee)).toEqual([["Nguyễn Văn C", "state budget", 13_100_000, "court_fee"]]);
  });
});

describe("parties and document kind", () => {
  it("takes the petitioners a decision lists after 'Xét đơn yêu cầu ... của:'", () => {
    const text =
      "TÒA ÁN NHÂN DÂN KHU VỰC 7 - TÂY NINH\n\nSố: 05/2025/QĐST-DS\n\nQUYẾT ĐỊNH\nCÔNG NHẬN KẾT QUẢ HÒA GIẢI THÀNH NGOÀI TÒA ÁN\n\nXét đơn yêu cầu công nhận kết quả hòa giải thành ngoài Tòa án ngày 12 tháng 9 năm 2025 của:\n1. Bà Lê Thị B, sinh năm 1969; địa chỉ: xã Đức Lập.\n2. Ông Đỗ Văn N, sinh năm 1976; địa chỉ: xã Đức Lập.\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\nYêu cầu hợp pháp.\n\nQUYẾT ĐỊNH:\n1. Công nhận kết quả hòa giải thành ngoài Tòa án.";
    expect(extractCase(text).parties.map((p) => [p.name, p.role])).toEqual([
      ["Lê Thị B", "petitioner"],
      ["Đỗ Văn N", "petitioner"],
    ]);
  });

  it("keeps an organisation's name whole over 'Công trình' and over a line break, written on one line", () => {
    const text = judgment(
      "1. Nguyên đơn: Công ty TNHH Một thành viên Công trình Đô thị Bảo\nLộc; địa chỉ: phường 1.\n2. Bị đơn: Anh Nguyễn Văn C, sinh năm 1980.",
      "1. Buộc anh Nguyễn Văn C phải trả cho Công ty TNHH Một thành viên Công trình Đô thị Bảo Lộc 10.000.000 đồng.",
    );
    expect(extractCase(text).parties[0]?.name).toBe("Công ty TNHH Một thành viên Công trình Đô thị Bảo Lộc");
  });

  it("reads a published text without its first page as a judgment though it cites a bank's 'Công văn số ...'", () => {
    const text =
      "thuộc thẩm quyền giải quyết của Tòa án nhân dân huyện Krông Pắc theo quy định của Bộ luật Tố tụng dân sự.\n\n[2] Việc chuyển tiền được xác nhận bởi Công văn số 318/CV-CN ngày 12/3/2024 của ngân hàng. Hội đồng xét xử chấp nhận yêu cầu của nguyên đơn.\n\nQUYẾT ĐỊNH:\n1. Chấp nhận yêu cầu khởi kiện.";
    expect(extractCase(text).docType).toBe("judgment");
  });
});
