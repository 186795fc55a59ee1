import { readFile } from "node:fs/promises";
import { UnreadableDocumentError, unreadableReason } from "#domain/document/unreadable-document-error.ts";
import { reason, reviewCodesOf, type ReasonCode } from "#domain/review-reasons.ts";
import { OcrEngineUnavailableError, type OcrEngine } from "#ports/ocr-engine.ts";
import { extractDocument, type ExtractedDocument } from "#use-cases/extract-document.ts";
import { detectMediaType, type ReadDocumentDeps } from "#use-cases/read-document.ts";
import { UsageError, oneLine, parseCommandArgs, type CliIo, type Command } from "../command.ts";
import { formatCaseSummary, type DocumentFacts } from "../format/case-summary.ts";

const OCR_CHOICES = ["tesseract", "textract", "none"] as const;
export type OcrChoice = (typeof OCR_CHOICES)[number];

const USAGE = `cách dùng: thads extract [--json] [--ocr ENGINE] FILE...

Đọc từng bản án, quyết định và in ra hồ sơ trích xuất được: tòa án, số, ngày, các đương sự và số
tiền mỗi đương sự phải trả.

Tệp nhận: văn bản UTF-8/UTF-16 (.txt), PDF, PNG, JPEG và TIFF. Trang PDF có lớp chữ thật thì lấy chữ
từ lớp chữ; trang quét và ảnh thì nhận dạng chữ (OCR).

Tùy chọn:
  --json         in JSON (theo mẫu ../shared/contract/case.schema.json, thêm độ tin cậy, căn cứ,
                 lý do cần kiểm tra và mã của chúng): một FILE thì một tài liệu JSON, nhiều FILE thì mỗi FILE một dòng
  --ocr ENGINE   cách nhận dạng bản quét và ảnh:
                   tesseract  Tesseract trên máy với dữ liệu tiếng Việt (mặc định; cài đặt bằng
                              scripts/install-system-deps.sh)
                   textract   Amazon Textract (thông tin đăng nhập và vùng AWS lấy từ biến môi trường;
                              không có dữ liệu tiếng Việt nên thường mất dấu)
                   none       không nhận dạng: từ chối bản quét và ảnh
  -h, --help     xem hướng dẫn này

Tệp nào không đọc được thì báo 'thads: FILE: LÝ DO' trên stderr; các tệp khác vẫn được xử lý và mã
thoát là 1.
`;

const FILE_ERRORS: Record<string, ReasonCode> = {
  ENOENT: "file.not-found",
  EISDIR: "file.is-directory",
  EACCES: "file.permission-denied",
  EPERM: "file.permission-denied",
};

/**
 * Why a file failed, in one line of Vietnamese: the reader's or OCR engine's reason, the file system's, or an
 * internal error. THADS_DEBUG=1 adds the English detail (and stack) for whoever maintains the reader.
 */
function failureReason(error: unknown, io: CliIo): string {
  if (io.debug && error instanceof Error) io.err(`${error.stack ?? error.message}\n`);
  if (error instanceof UnreadableDocumentError) return unreadableReason(error).message;
  if (error instanceof OcrEngineUnavailableError) return reason("ocr.unavailable", {}).message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? FILE_ERRORS[code] : undefined;
  if (known) return reason(known, {}).message;
  return reason("cli.internal", { detail: error instanceof Error ? error.message : String(error) }).message;
}

async function extractFile(file: string, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const bytes = await readFile(file);
  return extractDocument({ name: file, mediaType: detectMediaType(file, bytes), bytes }, deps);
}

const isOcrChoice = (value: string): value is OcrChoice => (OCR_CHOICES as readonly string[]).includes(value);

export interface ExtractReaders extends Omit<ReadDocumentDeps, "ocr"> {
  /** Builds the OCR engine named by --ocr (never called with "none"). */
  ocr: (engine: Exclude<OcrChoice, "none">) => OcrEngine;
}

/** `thads extract`: reads documents with the given readers, OCR as chosen with --ocr. */
export function extractCommand(readers: ExtractReaders): Command {
  return {
    name: "extract",
    summary: "đọc bản án, quyết định (.txt, .pdf, bản quét, ảnh) và in ra hồ sơ trích xuất được",
    usage: USAGE,
    async run(args, io) {
      const { values, positionals: files } = parseCommandArgs({
        args,
        options: { json: { type: "boolean", default: false }, ocr: { type: "string", default: "tesseract" } },
        allowPositionals: true,
      });
      if (files.length === 0) throw new UsageError("chưa nêu FILE nào");
      if (!isOcrChoice(values.ocr)) throw new UsageError(`--ocr phải là một trong ${OCR_CHOICES.join(", ")}, không phải '${values.ocr}'`);
      const { ocr: buildOcr, ...rest } = readers;
      // Built once for all files, and only used for pages with no text layer.
      const deps: ReadDocumentDeps = values.ocr === "none" ? rest : { ...rest, ocr: buildOcr(values.ocr) };
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
        if (values.json) io.out(`${JSON.stringify({ ...result.case, reviewCodes: reviewCodesOf(result.case), source }, null, jsonIndent)}\n`);
        else io.out(`${printed > 0 ? "\n" : ""}${formatCaseSummary(result.case, source)}`);
        printed++;
      }
      return failures > 0 ? 1 : 0;
    },
  };
}
