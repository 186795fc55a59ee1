import { readFile } from "node:fs/promises";
import { UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";
import { extractDocument, type ExtractedDocument } from "#use-cases/extract-document.ts";
import { detectMediaType, type ReadDocumentDeps } from "#use-cases/read-document.ts";
import { UsageError, oneLine, parseCommandArgs, type CliIo, type Command } from "../command.ts";
import { formatCaseSummary, type DocumentFacts } from "../format/case-summary.ts";

const USAGE = `usage: thads extract [--json] FILE...

Reads each judgment or decision and prints the case extracted from it: court, number, date,
parties and the money each party owes.

Input: UTF-8/UTF-16 text (.txt) and digital PDF (text layer). Scans and images need an OCR engine.

Options:
  --json      print JSON (the contract in ../shared/contract/case.schema.json, plus confidence,
              evidence and review reasons): one document for one FILE, one line per FILE otherwise
  -h, --help  show this help

A file that cannot be read is reported as 'thads: FILE: REASON' on stderr; the other files are still
processed and the exit code is 1.
`;

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** Why a file failed, in one line: the reader's own reason, the file system's, or an internal error. */
function failureReason(error: unknown, io: CliIo): string {
  if (error instanceof UnreadableDocumentError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? FILE_ERRORS[code] : undefined;
  if (known) return known;
  if (io.debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

async function extractFile(file: string, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const bytes = await readFile(file);
  return extractDocument({ name: file, mediaType: detectMediaType(file, bytes), bytes }, deps);
}

/** `thads extract`: reads documents with the given readers (OCR when one is configured). */
export function extractCommand(deps: ReadDocumentDeps): Command {
  return {
    name: "extract",
    summary: "read judgments/decisions (.txt, .pdf) and print the extracted cases",
    usage: USAGE,
    async run(args, io) {
      const { values, positionals: files } = parseCommandArgs({
        args,
        options: { json: { type: "boolean", default: false } },
        allowPositionals: true,
      });
      if (files.length === 0) throw new UsageError("no FILE given");
      // JSON Lines as soon as there are several files, so each line parses on its own.
      const jsonIndent = files.length === 1 ? 2 : undefined;
      let failures = 0;
      let printed = 0;
      for (const file of files) {
        let result: ExtractedDocument;
        try {
          result = await extractFile(file, deps);
        } catch (error) {
          failures++;
          io.err(`thads: ${file}: ${oneLine(failureReason(error, io))}\n`);
          continue;
        }
        const source: DocumentFacts = { file, mediaType: result.read.mediaType, pageCount: result.read.pages.length };
        if (values.json) io.out(`${JSON.stringify({ ...result.case, source }, null, jsonIndent)}\n`);
        else io.out(`${printed > 0 ? "\n" : ""}${formatCaseSummary(result.case, source)}`);
        printed++;
      }
      return failures > 0 ? 1 : 0;
    },
  };
}
