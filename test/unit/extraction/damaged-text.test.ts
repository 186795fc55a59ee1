import { describe, expect, it } from "vitest";
import { extractCase } from "#domain/extraction/extract-case.ts";

const judgment = (parties: string, operative: string, heading = "QUYẾT ĐỊNH:") =>
  `TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN\nTỈNH HÀ NAM\n\nBản án số: 21/2025/DS-ST\nNgày: 12 - 5 - 2025\n\nNHÂN DANH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n${parties}\n\nNỘI DUNG VỤ ÁN:\nNguyên đơn khởi kiện đòi tiền vay.\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\nYêu cầu có căn cứ.\n\nVì các lẽ trên,\n\n${heading}\n\n${operative}\n\nNơi nhận:\n- Các đương sự.`;

const PARTIES = "1. Nguyên đơn: Bà Vũ Thị Th, sinh năm 1968.\n2. Bị đơn: Anh Nguyễn Văn C, sinh năm 1980.";
const ORDER = "1. Buộc anh Nguyễn Văn C phải trả cho bà Vũ Thị Th số tiền 180.000.000 đồng.\n2. Anh C phải chịu 9.000.000 đồng án phí dân sự sơ thẩm.";
const owed = (text: string) => extractCase(text).obligations.map((o) => [o.debtor, o.creditor, o.amountVnd]);

describe("damaged and differently printed texts", () => {
  it("reads party names printed in capitals after an honorific, and writes them as names", () => {
    const result = extractCase(judgment(PARTIES.replace("Vũ Thị Th", "VŨ THỊ TH").replace("Nguyễn Văn C", "NGUYỄN VĂN C"), ORDER));
    expect(result.parties.map((p) => [p.name, p.role])).toEqual([
      ["Vũ Thị Th", "plaintiff"],
      ["Nguyễn Văn C", "defendant"],
    ]);
    expect(owed(judgment(PARTIES.replace("Vũ Thị Th", "VŨ THỊ TH"), ORDER))[0]).toEqual(["Nguyễn Văn C", "Vũ Thị Th", 180_000_000]);
  });

  it("reads a defendant's name printed in capitals after the label alone ('Bị cáo: NGUYỄN VĂN AN')", () => {
    const text = judgment("- Bị cáo: NGUYỄN VĂN AN (tên gọi khác: Không), sinh ngày 10/5/1990; nơi cư trú: xã Nhân Hòa.\n- Bị hại: Ông TRẦN VĂN BÌNH, sinh năm 1970.", "1. Buộc bị cáo Nguyễn Văn An bồi thường cho ông Trần Văn Bình 5.000.000 đồng.").replace("DS-ST", "HS-ST");
    expect(extractCase(text).parties.map((p) => [p.name, p.role])).toEqual([
      ["Nguyễn Văn An", "defendant_criminal"],
      ["Trần Văn Bình", "victim"],
    ]);
  });

  it("does not take a wrapped sentence ending in a role word ('... cho các / nguyên đơn.') for a label over the items below", () => {
    const text = judgment(PARTIES, "1. Bà Vũ Thị Th được nhận lại giấy tờ đã giao cho các\nnguyên đơn.\n\n2. Buộc Công ty TNHH Dệt may Quang Châu trả cho bà Vũ Thị Th 7.800.000 đồng.");
    expect(extractCase(text).parties.map((p) => p.name)).toEqual(["Vũ Thị Th", "Nguyễn Văn C"]);
  });

  it("still takes a capitalised heading line for a heading, not a name", () => {
    const result = extractCase(judgment(`${PARTIES}\nNGƯỜI LÀM CHỨNG KHÁC`, ORDER));
    expect(result.parties.map((p) => p.name)).not.toContain("Người Làm Chứng Khác");
  });

  it("finds the operative part under a heading OCR lost a letter of", () => {
    expect(owed(judgment(PARTIES, ORDER, "QUET ĐỊNH:"))).toEqual([
      ["Nguyễn Văn C", "Vũ Thị Th", 180_000_000],
      ["Nguyễn Văn C", "state budget", 9_000_000],
    ]);
  });

  it("reads an instalment item with a doubled blank as an instalment, not a new debt", () => {
    const schedule = "1. Anh Nguyễn Văn C có nghĩa vụ trả cho bà Vũ Thị Th số tiền 180.000.000 đồng, chia làm 02 đợt:\n- Đợt 1: Trả 100.000.000 đồng trước ngày 30/5/2025;\n- Đợt  2: Trả 80.000.000 đồng trước ngày 30/8/2025.";
    expect(owed(judgment(PARTIES, schedule))).toEqual([["Nguyễn Văn C", "Vũ Thị Th", 180_000_000]]);
  });

  it("keeps the court's name apart from a damaged state motto printed beside it", () => {
    const text = judgment(PARTIES, ORDER).replace("TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN\nTỈNH HÀ NAM", "TÒA ÁN NHÂN DÂN CỘNG HO XÃ ỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN LÝ NHÂN Độc lập – Tự do – Hạnh phúc\nTỈNH HÀ NAM");
    expect(extractCase(text).court).toBe("Tòa án nhân dân huyện Lý Nhân, tỉnh Hà Nam");
  });
});
