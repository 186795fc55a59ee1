import { describe, expect, it } from "vitest";
import { assignAgency } from "#domain/agencies/assign-agency.ts";
import { resolveUnitOn } from "#domain/agencies/directory.ts";
import { vietnamDirectory } from "#domain/agencies/vietnam-directory.ts";
import type { ReasonCode } from "#domain/review-reasons.ts";

const directory = vietnamDirectory();
const BEFORE = "2025-03-10";
const AFTER = "2025-09-15";
const REGIONAL: ReasonCode = "agency.confirm-regional-office";
const DISTRICT: ReasonCode = "agency.confirm-district-office";

// [court as a judgment names it, date received, the agency it must reach, the review reason it raises]
const TABLE: Array<[string, string, string, ReasonCode?]> = [
  ["Tòa án nhân dân thành phố Hà Nội", AFTER, "Thi hành án dân sự thành phố Hà Nội"],
  ["TAND TP. Hà Nội", BEFORE, "Cục Thi hành án dân sự thành phố Hà Nội"],
  ["Tòa án nhân dân khu vực 1 - Hà Nội", AFTER, "Thi hành án dân sự thành phố Hà Nội", REGIONAL],
  ["Toà án nhân dân quận Hoàn Kiếm, thành phố Hà Nội", BEFORE, "Cục Thi hành án dân sự thành phố Hà Nội", DISTRICT],
  ["TAND tỉnh Thừa Thiên Huế", BEFORE, "Cục Thi hành án dân sự thành phố Huế"],
  ["Tòa án nhân dân thành phố Huế", AFTER, "Thi hành án dân sự thành phố Huế"],
  ["TAND tỉnh Lai Châu", BEFORE, "Cục Thi hành án dân sự tỉnh Lai Châu"],
  ["Tòa án nhân dân khu vực 2 - Lai Châu", AFTER, "Thi hành án dân sự tỉnh Lai Châu", REGIONAL],
  ["TAND huyện Điện Biên Đông, tỉnh Điện Biên", BEFORE, "Cục Thi hành án dân sự tỉnh Điện Biên", DISTRICT],
  ["Tòa án nhân dân tỉnh Điện Biên", AFTER, "Thi hành án dân sự tỉnh Điện Biên"],
  ["TAND thành phố Sơn La, tỉnh Sơn La", BEFORE, "Cục Thi hành án dân sự tỉnh Sơn La", DISTRICT],
  ["TAND khu vực 03 - Sơn La", AFTER, "Thi hành án dân sự tỉnh Sơn La", REGIONAL],
  ["TAND tỉnh Lạng Sơn", AFTER, "Thi hành án dân sự tỉnh Lạng Sơn"],
  ["Toa an nhan dan thanh pho Ha Long, tinh Quang Ninh", BEFORE, "Cục Thi hành án dân sự tỉnh Quảng Ninh", DISTRICT],
  ["TAND khu vực 1 - Quảng Ninh", AFTER, "Thi hành án dân sự tỉnh Quảng Ninh", REGIONAL],
  ["TAND tỉnh Thanh Hoá", BEFORE, "Cục Thi hành án dân sự tỉnh Thanh Hóa"],
  ["Tòa án nhân dân khu vực 5 - Thanh Hóa", AFTER, "Thi hành án dân sự tỉnh Thanh Hóa", REGIONAL],
  ["TAND thành phố Vinh, tỉnh Nghệ An", BEFORE, "Cục Thi hành án dân sự tỉnh Nghệ An", DISTRICT],
  ["TAND tỉnh Nghệ An", AFTER, "Thi hành án dân sự tỉnh Nghệ An"],
  ["TAND tỉnh Hà Tĩnh", BEFORE, "Cục Thi hành án dân sự tỉnh Hà Tĩnh"],
  ["Tòa án nhân dân khu vực 1 - Hà Tĩnh", AFTER, "Thi hành án dân sự tỉnh Hà Tĩnh", REGIONAL],
  ["TAND tỉnh Cao Bằng", AFTER, "Thi hành án dân sự tỉnh Cao Bằng"],
  ["TAND tỉnh Hà Giang", BEFORE, "Cục Thi hành án dân sự tỉnh Hà Giang"],
  ["TAND tỉnh Hà Giang", AFTER, "Thi hành án dân sự tỉnh Tuyên Quang"],
  ["TAND khu vực 1 - tỉnh Tuyên Quang", AFTER, "Thi hành án dân sự tỉnh Tuyên Quang", REGIONAL],
  ["TAND tỉnh Yên Bái", AFTER, "Thi hành án dân sự tỉnh Lào Cai"],
  ["TAND thành phố Lào Cai, tỉnh Lào Cai", BEFORE, "Cục Thi hành án dân sự tỉnh Lào Cai", DISTRICT],
  ["TAND tỉnh Bắc Kạn", AFTER, "Thi hành án dân sự tỉnh Thái Nguyên"],
  ["TAND tỉnh Thái Nguyên", BEFORE, "Cục Thi hành án dân sự tỉnh Thái Nguyên"],
  ["TAND tỉnh Vĩnh Phúc", AFTER, "Thi hành án dân sự tỉnh Phú Thọ"],
  ["TAND huyện Lương Sơn, tỉnh Hòa Bình", AFTER, "Thi hành án dân sự tỉnh Phú Thọ", REGIONAL],
  ["TAND tỉnh Phú Thọ", BEFORE, "Cục Thi hành án dân sự tỉnh Phú Thọ"],
  ["TAND tỉnh Bắc Giang", AFTER, "Thi hành án dân sự tỉnh Bắc Ninh"],
  ["Tòa án nhân dân khu vực 1 – Bắc Ninh", AFTER, "Thi hành án dân sự tỉnh Bắc Ninh", REGIONAL],
  ["TAND tỉnh Thái Bình", AFTER, "Thi hành án dân sự tỉnh Hưng Yên"],
  ["TAND tỉnh Hưng Yên", BEFORE, "Cục Thi hành án dân sự tỉnh Hưng Yên"],
  ["TAND tỉnh Hải Dương", AFTER, "Thi hành án dân sự thành phố Hải Phòng"],
  ["TAND quận Lê Chân, TP Hải Phòng", BEFORE, "Cục Thi hành án dân sự thành phố Hải Phòng", DISTRICT],
  ["TAND tỉnh Hà Nam", BEFORE, "Cục Thi hành án dân sự tỉnh Hà Nam"],
  ["TAND tỉnh Nam Định", AFTER, "Thi hành án dân sự tỉnh Ninh Bình"],
  ["TOÀ ÁN NHÂN DÂN TỈNH NINH BÌNH", BEFORE, "Cục Thi hành án dân sự tỉnh Ninh Bình"],
  ["Tòa án nhân dân thành phố Nam Định, tỉnh Nam Định", AFTER, "Phòng Thi hành án dân sự khu vực 8"],
  ["Tòa án nhân dân huyện Bình Lục, tỉnh Hà Nam", AFTER, "Phòng Thi hành án dân sự khu vực 7"],
  ["Tòa án nhân dân huyện Kim Sơn, tỉnh Ninh Bình", AFTER, "Phòng Thi hành án dân sự khu vực 4"],
  ["TAND huyện Hải Hậu, tỉnh Nam Định", BEFORE, "Chi cục Thi hành án dân sự huyện Hải Hậu"],
  ["Toa an nhan dan huyen Y Yen, tinh Nam Dinh", BEFORE, "Chi cục Thi hành án dân sự huyện Ý Yên"],
  ["TAND khu vực 12 - Ninh Bình", AFTER, "Phòng Thi hành án dân sự khu vực 12"],
  ["TAND tỉnh Quảng Bình", AFTER, "Thi hành án dân sự tỉnh Quảng Trị"],
  ["TAND khu vực 2 - Quảng Trị", AFTER, "Thi hành án dân sự tỉnh Quảng Trị", REGIONAL],
  ["TAND tỉnh Quảng Nam", AFTER, "Thi hành án dân sự thành phố Đà Nẵng"],
  ["TAND thành phố Đà Nẵng", BEFORE, "Cục Thi hành án dân sự thành phố Đà Nẵng"],
  ["TAND tỉnh Kon Tum", AFTER, "Thi hành án dân sự tỉnh Quảng Ngãi"],
  ["TAND tỉnh Quảng Ngãi", BEFORE, "Cục Thi hành án dân sự tỉnh Quảng Ngãi"],
  ["TAND tỉnh Bình Định", AFTER, "Thi hành án dân sự tỉnh Gia Lai"],
  ["TAND khu vực 1 - Gia Lai", AFTER, "Thi hành án dân sự tỉnh Gia Lai", REGIONAL],
  ["TAND tỉnh Ninh Thuận", AFTER, "Thi hành án dân sự tỉnh Khánh Hòa"],
  ["TAND thành phố Nha Trang, tỉnh Khánh Hòa", BEFORE, "Cục Thi hành án dân sự tỉnh Khánh Hòa", DISTRICT],
  ["TAND tỉnh Đắk Nông", AFTER, "Thi hành án dân sự tỉnh Lâm Đồng"],
  ["TAND tỉnh Bình Thuận", BEFORE, "Cục Thi hành án dân sự tỉnh Bình Thuận"],
  ["TAND khu vực 1 - Lâm Đồng", AFTER, "Thi hành án dân sự tỉnh Lâm Đồng", REGIONAL],
  ["TAND tỉnh Phú Yên", AFTER, "Thi hành án dân sự tỉnh Đắk Lắk"],
  ["Toa an nhan dan tinh Dak Lak", BEFORE, "Cục Thi hành án dân sự tỉnh Đắk Lắk"],
  ["TAND TP.HCM", AFTER, "Thi hành án dân sự thành phố Hồ Chí Minh"],
  ["TAND tỉnh Bình Dương", AFTER, "Thi hành án dân sự thành phố Hồ Chí Minh"],
  ["TAND tỉnh Bà Rịa - Vũng Tàu", AFTER, "Thi hành án dân sự thành phố Hồ Chí Minh"],
  ["Tòa án nhân dân Quận 1, Thành phố Hồ Chí Minh", BEFORE, "Cục Thi hành án dân sự thành phố Hồ Chí Minh", DISTRICT],
  ["TAND tỉnh Bình Phước", AFTER, "Thi hành án dân sự tỉnh Đồng Nai"],
  ["TAND khu vực 1 - Đồng Nai", AFTER, "Thi hành án dân sự tỉnh Đồng Nai", REGIONAL],
  ["TAND tỉnh Long An", AFTER, "Thi hành án dân sự tỉnh Tây Ninh"],
  ["TAND tỉnh Tây Ninh", BEFORE, "Cục Thi hành án dân sự tỉnh Tây Ninh"],
  ["TAND tỉnh Sóc Trăng", AFTER, "Thi hành án dân sự thành phố Cần Thơ"],
  ["TAND tỉnh Hậu Giang", BEFORE, "Cục Thi hành án dân sự tỉnh Hậu Giang"],
  ["TAND quận Ninh Kiều, thành phố Cần Thơ", BEFORE, "Cục Thi hành án dân sự thành phố Cần Thơ", DISTRICT],
  ["TAND tỉnh Bến Tre", AFTER, "Thi hành án dân sự tỉnh Vĩnh Long"],
  ["TAND tỉnh Trà Vinh", AFTER, "Thi hành án dân sự tỉnh Vĩnh Long"],
  ["TAND tỉnh Tiền Giang", AFTER, "Thi hành án dân sự tỉnh Đồng Tháp"],
  ["TAND tỉnh Đồng Tháp", BEFORE, "Cục Thi hành án dân sự tỉnh Đồng Tháp"],
  ["TAND tỉnh Bạc Liêu", AFTER, "Thi hành án dân sự tỉnh Cà Mau"],
  ["Tòa án nhân dân khu vực 1 - Cà Mau", AFTER, "Thi hành án dân sự tỉnh Cà Mau", REGIONAL],
  ["TAND tỉnh Kiên Giang", AFTER, "Thi hành án dân sự tỉnh An Giang"],
  ["TAND thành phố Long Xuyên, tỉnh An Giang", BEFORE, "Cục Thi hành án dân sự tỉnh An Giang", DISTRICT],
  ["TAND huyện Phú Quốc, tỉnh Kiên Giang (nay là Tòa án nhân dân khu vực 12 - An Giang)", AFTER, "Thi hành án dân sự tỉnh An Giang", REGIONAL],
];

