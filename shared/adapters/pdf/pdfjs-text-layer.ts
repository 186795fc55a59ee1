import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PageText } from "#ports/ocr-engine.ts";
import type { PdfTextLayer } from "#ports/pdf-text-layer.ts";
import { CorruptDocumentError, EncryptedPdfError, TruncatedPdfError, type UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";
import { assertPageCountWithinLimit } from "#domain/document/document-limits.ts";
import { assertPdfStreamsWithinLimits } from "./decoded-size.ts";
import { linesInReadingOrder, type PositionedText } from "./reading-order.ts";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/**
 * pdf.js takes ~150 ms to load, so it is loaded on the first PDF, never for plain-text input. It builds DOMMatrix
 * objects even when only reading text (one as it loads, more for Type3 fonts) and Node has no DOMMatrix: pdf.js
 * would borrow one from the native @napi-rs/canvas, an optional package that Lambda bundles do not carry, so a
 * plain-JavaScript implementation is installed first, the same everywhere.
 */
let pdfjs: Promise<Pdfjs> | undefined;
const loadPdfjs = (): Promise<Pdfjs> =>
  (pdfjs ??= (async () => {
    const scope = globalThis as { DOMMatrix?: unknown };
    scope.DOMMatrix ??= (await import("@thednp/dommatrix")).default;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })());

/** Where pdf.js keeps the character maps that CJK-encoded fonts need (a path ending in "/", as pdf.js wants). */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: join(root, "cmaps/"), standardFontDataUrl: join(root, "standard_fonts/") };
}

/** A complete PDF ends with %%EOF (possibly followed by a little whitespace or junk); an upload cut short does not. */
const EOF_MARKER = new TextEncoder().encode("%%EOF");
const EOF_WINDOW = 1024;

function endsLikeAPdf(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW));
  for (let i = tail.length - EOF_MARKER.length; i >= 0; i--) {
    if (EOF_MARKER.every((b, k) => tail[i + k] === b)) return true;
  }
  return false;
}

function asUnreadable(error: unknown): UnreadableDocumentError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new EncryptedPdfError({ cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CorruptDocumentError(`PDF is damaged and cannot be opened (${detail})`, { cause: error });
}

/** pdf.js failures are the document's fault (damaged structure, password), never a bug of ours to rethrow. */
const fromPdfjs = <T>(work: Promise<T>): Promise<T> =>
  work.catch((error: unknown) => {
    throw asUnreadable(error);
  });

/** Reads the text layer with pdf.js (Mozilla's maintained PDF engine), page by page. */
export const pdfjsTextLayer: PdfTextLayer = {
  async readPages(bytes) {
    if (!endsLikeAPdf(bytes)) {
      throw new TruncatedPdfError();
    }
    assertPdfStreamsWithinLimits(bytes);
    const { getDocument, Util, VerbosityLevel } = await loadPdfjs();
    const task = getDocument({
      // A copy in a plain Uint8Array: pdf.js refuses Node Buffers and may take over the buffer it is
      // given, while the caller keeps its bytes for OCR.
      data: new Uint8Array(bytes),
      ...pdfjsAssets(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: VerbosityLevel.ERRORS,
    });
    try {
      const document = await fromPdfjs(task.promise);
      // before reading any page, so that nothing (OCR least of all) starts on thousands of them
      assertPageCountWithinLimit(document.numPages);
      const pages: PageText[] = [];
      for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
        const page = await fromPdfjs(document.getPage(pageNumber));
        const viewport = page.getViewport({ scale: 1 });
        const content = await fromPdfjs(page.getTextContent());
        const runs: PositionedText[] = [];
        for (const item of content.items) {
          if (!("str" in item)) continue;
          // The viewport transform puts runs in top-left page coordinates, with the page's rotation applied.
          const [, , c = 0, d = 0, x = 0, baseline = 0] = Util.transform(viewport.transform, item.transform) as number[];
          runs.push({ text: item.str.normalize("NFC"), x, baseline, width: item.width, fontSize: Math.hypot(c, d) });
        }
        pages.push({ pageNumber, source: "text-layer", lines: linesInReadingOrder(runs, viewport) });
        page.cleanup();
      }
      return pages;
    } finally {
      await task.destroy();
    }
  },
};
