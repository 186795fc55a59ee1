import { parseCommandArgs, type Command } from "../command.ts";
import { formatFailedDocument, formatQueueEntry } from "../format/stack-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `usage: thads review [--agency ID] [--court ID] [--json]

Lists the local stack's review queue, oldest first, as the case API's GET /review-queue does: cases
whose extraction raised doubts, with the reasons. Then the documents the intake gave up on (its
dead-letter queues), with why.

Options:
  --agency ID  only cases received by this agency
  --court ID   only cases uploaded by this court
  --json       one JSON line per queued case, then one per failed document
  -h, --help   show this help
`;

export const reviewCommand: Command = {
  name: "review",
  summary: "list the local stack's review queue and failed documents",
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