describe("every court in Vietnam reaches its agency on the date the judgment arrives", () => {
  it.each(TABLE)("%s, received %s -> %s", (court, receivedOn, agency, code) => {
    const result = assignAgency(directory, court, receivedOn);

    expect(result).toMatchObject({ ok: true, unit: { name: agency } });
    expect(result.ok && result.reviewReasons.map((r) => r.code)).toEqual(code ? [code] : []);
  });

  it("covers all 34 provinces, before and after the merger, with at least 60 court names", () => {
    const provinces = new Set(
      TABLE.map(([court, receivedOn]) => {
        const result = assignAgency(directory, court, receivedOn);
        return result.ok ? resolveUnitOn(directory, result.unit.id, "2026-01-01").unit.province : null;
      }),
    );
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(provinces.size).toBe(34);
    expect(new Set(TABLE.map(([, receivedOn]) => receivedOn))).toEqual(new Set([BEFORE, AFTER]));
  });
});

describe("appeal judgments", () => {
  it("route a high court's judgment by the first-instance court it names", () => {
    const result = assignAgency(directory, "Tòa án nhân dân cấp cao tại Đà Nẵng", BEFORE, { firstInstanceCourt: "TAND tỉnh Quảng Nam" });
    expect(result).toMatchObject({ ok: true, unit: { name: "Cục Thi hành án dân sự tỉnh Quảng Nam" }, reviewReasons: [] });
  });

  it("route the Supreme People's Court's judgment by its first-instance court, on the date received", () => {
    const result = assignAgency(directory, "TÒA ÁN NHÂN DÂN TỐI CAO", AFTER, { firstInstanceCourt: "Tòa án nhân dân huyện Bình Lục, tỉnh Hà Nam" });
    expect(result).toMatchObject({ ok: true, unit: { id: "ninh-binh-kv-7" } });
  });

  it("route a provincial court's appeal by the district court whose judgment it reviewed", () => {
    const result = assignAgency(directory, "Tòa án nhân dân tỉnh Hà Nam", BEFORE, { firstInstanceCourt: "Tòa án nhân dân huyện Lý Nhân, tỉnh Hà Nam" });
    expect(result).toMatchObject({ ok: true, unit: { name: "Chi cục Thi hành án dân sự huyện Lý Nhân" }, reviewReasons: [] });
  });

  it("go to review when the judgment names no first-instance court", () => {
    expect(assignAgency(directory, "TAND cấp cao tại Thành phố Hồ Chí Minh", AFTER)).toEqual({
      ok: false,
      reviewReason: { code: "court.higher-without-first-instance", message: expect.stringContaining('"TAND cấp cao tại Thành phố Hồ Chí Minh"') },
    });
  });
});

describe("the province data", () => {
  it("maps the 63 former provinces onto the 34, each former province to exactly one new one, from 1 July 2025", () => {
    const former = directory.provinces.filter((province) => province.validTo === "2025-07-01");
    const current = directory.provinces.filter((province) => province.validFrom === "2025-07-01" && province.validTo === null);
    expect(former).toHaveLength(63);
    expect(current).toHaveLength(34);
    for (const province of former) expect(current.map((p) => p.id)).toContain(province.successor);
  });

  it("says where it comes from", () => {
    expect(directory.sources.join("\n")).toMatch(/202\/2025\/QH15/);
    expect(directory.sources.join("\n")).toMatch(/81\/2025\/UBTVQH15/);
  });
});
