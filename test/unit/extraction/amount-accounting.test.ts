import { describe, expect, it } from "vitest";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { normalizeDocumentText } from "#domain/extraction/text.ts";
import { foldText, nameTokens } from "#domain/search-keys.ts";

const decision = (operative: string, parties = "- Người yêu cầu giải quyết việc dân sự:\nÔng Trương Minh T, sinh năm 1975;\nBà Đào Thị C, sinh năm 1976;") =>
  `TÒA ÁN NHÂN DÂN HUYỆN KIM BẢNG\nTỈNH HÀ NAM\nSố: 12/2025/QĐST-HNGĐ\nKim Bảng, ngày 27 tháng 6 năm 2025\nQUYẾT ĐỊNH\nCÔNG NHẬN THUẬN TÌNH LY HÔN\n\n${parties}\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\nXét yêu cầu là phù hợp.\n\nQUYẾT ĐỊNH:\n${operative}\n\nNơi nhận:\n- Các đương sự.`;

const obligationsOf = (text: string) => extractCase(text).obligations.map((o) => [o.debtor, o.creditor, o.amountVnd, o.kind]);
const digits = (s: string) => s.replace(/(\d)\.(?=\d)/g, "$1");

describe("every amount of the operative part is accounted for", () => {
  it("names an amount it cannot tie to a payer in a Vietnamese review reason, with its item", () => {
    const result = extractCase(decision("1. Công nhận sự thuận tình ly hôn.\n2. Về lệ phí: Lệ phí sơ thẩm là 300.000 đồng."));
    expect(result.obligations).toEqual([]);
    expect(result.reviewReasons).toContain("Số tiền 300.000 đồng tại mục 2 chưa xác định được là khoản phải thi hành của ai");
  });

  it("ends each amount as an obligation, a stated non-obligation or a reason naming it", () => {
    const result = extractCase(
      decision(
        "1. Ông Trương Minh T phải trả cho bà Đào Thị C 50.000.000 đồng, được trừ 10.000.000 đồng ông T đã trả.\n2. Không chấp nhận yêu cầu của bà C đòi 20.000.000 đồng tiền lãi.\n3. Về lệ phí: ông T phải chịu 300.000 đồng lệ phí, được trừ vào tiền tạm ứng lệ phí đã nộp 300.000 đồng.\n4. Số tiền 7.000.000 đồng nói trên.",
      ),
    );
    const reasons = digits(result.reviewReasons.join(" | "));
    const accounted = [...result.obligations.map((o) => o.amountVnd), ...(result.amountsNotOrdered ?? []).map((a) => a.amountVnd)];
    for (const amount of [50_000_000, 10_000_000, 20_000_000, 300_000, 7_000_000]) {
      expect(accounted.includes(amount) || reasons.includes(String(amount)), `${amount} is accounted for`).toBe(true);
    }
    expect((result.amountsNotOrdered ?? []).map((a) => [a.amountVnd, a.reason])).toEqual(
      expect.arrayContaining([
        [10_000_000, "already-settled"],
        [20_000_000, "claim-rejected"],
        [300_000, "advance"],
      ]),
    );
  });
});

describe("fee clauses as real decisions print them", () => {
  it("reads a fee whose payers and verb follow the amount", () => {
    const text = decision("1. Công nhận sự thuận tình ly hôn.\n2. Về lệ phí: Lệ phí sơ thẩm là 300.000đồng (Ba trăm nghìn đẳng), ông Trương Minh T và bà Đào Thị C chịu toàn bộ, được cấn trừ số tiền tạm ứng lệ phí đã nộp là 300.000đồng.");
    expect(obligationsOf(text)).toEqual([["Trương Minh T, Đào Thị C", "state budget", 300_000, "court_fee"]]);
  });

  it("reads an advance forfeited to the state as the fee of those who paid it", () => {
    const text = decision("1. Đình chỉ việc xét đơn yêu cầu.\n2. Sung vào công quỹ Nhà nước số tiền tạm ứng lệ phí do ông Trương Minh T và bà Đào Thị C đã nộp 300.000 đồng theo biên lai số 0043801.");
    expect(obligationsOf(text)).toEqual([["Trương Minh T, Đào Thị C", "state budget", 300_000, "court_fee"]]);
  });

  it("gives each payer an obligation of their own when each bears a share", () => {
    const text = decision("1. Công nhận sự thuận tình ly hôn.\n2. Về lệ phí: Ông Trương Minh T và bà Đào Thị C mỗi người phải chịu 150.000 đồng lệ phí.");
    expect(obligationsOf(text)).toEqual([
      ["Trương Minh T", "state budget", 150_000, "court_fee"],
      ["Đào Thị C", "state budget", 150_000, "court_fee"],
    ]);
  });

  it("pays child support to the parent the child is given to", () => {
    const text = decision("1. Giao trẻ Trương Yến N, sinh ngày 14/01/2011 cho bà C trực tiếp nuôi dưỡng. Ghi nhận sự tự nguyện của ông T cấp dưỡng nuôi trẻ N với mức 6.000.000đồng/tháng.");
    expect(obligationsOf(text)).toEqual([["Trương Minh T", "Đào Thị C", 6_000_000, "child_support"]]);
  });
});

