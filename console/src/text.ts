/** Every label of the console, in Vietnamese, in one place. */
import { STATE_LABELS } from "../../shared/domain/lifecycle/states.ts";
import { STATE_BUDGET } from "../../shared/domain/case.ts";
import { capitalized, CASE_STATUS_LABELS as DOMAIN_CASE_STATUS_LABELS, OBLIGATION_KIND_LABELS as DOMAIN_OBLIGATION_KIND_LABELS } from "../../shared/domain/labels.ts";

/** The domain's labels, each opening with a capital as the console shows them in columns and headings. */
const capitalizedAll = <K extends string>(labels: Record<K, string>): Record<K, string> =>
  Object.fromEntries(Object.entries<string>(labels).map(([key, label]) => [key, capitalized(label)])) as Record<K, string>;

export const APP_TITLE = "Hồ sơ thi hành án dân sự";

export const ROLE_LABELS = { court: "Tòa án", staff: "Cán bộ thi hành án", leader: "Lãnh đạo" } as const;

export const CASE_STATUS_LABELS = capitalizedAll(DOMAIN_CASE_STATUS_LABELS);

export const MATTER_STATE_LABELS = capitalizedAll(STATE_LABELS);

export const OBLIGATION_KIND_LABELS = capitalizedAll(DOMAIN_OBLIGATION_KIND_LABELS);

export { PARTY_ROLE_LABELS } from "../../shared/domain/labels.ts";

export const STEP_LABELS = {
  verify: "Xác minh điều kiện thi hành",
  collect: "Thu tiền",
  reduce: "Giảm",
  postpone: "Hoãn",
  suspend: "Tạm đình chỉ",
  resume: "Tiếp tục thi hành",
  terminate: "Đình chỉ",
  complete: "Thi hành xong",
} as const;

export const FIELD_LABELS: Record<string, string> = {
  docType: "Loại văn bản",
  caseNumber: "Số bản án/quyết định",
  issuedDate: "Ngày ban hành",
  court: "Tòa án",
  caseCategory: "Loại vụ việc",
  subject: "Về việc",
  creditInstitutionInvolved: "Có tổ chức tín dụng",
  parties: "Đương sự",
  obligations: "Nghĩa vụ trả tiền",
};

export const UPLOAD_FATE_LABELS = {
  queued: "Chờ gửi",
  uploading: "Đang gửi",
  processing: "Đang xử lý",
  reading: "Đang đọc (nhận dạng chữ)",
  filed: "Đã vào sổ",
  needs_review: "Đã vào sổ, cần cán bộ xem xét",
  duplicate: "Trùng với hồ sơ đã gửi",
  unreadable: "Không đọc được",
  failed: "Gửi không thành công",
} as const;
export type UploadFate = keyof typeof UPLOAD_FATE_LABELS;

export const MESSAGES = {
  signIn: "Đăng nhập",
  signOut: "Đăng xuất",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  wrongPassword: "Tên đăng nhập hoặc mật khẩu không đúng.",
  wrongCode: "Mã xác thực không đúng hoặc đã hết hạn.",
  mfaCode: "Mã xác thực (6 số trên ứng dụng xác thực)",
  accountNotReady: "Tài khoản chưa sẵn sàng (cần đặt mật khẩu mới hoặc cài ứng dụng xác thực): vui lòng liên hệ quản trị hệ thống.",
  forbidden: "Bạn không có quyền thực hiện thao tác này.",
  networkError: "Không kết nối được máy chủ. Vui lòng thử lại.",
  sessionExpired: "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.",
  loading: "Đang tải…",
  noData: "Không có dữ liệu",
  search: "Tìm kiếm",
  reset: "Xóa điều kiện",
  nextPage: "Trang sau",
  firstPage: "Trang đầu",
  save: "Lưu",
  cancel: "Hủy",
  needCriterion: "Nhập ít nhất một điều kiện tìm kiếm (tên đương sự, số bản án, tòa án, đơn vị, trạng thái, khoảng ngày hoặc khoảng tiền).",
} as const;

/** A debtor or creditor as people read it: the state budget by its Vietnamese name. */
export const partyLabel = (name: string): string => (name === STATE_BUDGET ? "Ngân sách nhà nước" : name);
