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

describe("payers, payees and parts (own batch i)", () => {
  const WORKERS = "1. Nguyên đơn: Bà Nguyễn Thị Hảo, sinh năm 1990; ông Thân Văn Quyết, sinh năm 1988.\n2. Bị đơn: Công ty TNHH Dệt may Quang Châu; địa chỉ: Bắc Ninh.\n3. Người có quyền lợi, nghĩa vụ liên quan: Bảo hiểm xã hội tỉnh Bắc Ninh; địa chỉ: Bắc Ninh.";

  it("counts the parts a total is paid out in ('..., chi trả như sau:') with the total's kind, and not the total", () => {
    const text = judgment(
      "1. Nguyên đơn: Ông Hoàng Minh T, sinh năm 1980.\n2. Bị đơn: Tổng Công ty Bảo hiểm An Thịnh; địa chỉ: Hà Nội.\n3. Người có quyền lợi, nghĩa vụ liên quan: Ngân hàng Thương mại cổ phần Phương Đông; địa chỉ: Hà Nội.",
      "1. Buộc Tổng Công ty Bảo hiểm An Thịnh phải bồi thường bảo hiểm cho ông Hoàng Minh T số tiền 738.000.000đ, chi trả như sau:\n- Trả cho Ngân hàng Thương mại cổ phần Phương Đông số tiền 412.350.000đ;\n- Trả cho ông Hoàng Minh T số tiền còn lại 325.650.000đ.",
    );
    expect(owed(text)).toEqual([
      ["Tổng Công ty Bảo hiểm An Thịnh", "Ngân hàng Thương mại cổ phần Phương Đông", 412_350_000, "compensation"],
      ["Tổng Công ty Bảo hiểm An Thịnh", "Hoàng Minh T", 325_650_000, "compensation"],
    ]);
  });

  it("reads a total of several payers' parts as a total, though deductions stand between the parts", () => {
    const text = judgment(
      "1. Nguyên đơn: Bà Điểu Thị H, sinh năm 1980.\n2. Bị đơn: Anh Trịnh Văn K, sinh năm 1985.\n3. Người có quyền lợi, nghĩa vụ liên quan: Công ty TNHH Vận tải Thành Lộc; địa chỉ: Đồng Nai.",
      "2. Tổng số tiền bồi thường thiệt hại cho bà Điểu Thị H là 262.600.000 đồng, trong đó:\n- Buộc Công ty TNHH Vận tải Thành Lộc bồi thường cho bà H 200.000.000 đồng, được trừ 60.000.000 đồng đã tạm ứng.\n- Buộc anh Trịnh Văn K bồi thường cho bà H 62.600.000 đồng.",
    );
    expect(owed(text)).toEqual([
      ["Công ty TNHH Vận tải Thành Lộc", "Điểu Thị H", 200_000_000, "compensation"],
      ["Trịnh Văn K", "Điểu Thị H", 62_600_000, "compensation"],
    ]);
    expect(extractCase(text).reviewReasons).toEqual([]);
  });

  it("takes the kind of the items from their heading ('4. Về thanh toán chênh lệch:')", () => {
    const text = judgment(PARTIES, "4. Về thanh toán chênh lệch:\n- Anh Nguyễn Văn C có nghĩa vụ thanh toán cho bà Vũ Thị Th 480.000.000 đồng.");
    expect(owed(text)).toEqual([["Nguyễn Văn C", "Vũ Thị Th", 480_000_000, "other"]]);
  });

  it("gives the heirs of a party who died the party's role, and drops the deceased", () => {
    const text = judgment(
      "- Nguyên đơn: Bà Trương Thị N, sinh năm 1977.\n- Bị đơn: Ông Lương Văn T, sinh năm 1970 (đã chết ngày 02/11/2024).\nNgười kế thừa quyền, nghĩa vụ tố tụng của ông Lương Văn T:\n1. Bà Vũ Thị Th, sinh năm 1973 (vợ ông T).\n2. Anh Lương Minh Q, sinh năm 1995 (con ông T).",
      "1. Buộc bà Vũ Thị Th và anh Lương Minh Q phải trả cho bà Trương Thị N 350.000.000 đồng trong phạm vi di sản.",
    );
    expect(extractCase(text).parties.map((p) => [p.name, p.role])).toEqual([
      ["Trương Thị N", "plaintiff"],
      ["Vũ Thị Th", "defendant"],
      ["Lương Minh Q", "defendant"],
    ]);
  });

  it("keeps joint debtors together over a note in brackets, and reads an office holder as a party", () => {
    const joint = judgment(
      "1. Nguyên đơn: Công ty TNHH Thép Nam Trung; địa chỉ: Đà Nẵng.\n2. Bị đơn: Ông Lê Hùng C, sinh năm 1975.\n3. Người có quyền lợi, nghĩa vụ liên quan: Bà Trần Thị Ngọc D, sinh năm 1978.",
      "1. Buộc ông Lê Hùng C (chủ Hộ kinh doanh Vật liệu xây dựng Hùng C) và bà Trần Thị Ngọc D liên đới thanh toán cho Công ty TNHH Thép Nam Trung 1.236.480.000 đồng.",
    );
    expect(owed(joint)[0]?.slice(0, 2)).toEqual(["Lê Hùng C, Trần Thị Ngọc D", "Công ty TNHH Thép Nam Trung"]);
    const office = judgment("1. Người khởi kiện: Bà Đinh Thị Phương Th, sinh năm 1986.\n2. Người bị kiện: Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh.", "1. Hủy Quyết định số 412/QĐ-STNMT.");
    expect(extractCase(office).parties.map((p) => [p.name, p.role])).toContainEqual(["Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh", "defendant"]);
  });

  it("pays what is 'nộp cho' a party to it, and each payee of a list its own amount, 'cho mỗi người' to every one", () => {
    const text = judgment(
      WORKERS,
      "2. Buộc Công ty TNHH Dệt may Quang Châu phải nộp cho Bảo hiểm xã hội tỉnh Bắc Ninh tiền bảo hiểm xã hội còn nợ 52.416.000 đồng.\n3. Buộc Công ty TNHH Dệt may Quang Châu trả tiền lương tháng 6/2025 cho bà Nguyễn Thị Hảo 7.800.000 đồng, ông Thân Văn Quyết 9.100.000 đồng; đồng thời trả cho mỗi người 1.500.000 đồng phụ cấp chuyên cần.",
    );
    expect(owed(text)).toEqual([
      ["Công ty TNHH Dệt may Quang Châu", "Bảo hiểm xã hội tỉnh Bắc Ninh", 52_416_000, "other"],
      ["Công ty TNHH Dệt may Quang Châu", "Nguyễn Thị Hảo", 9_300_000, "principal"],
      ["Công ty TNHH Dệt may Quang Châu", "Thân Văn Quyết", 10_600_000, "principal"],
    ]);
  });

  it("gives each payee 'mỗi người' its amounts, each of its own kind, and reads the two-person total as a total", () => {
    const text = judgment(
      "1. Nguyên đơn: Bà Nguyễn Thị Kim L, sinh năm 1980; ông Trần Văn B, sinh năm 1978.\n2. Bị đơn: Ông Lê Minh K, sinh năm 1975.",
      "1. Buộc ông LÊ MINH K phải trả cho bà NGUYỄN THỊ KIM L và ông TRẦN VĂN B mỗi người số tiền vốn góp 240.000.000 đồng và tiền lợi nhuận được chia 18.500.000 đồng; tổng cộng mỗi người 258.500.000 đồng, tổng cộng hai người 517.000.000 đồng.",
    );
    expect(owed(text)).toEqual([
      ["Lê Minh K", "Nguyễn Thị Kim L", 240_000_000, "principal"],
      ["Lê Minh K", "Trần Văn B", 240_000_000, "principal"],
      ["Lê Minh K", "Nguyễn Thị Kim L", 18_500_000, "other"],
      ["Lê Minh K", "Trần Văn B", 18_500_000, "other"],
    ]);
  });
});