describe("OCR damage", () => {
  it("reads a name with a letter wrong, đẳng for đồng and I for 1 in an amount", () => {
    const text = decision("1. Buộc bị cáo Huưỷnh Thị T chịu I20.000 (Một trăm hai mươi nghìn) đẳng án phí hình sự sơ thẩm.", "- Bị cáo: Huỳnh Thị T, sinh năm 1990;");
    expect(obligationsOf(text)).toEqual([["Huỳnh Thị T", "state budget", 120_000, "court_fee"]]);
  });

  it("repairs the number's type code, a doubled Đ and a 5 for S", () => {
    const head = (no: string) => extractCase(`TÒA ÁN NHÂN DÂN HUYỆN KIM BẢNG\nSố: ${no}\nQUYẾT ĐỊNH\n`).caseNumber;
    expect(head("5635/2024/QĐÐST-HNGĐ")).toBe("5635/2024/QĐST-HNGĐ");
    expect(head("311/2025/H5-ST")).toBe("311/2025/HS-ST");
    expect(head("I52/2O25/DS-ST")).toBe("152/2025/DS-ST");
  });

  it("reads the date of a heading whose digits OCR read as letters", () => {
    expect(extractCase("TÒA ÁN NHÂN DÂN HUYỆN KIM BẢNG\nSố: 12/2024/QĐST-DS Kim Bảng, ngày 19 tháng I2 năm 2024\nQUYẾT ĐỊNH\n").issuedDate).toBe("2024-12-19");
  });

  it("folds the Icelandic Ð and ƣ as extraction does, for search keys too", () => {
    expect(foldText("ÐÀO THỊ HƢƠNG")).toBe("dao thi huong");
    expect(nameTokens("Ðào Thị Hƣơng")).toEqual(["dao", "thi", "huong"]);
  });

  it("reads tỉ as a spelling of tỷ in amounts written out", () => {
    const text = decision("1. Ông Trương Minh T phải trả cho bà Đào Thị C hai tỉ đồng.");
    expect(obligationsOf(text)).toEqual([["Trương Minh T", "Đào Thị C", 2_000_000_000, "principal"]]);
  });
});

