// Renders text into digital PDFs, the way a court's word processor would: real text layer, embedded font.
// Used to make the sample PDF in samples/pdf/ and the PDFs the tests read. Needs DejaVu Sans (Debian's
// fonts-dejavu-core, installed by scripts/setup.sh): the PDF standard fonts have no Vietnamese letters.
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";

export const VIETNAMESE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

export interface TextPdfOptions {
  /** Encrypts the PDF so that it opens only with this password. */
  userPassword?: string;
  fontSize?: number;
}

const MARGIN = 56;
const A4_WIDTH = 595.28;
/** Three or more spaces inside a line separate two columns (court name | national motto in a heading). */
const COLUMN_BREAK = /^(.*?\S) {3,}(\S.*)$/;

function newDocument(options: TextPdfOptions): PDFKit.PDFDocument {
  return new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    // A fixed date keeps a re-rendered sample byte-stable apart from the file identifier.
    info: { Title: "thads-pipeline test document", CreationDate: new Date(Date.UTC(2024, 0, 1)) },
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner` } : {}),
  });
}

function finish(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.end();
  return done;
}

/**
 * One PDF page per entry of `pages` (text with "\n" between lines; long lines wrap, and a page that
 * overflows continues on the next). Returns the PDF's bytes.
 */
export function renderTextPdf(pages: readonly string[], options: TextPdfOptions = {}): Promise<Uint8Array> {
  if (!existsSync(VIETNAMESE_FONT)) {
    throw new Error(`${VIETNAMESE_FONT} is missing: run scripts/setup.sh (installs fonts-dejavu-core)`);
  }
  const doc = newDocument(options);
  doc.font(VIETNAMESE_FONT).fontSize(options.fontSize ?? 11);
  const textWidth = A4_WIDTH - 2 * MARGIN;
  for (const page of pages) {
    doc.addPage();
    for (const line of page.split("\n")) {
      const columns = COLUMN_BREAK.exec(line);
      if (columns) {
        const y = doc.y;
        doc.text(columns[1] ?? "", MARGIN, y, { width: textWidth / 2 - 10 });
        const leftBottom = doc.y;
        doc.text(columns[2] ?? "", MARGIN + textWidth / 2, y, { width: textWidth / 2 });
        doc.y = Math.max(leftBottom, doc.y);
      } else {
        // pdfkit skips empty strings; a blank line still takes a line's height.
        doc.text(line === "" ? " " : line, MARGIN, doc.y, { width: textWidth });
      }
    }
  }
  return finish(doc);
}

/** A 1x1 grey PNG: enough for a page whose only content is a picture (what a scanner produces). */
export const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==", "base64"),
);

/** A PDF of `pageCount` pages that are only an image each, with no text layer: a scan. */
export function renderScannedPdf(pageCount = 1): Promise<Uint8Array> {
  const doc = newDocument({});
  for (let i = 0; i < pageCount; i++) {
    doc.addPage();
    doc.image(Buffer.from(TINY_PNG), MARGIN, MARGIN, { width: 400, height: 560 });
  }
  return finish(doc);
}
