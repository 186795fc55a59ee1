import { reason } from "#domain/review-reasons.ts";
import { parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads redrive [--queue NAME]

Gửi lại các tài liệu khâu tiếp nhận trên máy này không xử lý được (hàng đợi lỗi, 'thads review' liệt
kê) về hàng đợi của chúng, mỗi tài liệu một lần, như redrive hàng đợi lỗi của SQS, và chờ xử lý xong.
Tài liệu nào lại lỗi thì quay về hàng đợi lỗi với lý do mới; các tài liệu khác thành hồ sơ và ra khỏi
danh sách. Chỉ chạy khi đã khắc phục nguyên nhân lỗi.

Trước khi gửi lại, lệnh dọn những gì sự cố để lại: bản ghi chống xử lý trùng còn treo ở trạng thái
"đang xử lý", tài liệu có việc OCR bị mất khi hệ thống dừng (được tiếp nhận lại), và tài liệu trong
hàng đợi lỗi nay đã thành hồ sơ (được gỡ khỏi danh sách).

Cần các hàng đợi của hệ thống trong chính tiến trình này: hãy dừng 'npm start' trước.

Tùy chọn:
  --queue NAME  chỉ gửi lại tài liệu của hàng đợi này (thads-intake hoặc thads-textract-completions)
  -h, --help    xem hướng dẫn này
`;

export const redriveCommand: Command = {
  name: "redrive",
  summary: "gửi lại các tài liệu khâu tiếp nhận trên máy này không xử lý được",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { queue: { type: "string" } } });
    return withStackSession(io, async (session) => {
      const replayed = await session.redrive(values.queue);
      io.out(`${reason("cli.redriven", { replayed, remaining: session.deadLetters().length }).message}\n`);
      return 0;
    });
  },
};
