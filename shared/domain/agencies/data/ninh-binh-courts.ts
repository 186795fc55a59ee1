/**
 * Data: the courts of the merged Ninh Bình province (former Hà Nam, Nam Định and Ninh Bình) and the
 * enforcement offices that receive their judgments, before and after 1 July 2025.
 */

export const NINH_BINH_COURT_SOURCES: readonly string[] = [
  "Chi cục THADS cấp huyện trước 01/7/2025: một Chi cục cho mỗi đơn vị hành chính cấp huyện (Hà Nam theo DOMAIN.md; Nam Định, Ninh Bình theo danh mục đơn vị hành chính cấp huyện đến 2024).",
  "TAND khu vực N - Ninh Bình và Tòa án cấp huyện mà mỗi tòa kế thừa: Nghị quyết 81/2025/UBTVQH15, Phụ lục (cột 'Tòa án nhân dân khu vực kế thừa ... Tòa án nhân dân cấp huyện'). " +
    "CHƯA ĐỐI CHIẾU: bảng dưới được ghi theo hiểu biết của người soạn, không có bản Phụ lục để so; số tòa khu vực (12) cũng chưa được xác nhận (DOMAIN.md). Phải đối chiếu trước khi dùng thật.",
  "Phòng THADS khu vực N nhận bản án của TAND khu vực N (DOMAIN.md: các phòng khu vực tương ứng với các tòa khu vực).",
  "Chưa mô hình hóa: việc nhập TP Ninh Bình và huyện Hoa Lư thành TP Hoa Lư, huyện Mỹ Lộc vào TP Nam Định đầu năm 2025.",
];

export interface FormerDistrict {
  /** The former province (before 1 July 2025). */
  province: "Hà Nam" | "Nam Định" | "Ninh Bình";
  level: "huyện" | "thị xã" | "thành phố";
  place: string;
  /** The regional court (TAND khu vực N - Ninh Bình) that took over this district court's territory. */
  region: number;
}

export const NINH_BINH_REGIONAL_COURTS = 12;

export const NINH_BINH_FORMER_DISTRICTS: readonly FormerDistrict[] = [
  { province: "Ninh Bình", level: "thành phố", place: "Ninh Bình", region: 1 },
  { province: "Ninh Bình", level: "huyện", place: "Hoa Lư", region: 1 },
  { province: "Ninh Bình", level: "thành phố", place: "Tam Điệp", region: 2 },
  { province: "Ninh Bình", level: "huyện", place: "Yên Mô", region: 2 },
  { province: "Ninh Bình", level: "huyện", place: "Nho Quan", region: 3 },
  { province: "Ninh Bình", level: "huyện", place: "Gia Viễn", region: 3 },
  { province: "Ninh Bình", level: "huyện", place: "Yên Khánh", region: 4 },
  { province: "Ninh Bình", level: "huyện", place: "Kim Sơn", region: 4 },
  { province: "Hà Nam", level: "thành phố", place: "Phủ Lý", region: 5 },
  { province: "Hà Nam", level: "huyện", place: "Thanh Liêm", region: 5 },
  { province: "Hà Nam", level: "thị xã", place: "Duy Tiên", region: 6 },
  { province: "Hà Nam", level: "huyện", place: "Kim Bảng", region: 6 },
  { province: "Hà Nam", level: "huyện", place: "Lý Nhân", region: 7 },
  { province: "Hà Nam", level: "huyện", place: "Bình Lục", region: 7 },
  { province: "Nam Định", level: "thành phố", place: "Nam Định", region: 8 },
  { province: "Nam Định", level: "huyện", place: "Mỹ Lộc", region: 8 },
  { province: "Nam Định", level: "huyện", place: "Vụ Bản", region: 8 },
  { province: "Nam Định", level: "huyện", place: "Ý Yên", region: 9 },
  { province: "Nam Định", level: "huyện", place: "Nam Trực", region: 10 },
  { province: "Nam Định", level: "huyện", place: "Trực Ninh", region: 10 },
  { province: "Nam Định", level: "huyện", place: "Xuân Trường", region: 11 },
  { province: "Nam Định", level: "huyện", place: "Giao Thủy", region: 11 },
  { province: "Nam Định", level: "huyện", place: "Hải Hậu", region: 12 },
  { province: "Nam Định", level: "huyện", place: "Nghĩa Hưng", region: 12 },
];
