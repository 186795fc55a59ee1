/**
 * Data: Vietnam's 63 provinces and centrally-run cities and the 34 they became on 1 July 2025.
 * Read by the agency directory (vietnam-directory.ts), which intake and the report both use.
 */

export type ProvinceKind = "tỉnh" | "thành phố";

export interface ProvinceRecord {
  name: string;
  kind: ProvinceKind;
  /** Other spellings a court name may use for the same province (diacritics and case never matter). */
  aliases?: readonly string[];
}

export interface MergedProvince extends ProvinceRecord {
  /** The provinces that ceased on `effective` and form this one (an unchanged province lists itself). */
  formerProvinces: readonly ProvinceRecord[];
}

export const PROVINCE_SOURCES: readonly string[] = [
  "Nghị quyết 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (12/6/2025), hiệu lực 01/7/2025: 63 -> 34 tỉnh, thành phố; tên và thành phần từ /work/shared/DOMAIN.md, đối chiếu với Nghị quyết.",
  "Nghị quyết 175/2024/QH15: tỉnh Thừa Thiên Huế thành thành phố Huế trực thuộc trung ương từ 01/01/2025 (hai tên đều được nhận; trước 01/7/2025 cơ quan mang tên Cục THADS thành phố Huế).",
  "Tên cơ quan: trước 01/7/2025 'Cục Thi hành án dân sự <tỉnh/thành phố>' (Chi cục cấp huyện); từ 01/7/2025 'Thi hành án dân sự <tỉnh/thành phố>' với các Phòng THADS khu vực (theo DOMAIN.md).",
];

/** The day the 34 provinces and their agencies took over from the 63 (Resolution 202/2025/QH15). */
export const PROVINCE_MERGER_DATE = "2025-07-01";

const same = (record: ProvinceRecord): MergedProvince => ({ ...record, formerProvinces: [record] });
const tinh = (name: string, aliases?: readonly string[]): ProvinceRecord => ({ name, kind: "tỉnh", ...(aliases ? { aliases } : {}) });
const city = (name: string, aliases?: readonly string[]): ProvinceRecord => ({ name, kind: "thành phố", ...(aliases ? { aliases } : {}) });

const HUE_ALIASES = ["Thừa Thiên Huế", "Thừa Thiên - Huế"];
const HCM_ALIASES = ["HCM", "TPHCM", "TP.HCM", "Sài Gòn"];

/** The 34 provinces from 1 July 2025, each with the former provinces it was formed from. */
export const PROVINCES_2025: readonly MergedProvince[] = [
  // unchanged (11)
  same(city("Hà Nội")),
  same(city("Huế", HUE_ALIASES)),
  same(tinh("Lai Châu")),
  same(tinh("Điện Biên")),
  same(tinh("Sơn La")),
  same(tinh("Lạng Sơn")),
  same(tinh("Quảng Ninh")),
  same(tinh("Thanh Hóa")),
  same(tinh("Nghệ An")),
  same(tinh("Hà Tĩnh")),
  same(tinh("Cao Bằng")),
  // merged (23)
  { ...tinh("Tuyên Quang"), formerProvinces: [tinh("Tuyên Quang"), tinh("Hà Giang")] },
  { ...tinh("Lào Cai"), formerProvinces: [tinh("Lào Cai"), tinh("Yên Bái")] },
  { ...tinh("Thái Nguyên"), formerProvinces: [tinh("Thái Nguyên"), tinh("Bắc Kạn", ["Bắc Cạn"])] },
  { ...tinh("Phú Thọ"), formerProvinces: [tinh("Phú Thọ"), tinh("Vĩnh Phúc"), tinh("Hòa Bình")] },
  { ...tinh("Bắc Ninh"), formerProvinces: [tinh("Bắc Ninh"), tinh("Bắc Giang")] },
  { ...tinh("Hưng Yên"), formerProvinces: [tinh("Hưng Yên"), tinh("Thái Bình")] },
  { ...city("Hải Phòng"), formerProvinces: [city("Hải Phòng"), tinh("Hải Dương")] },
  { ...tinh("Ninh Bình"), formerProvinces: [tinh("Ninh Bình"), tinh("Hà Nam"), tinh("Nam Định")] },
  { ...tinh("Quảng Trị"), formerProvinces: [tinh("Quảng Trị"), tinh("Quảng Bình")] },
  { ...city("Đà Nẵng"), formerProvinces: [city("Đà Nẵng"), tinh("Quảng Nam")] },
  { ...tinh("Quảng Ngãi"), formerProvinces: [tinh("Quảng Ngãi"), tinh("Kon Tum", ["Kontum"])] },
  { ...tinh("Gia Lai"), formerProvinces: [tinh("Gia Lai"), tinh("Bình Định")] },
  { ...tinh("Khánh Hòa"), formerProvinces: [tinh("Khánh Hòa"), tinh("Ninh Thuận")] },
  { ...tinh("Lâm Đồng"), formerProvinces: [tinh("Lâm Đồng"), tinh("Đắk Nông", ["Đắc Nông"]), tinh("Bình Thuận")] },
  { ...tinh("Đắk Lắk", ["Đắc Lắc"]), formerProvinces: [tinh("Đắk Lắk", ["Đắc Lắc"]), tinh("Phú Yên")] },
  { ...city("Hồ Chí Minh", HCM_ALIASES), formerProvinces: [city("Hồ Chí Minh", HCM_ALIASES), tinh("Bình Dương"), tinh("Bà Rịa - Vũng Tàu")] },
  { ...tinh("Đồng Nai"), formerProvinces: [tinh("Đồng Nai"), tinh("Bình Phước")] },
  { ...tinh("Tây Ninh"), formerProvinces: [tinh("Tây Ninh"), tinh("Long An")] },
  { ...city("Cần Thơ"), formerProvinces: [city("Cần Thơ"), tinh("Sóc Trăng"), tinh("Hậu Giang")] },
  { ...tinh("Vĩnh Long"), formerProvinces: [tinh("Vĩnh Long"), tinh("Bến Tre"), tinh("Trà Vinh")] },
  { ...tinh("Đồng Tháp"), formerProvinces: [tinh("Đồng Tháp"), tinh("Tiền Giang")] },
  { ...tinh("Cà Mau"), formerProvinces: [tinh("Cà Mau"), tinh("Bạc Liêu")] },
  { ...tinh("An Giang"), formerProvinces: [tinh("An Giang"), tinh("Kiên Giang")] },
];
