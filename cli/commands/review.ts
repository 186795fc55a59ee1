import { parseCommandArgs, type Command } from "../command.ts";
import { formatFailedDocument, formatQueueEntry } from "../format/stack-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads review [--agency ID] [--court ID] [--json]

Liệt kê hàng chờ kiểm tra của hệ thống trên máy này, cũ nhất trước, như GET /review-queue của API hồ
sơ: các hồ sơ có điểm đáng ngờ khi trích xuất, kèm lý do. Sau đó liệt kê các tài liệu khâu tiếp nhận
không xử lý được (hàng đợi lỗi), kèm lý do.

Tùy chọn:
  --agency ID  chỉ các hồ sơ do cơ quan thi hành án này nhận
  --court ID   chỉ các hồ sơ do tòa án này tải lên
  --json       mỗi hồ sơ trong hàng chờ một dòng JSON, rồi mỗi tài liệu lỗi một dòng
  -h, --help   xem hướng dẫn này
`;

export const reviewCommand: Command = {
  name: "review",
  summary: "liệt kê hàng chờ kiểm tra và các tài liệu không xử lý được trên máy này",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { agency: { type: "string" }, court: { type: "string" }, json: { type: "boolean", default: false } } });
    const { failedDocument, wholeReviewQueue } = await import("../../local/summary.ts");
    return withStackSession(io, async (session) => {
      const queue = await wholeReviewQueue(session.cases, { agencyId: values.agency, courtId: values.court });
      const failed = session.deadLetters().map(failedDocument);
      if (values.json) {
        for (const entry of queue) io.out(`${JSON.stringify({ queued: entry })}\n`);
        for (const entry of failed) io.out(`${JSON.stringify({ failed: entry })}\n`);
        return 0;
      }
      io.out(`Hàng chờ kiểm tra: ${queue.length}\n${queue.map((entry) => `${formatQueueEntry(entry)}\n`).join("")}`);
      io.out(`Không xử lý được (hàng đợi lỗi): ${failed.length}\n${failed.map((entry) => `${formatFailedDocument(entry)}\n`).join("")}`);
      return 0;
    });
  },
};
