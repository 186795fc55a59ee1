import { reason } from "#domain/review-reasons.ts";
import { parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `usage: thads redrive [--queue NAME]

Sends the documents the local stack's intake gave up on (its dead-letter queues, listed by
'thads review') back to their queues, each once, as an SQS dead-letter redrive does, and waits until
they are done. Those that fail again return to the dead-letter queue with their new reason; the others
become cases and leave the list. Run it once the cause of the failures is gone.

Needs the stack's queues in this process: stop 'npm start' first.

Options:
  --queue NAME  only this queue's dead letters (thads-intake or thads-textract-completions)
  -h, --help    show this help
`;

export const redriveCommand: Command = {
  name: "redrive",
  summary: "send the documents the local intake gave up on through it again",
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