describe("text normalisation on hostile input", () => {
  it("trims a line of 200,000 spaces in linear time", () => {
    const started = performance.now();
    normalizeDocumentText(`số tiền 1${" ".repeat(200_000)}x\n`.repeat(2));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("settlements and schedules", () => {
  const settlement = (items: string) =>
    decision(`1. Công nhận sự thỏa thuận của các đương sự.\n${items}`, "- Nguyên đơn: Bà Đào Thị C, sinh năm 1976;\n- Bị đơn: Ông Trương Minh T, sinh năm 1975;");

  it("takes a debt acknowledged in a settlement as owed, broken into principal and interest", () => {
    const text = settlement(
      "2. Ông Trương Minh T xác nhận còn nợ bà Đào Thị C tổng số tiền 391.270.000 đồng, trong đó: nợ gốc 350.000.000 đồng; nợ lãi trong hạn 28.350.000 đồng; nợ lãi quá hạn 12.920.000 đồng.\n3. Ông T có nghĩa vụ trả cho bà C toàn bộ số tiền 391.270.000 đồng nêu trên, trả làm 03 đợt: đợt 1 trước ngày 30/6/2024 trả 141.270.000 đồng; đợt 2 trước ngày 31/12/2024 trả 125.000.000 đồng; đợt 3 trước ngày 30/6/2025 trả 125.000.000 đồng.",
    );
    expect(obligationsOf(text)).toEqual([
      ["Trương Minh T", "Đào Thị C", 350_000_000, "principal"],
      ["Trương Minh T", "Đào Thị C", 41_270_000, "interest"],
    ]);
  });

  it("lets an order below supersede an acknowledged debt that was reduced", () => {
    const text = settlement(
      "2. Ông Trương Minh T xác nhận còn nợ bà Đào Thị C 342.000.000 đồng. Bà C tự nguyện giảm cho ông T 22.000.000 đồng.\n3. Ông Trương Minh T có nghĩa vụ trả cho bà Đào Thị C số tiền 320.000.000 đồng, chia làm 02 đợt như sau:\n- Đợt 1: Trả 120.000.000 đồng trước ngày 30/5/2022;\n- Đợt 2: Trả 200.000.000 đồng trước ngày 31/8/2022.",
    );
    expect(obligationsOf(text)).toEqual([["Trương Minh T", "Đào Thị C", 320_000_000, "principal"]]);
  });

  it("owes the halved fee worked out with 'tức là', not the full fee it was worked from", () => {
    const text = settlement(
      "2. Về án phí: Án phí dân sự sơ thẩm có giá ngạch là 7.500.000 đồng; do các đương sự thỏa thuận được trước khi mở phiên tòa nên ông Trương Minh T phải chịu 50% mức án phí, tức là 3.750.000 đồng.",
    );
    expect(obligationsOf(text)).toEqual([["Trương Minh T", "state budget", 3_750_000, "court_fee"]]);
  });
});

describe("forms of the operative part", () => {
  it("lets a verb in brackets govern only what the brackets hold", () => {
    const text = decision(
      "1. Buộc ông Trương Minh T phải trả cho bà Đào Thị C các khoản tiền sau:\n- Tiền thuê nhà còn nợ (sau khi đã đối trừ tiền đặt cọc 30.000.000 đồng): 90.000.000 đồng;\n- Tiền lãi chậm trả: 7.560.000 đồng.",
      "- Nguyên đơn: Bà Đào Thị C, sinh năm 1976;\n- Bị đơn: Ông Trương Minh T, sinh năm 1975;",
    );
    expect(obligationsOf(text)).toEqual([
      ["Trương Minh T", "Đào Thị C", 90_000_000, "principal"],
      ["Trương Minh T", "Đào Thị C", 7_560_000, "interest"],
    ]);
  });

  it("reads an advance handed back when the amount comes before its name", () => {
    const text = decision(
      "1. Về án phí: Ông Trương Minh T phải chịu 5.190.000 đồng án phí dân sự sơ thẩm. Trả lại cho bà Đào Thị C 2.595.000 đồng tiền tạm ứng án phí đã nộp theo biên lai số 0001187.",
      "- Nguyên đơn: Bà Đào Thị C, sinh năm 1976;\n- Bị đơn: Ông Trương Minh T, sinh năm 1975;",
    );
    expect(obligationsOf(text)).toEqual([
      ["Trương Minh T", "state budget", 5_190_000, "court_fee"],
      ["state budget", "Đào Thị C", 2_595_000, "other"],
    ]);
  });

  it("gives each defendant named after 'mỗi bị cáo' every fee the verb orders", () => {
    const text = decision(
      "1. Về án phí: Mỗi bị cáo Bùi Văn H1, Nguyễn Văn H2 phải chịu 200.000 đồng án phí hình sự sơ thẩm và 762.500 đồng án phí dân sự sơ thẩm.",
      "- Bị cáo: Bùi Văn H1, sinh năm 1990;\n- Bị cáo: Nguyễn Văn H2, sinh năm 1991;",
    );
    expect(obligationsOf(text)).toEqual([
      ["Bùi Văn H1", "state budget", 962_500, "court_fee"],
      ["Nguyễn Văn H2", "state budget", 962_500, "court_fee"],
    ]);
  });
});

describe("criminal and calculated amounts", () => {
  const criminal = (operative: string) => decision(operative, "- Bị cáo: Bùi Văn H1, sinh năm 1990;\n- Bị cáo: Nguyễn Văn H2, sinh năm 1991;");

  it("charges every defendant when each bears a fee and none is named", () => {
    expect(obligationsOf(criminal("1. Về án phí: Mỗi bị cáo phải chịu 200.000 đồng án phí hình sự sơ thẩm."))).toEqual([
      ["Bùi Văn H1", "state budget", 200_000, "court_fee"],
      ["Nguyễn Văn H2", "state budget", 200_000, "court_fee"],
    ]);
  });

  it("counts the result of a fee calculation once, not its operands", () => {
    const text = decision(
      "1. Về án phí: Án phí dân sự sơ thẩm là 357.000.000 đồng x 5% x 50% = 8.925.000 đồng, ông Trương Minh T tự nguyện chịu 8.925.000 đồng.",
    );
    expect(obligationsOf(text)).toEqual([["Trương Minh T", "state budget", 8_925_000, "court_fee"]]);
  });
});

describe("parties read from a damaged text", () => {
  it("gives a person known by a short name the full name the text repeats after an honorific", () => {
    const text = `- Theo đơn khởi kiện, chị Thái Yến N trình bày: Chị và anh Lê Út E chung sống từ năm 2019. Nay chị yêu cầu ly hôn anh Út E.
- Đối với anh Lê Út E, đã được tống đạt hợp lệ nhưng vắng mặt.
NHẬN ĐỊNH CỦA TÒA ÁN:
Chị Thái Yến N xin ly hôn anh Tê Út F là có căn cứ.
QUYẾT ĐỊNH:
- Anh Lê Út E có nghĩa vụ cấp dưỡng nuôi cháu K mỗi tháng 2.000.000đ.`;
    const names = extractCase(text).parties.map((p) => p.name);
    expect(names).toContain("Lê Út E");
    expect(names).not.toContain("Út E");
  });
});
