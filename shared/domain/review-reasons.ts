/**
 * Every message staff read (review reasons, refused API requests, CLI lines) has a stable code and a Vietnamese
 * text built here, from the code and its parameters. Logs carry the code only; people read the text.
 *
 * In a case (stored, API, `thads extract --json`) `reviewReasons` stays an array of texts, and `reviewCodes` is
 * the array of their codes at the same positions. A reason whose code is not known (extraction's own reasons,
 * until they move to this registry) has the code UNCODED_REASON.
 */

type Params = Record<string, string | number>;

interface Template<P extends Params> {
  /** Parameters that show the message in use (the registry test renders every code with them). */
  example: P;
  render: (params: P) => string;
}

const template = <P extends Params>(example: P, render: (params: P) => string): Template<P> => ({ example, render });

/** "2025-07-01" -> "01/07/2025", as Vietnamese documents write dates. */
export function vietnameseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

const COURT = "Tòa án nhân dân huyện Kim Bảng, tỉnh Hà Nam";
const AGENCY = "Thi hành án dân sự tỉnh Ninh Bình";

export const REASON_TEMPLATES = {
  // which agency receives the judgment (shared/domain/agencies)
  "court.missing": template({}, () => "Không đọc được tên tòa án: chưa xác định được cơ quan thi hành án nhận bản án"),
  "court.unknown": template({ court: COURT }, (p) => `Không nhận ra tòa án "${p.court}": chưa có cơ quan thi hành án nào được giao nhận bản án của tòa này`),
  "court.ambiguous": template({ court: "Tòa án nhân dân khu vực 3" }, (p) => `Tên tòa án "${p.court}" ứng với nhiều tòa án: cần ghi rõ tỉnh, thành phố`),
  "court.not-in-service": template(
    { court: "Tòa án nhân dân khu vực 3 - Ninh Bình", date: "2025-03-10" },
    (p) => `Vào ngày ${vietnameseDate(String(p.date))}, chưa có cơ quan thi hành án nhận bản án của "${p.court}"`,
  ),
  "court.higher-without-first-instance": template(
    { court: "Tòa án nhân dân cấp cao tại Hà Nội" },
    (p) => `Bản án của "${p.court}" (tòa án cấp trên) không nêu tòa án xét xử sơ thẩm: cần chọn cơ quan thi hành án`,
  ),
  "agency.confirm-regional-office": template(
    { court: "Tòa án nhân dân khu vực 2 - Cà Mau", agency: "Thi hành án dân sự tỉnh Cà Mau" },
    (p) => `Đã giao cho ${p.agency}; danh mục chưa có Phòng Thi hành án dân sự khu vực nhận bản án của "${p.court}": cần xác nhận phòng khu vực`,
  ),
  "agency.confirm-district-office": template(
    { court: "Tòa án nhân dân huyện Gia Lâm, thành phố Hà Nội", agency: "Cục Thi hành án dân sự thành phố Hà Nội" },
    (p) => `Đã giao cho ${p.agency}; danh mục chưa có Chi cục Thi hành án dân sự nhận bản án của "${p.court}": cần xác nhận chi cục`,
  ),
  "agency.assignment-unconfirmed": template({ court: COURT, agency: AGENCY }, (p) => `Việc giao bản án của "${p.court}" cho ${p.agency} chưa được xác nhận`),
  "agency.successor": template(
    { court: COURT, date: "2025-07-01", agency: AGENCY },
    (p) => `"${p.court}" đã thôi hoạt động từ ngày ${vietnameseDate(String(p.date))}: đã giao cho đơn vị kế thừa ${p.agency}; cần xác nhận đơn vị nhận`,
  ),
  "agency.succession-unconfirmed": template({ agency: AGENCY }, (p) => `Việc ${p.agency} kế thừa đơn vị cũ chưa được xác nhận`),
  "agency.no-successor": template(
    { court: COURT, date: "2025-07-01" },
    (p) => `"${p.court}" đã thôi hoạt động từ ngày ${vietnameseDate(String(p.date))} và đơn vị nhận bản án của tòa không có đơn vị kế thừa`,
  ),
  "agency.unit-missing": template({ court: COURT }, (p) => `Đơn vị được giao nhận bản án của "${p.court}" không có trong danh mục đơn vị`),

  // documents intake could not read (shared/domain/document/unreadable-document-error.ts)
  "document.empty": template({}, () => "Không đọc được tài liệu: tệp rỗng (0 byte)"),
  "document.unsupported-type": template({}, () => "Không đọc được tài liệu: chỉ nhận tệp PDF, PNG, JPEG, TIFF hoặc văn bản UTF-8/UTF-16"),
  "document.corrupt": template({}, () => "Không đọc được tài liệu: tệp bị hỏng hoặc không đúng định dạng như tên gọi"),
  "document.truncated": template({}, () => "Không đọc được tài liệu: tệp PDF bị cắt cụt, có lẽ tải lên chưa xong; cần gửi lại tệp đầy đủ"),
  "document.encrypted": template({}, () => "Không đọc được tài liệu: tệp PDF có mật khẩu; cần gửi bản không đặt mật khẩu"),
  "document.too-large": template({}, () => "Không đọc được tài liệu: tệp vượt quá dung lượng hoặc số trang mà công cụ nhận dạng chữ (OCR) nhận"),
  "document.needs-ocr": template({}, () => "Không đọc được tài liệu: bản quét hoặc ảnh chỉ đọc được bằng nhận dạng chữ (OCR), mà OCR chưa được bật"),
  "document.no-text": template({}, () => "Không đọc được tài liệu: không tìm thấy chữ nào (trang trắng, ảnh không có chữ hoặc bản quét quá mờ)"),
  "document.ocr-failed": template({}, () => "Nhận dạng chữ (OCR) thất bại: cần đọc bản gốc"),
  "document.pages-unread": template({ pages: "2, 3" }, (p) => `Trang ${p.pages}: không có lớp chữ dùng được và nhận dạng chữ (OCR) không đọc được`),

  // cases (shared/use-cases/intake-steps.ts)
  "case.duplicate-number": template(
    { caseIds: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c" },
    (p) => `Số bản án, quyết định này đã có ở hồ sơ ${p.caseIds} của cùng tòa án: có thể là bản quét trùng`,
  ),

  // what extraction could not read (shared/domain/extraction/review-reasons.ts)
  "extraction.not-a-judgment": template({}, () => "Không nhận ra văn bản là bản án hay quyết định: cần xác định loại văn bản"),
  "extraction.doc-type-guessed": template({}, () => "Loại văn bản được suy ra từ nội dung (không đọc được tiêu đề): cần kiểm tra bản án hay quyết định"),
  "extraction.case-number-missing": template({}, () => "Không tìm thấy số bản án/quyết định (có thể thiếu trang đầu): cần nhập số"),
  "extraction.case-number-partial": template({ printed: "2267 ST-KDTM" }, (p) => `Số bản án/quyết định đọc được không đầy đủ ("${p.printed}"): cần kiểm tra số, năm và ký hiệu`),
  "extraction.court-missing": template({}, () => "Không xác định được Tòa án ban hành: cần nhập tên Tòa án"),
  "extraction.date-missing": template({}, () => "Không tìm thấy ngày ban hành: cần nhập ngày"),
  "extraction.parties-missing": template({}, () => "Không tìm thấy đương sự: cần nhập các đương sự"),
  "extraction.operative-part-missing": template({}, () => "Không tìm thấy phần QUYẾT ĐỊNH/XỬ: các khoản tiền phải thi hành có thể bị thiếu"),
  "extraction.amount-unassigned": template({ amount: "300.000", where: " tại mục 2" }, (p) => `Số tiền ${p.amount} đồng${p.where} chưa xác định được là khoản phải thi hành của ai`),
  "extraction.amount-no-debtor": template({ amount: "300.000", where: " tại mục 2" }, (p) => `Số tiền ${p.amount} đồng${p.where} chưa xác định được người phải trả/nộp`),
  "extraction.amount-no-creditor": template({ amount: "300.000", where: " tại mục 2" }, (p) => `Số tiền ${p.amount} đồng${p.where} chưa xác định được người được nhận`),
  "extraction.creditor-inferred": template({ amount: "300.000" }, (p) => `Khoản ${p.amount} đồng: người được nhận được suy ra từ vai trò đương sự, cần kiểm tra`),
  "extraction.words-disagree": template({ amount: "300.000", spelled: "3.000.000" }, (p) => `Khoản ${p.amount} đồng: số tiền bằng chữ (${p.spelled}) không khớp số bằng số`),

  // proposed enforcement matters (shared/domain/matters)
  "matter.periodic-amount-unset": template(
    { obligation: 2 },
    (p) => `Nghĩa vụ cấp dưỡng định kỳ số ${p.obligation}: không rõ ngày ban hành hoặc ngày ban hành sau ngày nhận; tạm tính một kỳ, cần nhập số tiền phải thi hành`,
  ),
  "matter.ex-officio-not-state-budget": template(
    { obligation: 3, creditor: "Công ty TNHH An Phát" },
    (p) => `Nghĩa vụ số ${p.obligation} (án phí, tiền phạt hoặc tịch thu) lại trả cho "${p.creditor}" chứ không nộp ngân sách nhà nước`,
  ),

  // steps on enforcement matters (shared/use-cases/matters.ts): the audit reason when staff give none, and refusals
  "matter.opened": template(
    { decision: "215/QĐ-CCTHADS", date: "2025-03-20" },
    (p) => `Thụ lý theo quyết định thi hành án số ${p.decision} ngày ${vietnameseDate(String(p.date))}`,
  ),
  "matter.step-recorded": template({ step: "hoãn thi hành án" }, (p) => `Ghi nhận: ${p.step}`),
  "matter.illegal-transition": template(
    { from: "thi hành xong", to: "hoãn" },
    (p) => `Việc đang ở trạng thái "${p.from}": không chuyển sang "${p.to}" được`,
  ),
  "matter.not-collecting": template(
    { state: "tạm đình chỉ" },
    (p) => `Chỉ thu tiền khi việc có điều kiện thi hành, đang thi hành hoặc hoãn; việc đang ở trạng thái "${p.state}"`,
  ),
  "matter.not-reducible": template({ state: "thi hành xong" }, (p) => `Không giảm số tiền phải thi hành được khi việc ở trạng thái "${p.state}"`),
  "matter.over-balance": template(
    { amount: "3.000.000", balance: "1.500.000" },
    (p) => `Số tiền ${p.amount} đồng vượt số còn phải thi hành (${p.balance} đồng)`,
  ),
  "matter.invalid-amount": template({}, () => "Số tiền phải là số nguyên dương, tính bằng đồng"),
  "matter.out-of-order": template(
    { date: "2025-03-01", last: "2025-03-20" },
    (p) => `Ngày ${vietnameseDate(String(p.date))} trước ngày của bước ghi gần nhất (${vietnameseDate(String(p.last))})`,
  ),
  "matter.invalid-audit": template({}, () => "Mỗi bước cần ghi người thực hiện và lý do"),
  "matter.version-conflict": template(
    { matterId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0+1", version: 3 },
    (p) => `Việc ${p.matterId} không còn ở phiên bản ${p.version}: đã có người ghi bước khác; hãy tải lại và ghi lại`,
  ),
  "matter.invalid-split": template({}, () => "Cách tách việc không hợp lệ: cần ít nhất hai nhóm, mỗi khoản thuộc đúng một nhóm"),
  "matter.invalid-merge": template(
    {},
    () => "Chỉ gộp được các việc đề xuất của cùng hồ sơ, cùng loại (chủ động hoặc theo đơn) và cùng đơn vị; người phải thi hành hoặc người được thi hành khác nhau thì cần ghi rõ",
  ),
  "matter.proposals-changed": template(
    { caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c" },
    (p) => `Các việc đề xuất của hồ sơ ${p.caseId} đã thay đổi hoặc đã được thụ lý; hãy tải lại`,
  ),
  "matter.already-open": template({ proposalId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0+1" }, (p) => `Việc đề xuất ${p.proposalId} đã được thụ lý`),
  "matter.missing-unit": template(
    { proposalId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0+1" },
    (p) => `Việc đề xuất ${p.proposalId} chưa có đơn vị thi hành án nhận: cần chọn đơn vị`,
  ),

  // notes of the semiannual report, written into its files (shared/domain/report, shared/use-cases/report-from-cases.ts)
  "report.unclassified-at-period-end": template(
    { count: 2 },
    (p) => `${p.count} việc còn đang thụ lý (chưa phân loại) vào cuối kỳ, được tính vào mục khác`,
  ),
  "report.unconfirmed-succession": template({ step: "ha-nam-kim-bang -> ninh-binh" }, (p) => `Đã dùng việc kế thừa đơn vị chưa được xác nhận: ${p.step}`),
  "report.unit-not-in-directory": template(
    { unit: "ha-nam-kim-bang", version: "2025-07-01" },
    (p) => `Đơn vị ${p.unit} không có trong danh mục đơn vị phiên bản ${p.version}`,
  ),
  "report.unassigned-left-out": template(
    { count: 3 },
    (p) => `Không tính ${p.count} việc đề xuất: chưa có đơn vị thi hành án nào nhận bản án của tòa án đã xử`,
  ),

  // refused API requests (HTTP 4xx)
  "request.invalid": template({ fields: "dateFrom, body.sizeBytes" }, (p) => `Yêu cầu không hợp lệ ở trường: ${p.fields}`),
  "request.malformed": template({}, () => "Yêu cầu không đúng định dạng"),
  "request.not-court-uploader": template({}, () => "Chỉ tài khoản tải lên của tòa án mới được gửi tài liệu"),
  "request.no-identity": template({}, () => "Yêu cầu không mang danh tính người dùng đã đăng nhập"),
  "request.no-role": template({}, () => "Tài khoản chưa thuộc đúng một nhóm (tòa án, cán bộ hoặc lãnh đạo) hoặc thiếu mã tòa án/đơn vị của nhóm đó"),
  "request.role-refused": template({ role: "lãnh đạo" }, (p) => `Tài khoản ${p.role} không được dùng chức năng này`),
  "request.other-unit": template({ unitId: "ninh-binh-kv-7" }, (p) => `Hồ sơ hoặc việc này thuộc đơn vị ${p.unitId}, không thuộc đơn vị của tài khoản`),
  "request.no-unit": template({}, () => "Hồ sơ hoặc việc này chưa được giao cho đơn vị nào; chỉ lãnh đạo xem được"),
  "upload.duplicate": template({ caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c" }, (p) => `Tài liệu trùng với tài liệu đã gửi trước (hồ sơ ${p.caseId}); không lập hồ sơ mới`),
  "auth.unauthenticated": template({}, () => "Cần đăng nhập: yêu cầu thiếu mã xác thực, hoặc mã không hợp lệ hay đã hết hạn"),
  "auth.sign-in-failed": template({}, () => "Sai tên đăng nhập hoặc mật khẩu"),
  "request.item-too-large": template(
    { what: "hồ sơ", kilobytes: 420, limit: 380 },
    (p) => `Nội dung sửa làm ${p.what} chiếm ${p.kilobytes} KB, vượt giới hạn lưu trữ ${p.limit} KB: cần gửi ít mục hơn hoặc ngắn hơn`,
  ),
  "request.content-type": template({}, () => "Loại tệp (contentType) phải là application/pdf, image/png, image/jpeg hoặc image/tiff"),
  "request.size": template({ maxBytes: 50_000_000 }, (p) => `Dung lượng tệp (sizeBytes) phải từ 1 đến ${p.maxBytes} byte`),
  "request.case-not-found": template({ caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c" }, (p) => `Không có hồ sơ ${p.caseId}`),
  "request.proposal-not-found": template(
    { caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", proposalId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0+1" },
    (p) => `Hồ sơ ${p.caseId} không có việc đề xuất ${p.proposalId}`,
  ),
  "request.matter-not-found": template(
    { caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", matterId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0+1" },
    (p) => `Hồ sơ ${p.caseId} không có việc thi hành án ${p.matterId}`,
  ),
  "request.date-range": template({}, () => "Ngày bắt đầu (dateFrom) sau ngày kết thúc (dateTo)"),
  "request.amount-range": template({}, () => "Số tiền tối thiểu (minAmountVnd) lớn hơn số tiền tối đa (maxAmountVnd)"),
  "request.cursor": template({}, () => "Con trỏ trang (cursor) không phải do hệ thống này trả về"),
  "request.date-range-too-long": template(
    { months: 12 },
    (p) => `Chỉ tìm theo khoảng ngày thì khoảng đó tối đa ${p.months} tháng; hãy thêm tòa án, cơ quan thi hành án hoặc trạng thái`,
  ),
  "request.case-number-empty": template({}, () => "Số bản án (caseNumber) không có chữ hoặc số nào"),
  "request.party-name-empty": template({}, () => "Tên đương sự (partyName) không có chữ hoặc số nào"),
  "request.no-criterion": template(
    {},
    () => "Cần ít nhất một tiêu chí tìm kiếm: tên đương sự, số bản án, tòa án, cơ quan thi hành án, trạng thái, khoảng ngày (từ và đến) hoặc khoảng số tiền",
  ),
  "request.version-conflict": template(
    { caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c", version: 3 },
    (p) => `Hồ sơ ${p.caseId} không còn ở phiên bản ${p.version}; hãy tải lại và sửa lại`,
  ),
  "request.if-match-required": template({}, () => 'Cần gửi tiêu đề If-Match với ETag của phiên bản đã sửa, ví dụ If-Match: "3"'),
  "request.internal": template({}, () => "Lỗi nội bộ; hãy thử lại sau"),

  // the thads CLI
  "file.not-found": template({}, () => "Không có tệp này"),
  "file.is-directory": template({}, () => "Đây là thư mục, không phải tệp"),
  "file.permission-denied": template({}, () => "Không có quyền đọc tệp"),
  "ocr.unavailable": template({}, () => "Không chạy được nhận dạng chữ (OCR) trên máy này: thiếu chương trình hoặc dữ liệu tiếng Việt; cài đặt bằng scripts/install-system-deps.sh"),
  "cli.unknown-command": template({ command: "xoa" }, (p) => `Không có lệnh '${p.command}'; chạy 'thads --help' để xem danh sách lệnh`),
  "cli.internal": template({ detail: "ENOSPC" }, (p) => `Lỗi nội bộ: ${p.detail}`),
  "cli.not-sent-type": template({}, () => "Không gửi: hệ thống chỉ nhận tệp PDF, PNG, JPEG và TIFF (tệp văn bản thì đọc bằng 'thads extract')"),
  "cli.no-case-written": template({}, () => "Không có hồ sơ nào được ghi mà cũng không có lỗi nào được báo"),
  "cli.report-built": template({ period: "2026-H1", cases: 5 }, (p) => `Đã lập báo cáo kỳ ${p.period} từ ${p.cases} hồ sơ`),
  "cli.nothing-to-ingest": template({}, () => "Không có tệp nào để gửi"),
  "cli.port-taken": template({ port: 4280 }, (p) => `Cổng ${p.port} đang bị chiếm; chọn cổng khác bằng THADS_PORT=N npm start (0: cổng trống bất kỳ)`),
  "cli.stack-already-running": template(
    { pid: 4242, api: "http://127.0.0.1:4280" },
    (p) => `Đã có hệ thống chạy trên thư mục dữ liệu này (tiến trình ${p.pid}${p.api ? `, API hồ sơ tại ${p.api}` : ""})`,
  ),
  "cli.java-missing": template(
    {},
    () => "DynamoDB Local cần Java nhưng máy chưa cài; cài bằng: bash scripts/setup.sh (Debian: apt-get install default-jre-headless)",
  ),
  "cli.stack-in-other-process": template(
    { pid: 4242 },
    (p) => `Hệ thống đang chạy ở tiến trình khác (${p.pid}) và giữ các hàng đợi; hãy dừng 'npm start' (Ctrl-C) rồi chạy lại 'thads redrive'`,
  ),
  "cli.stack-stopped": template(
    { pid: 4242 },
    (p) => `Hệ thống (tiến trình ${p.pid}) đã dừng trước khi xử lý xong các tài liệu; hãy chạy lại 'npm start' rồi chạy lại lệnh`,
  ),
  "cli.stack-unreachable": template(
    { seconds: 30, detail: "ECONNREFUSED" },
    (p) => `Mất liên lạc với DynamoDB của hệ thống trong ${p.seconds} giây (${p.detail}); hãy kiểm tra 'npm start' rồi chạy lại lệnh`,
  ),
  "cli.unknown-queue": template(
    { queue: "thads-dlq", queues: "thads-intake, thads-textract-completions" },
    (p) => `Không có hàng đợi '${p.queue}'; hệ thống trên máy này có các hàng đợi ${p.queues}`,
  ),
  "cli.redriven": template(
    { replayed: 3, remaining: 1 },
    (p) => `Đã gửi lại ${p.replayed} tài liệu từ hàng đợi lỗi; còn ${p.remaining} tài liệu trong hàng đợi lỗi`,
  ),
} satisfies Record<string, { example: Params; render: (params: never) => string }>;

export type ReasonCode = keyof typeof REASON_TEMPLATES;
export type ReasonParams<C extends ReasonCode> = (typeof REASON_TEMPLATES)[C]["example"];

/** A message for staff: its stable code (for logs and filters) and its Vietnamese text. */
export interface Reason {
  code: ReasonCode;
  message: string;
}

/** The code of a review reason that predates this registry (extraction's own reasons, for now). */
export const UNCODED_REASON = "uncoded";

export const REASON_CODES = Object.keys(REASON_TEMPLATES) as ReasonCode[];

/** Builds the reason for a code: reason("court.unknown", { court }) -> { code, message }. */
export function reason<C extends ReasonCode>(code: C, params: ReasonParams<C>): Reason {
  const { render } = REASON_TEMPLATES[code] as Template<ReasonParams<C>>;
  return { code, message: render(params) };
}

/** The codes of a case's review reasons, position by position; reasons that came without a code get UNCODED_REASON. */
export function reviewCodesOf(found: { reviewReasons: readonly string[]; reviewCodes?: readonly string[] }): string[] {
  return found.reviewReasons.map((_, index) => found.reviewCodes?.[index] ?? UNCODED_REASON);
}

/** A case with more reasons added at the end, texts and codes kept side by side. */
export function withReasons<T extends { reviewReasons: string[]; reviewCodes?: string[] }>(found: T, reasons: readonly Reason[]): T & { reviewCodes: string[] } {
  return {
    ...found,
    reviewReasons: [...found.reviewReasons, ...reasons.map((r) => r.message)],
    reviewCodes: [...reviewCodesOf(found), ...reasons.map((r) => r.code)],
  };
}

/** The review fields of a case from its reasons, each text once: `reviewReasons` and `reviewCodes` at the same positions. */
export function reviewFields(reasons: readonly Reason[]): { reviewReasons: string[]; reviewCodes: string[] } {
  const seen = new Set<string>();
  const kept = reasons.filter((r) => !seen.has(r.message) && seen.add(r.message));
  return { reviewReasons: kept.map((r) => r.message), reviewCodes: kept.map((r) => r.code) };
}
