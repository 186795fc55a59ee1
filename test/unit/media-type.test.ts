import { describe, expect, it } from "vitest";
import { sniffMediaType } from "#domain/document/media-type.ts";
import { detectMediaType } from "#use-cases/read-document.ts";
import { UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

const readableAs = (b: Uint8Array) => {
  const guess = sniffMediaType(b);
  return guess.readable ? guess.mediaType : null;
};

describe("sniffing what a document is from its bytes", () => {
  it("recognises PDF, PNG, JPEG and both TIFF byte orders by their magic numbers", () => {
    expect(readableAs(bytes("%PDF-1.7\n%âãÏÓ\n"))).toBe("application/pdf");
    expect(readableAs(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe("image/png");
    expect(readableAs(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe("image/jpeg");
    expect(readableAs(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe("image/tiff");
    expect(readableAs(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe("image/tiff");
  });

  it("finds a PDF header behind a few bytes of junk, as PDF readers do", () => {
    expect(readableAs(bytes([0, 0, 0x0a], "%PDF-1.4\n"))).toBe("application/pdf");
  });

  it("takes UTF-8 Vietnamese, with or without BOM, and UTF-16 with BOM as text", () => {
    expect(readableAs(bytes("Tòa án nhân dân huyện Bình Lục"))).toBe("text/plain");
    expect(readableAs(bytes([0xef, 0xbb, 0xbf], "Bản án số 27"))).toBe("text/plain");
    expect(readableAs(bytes([0xff, 0xfe, 0x42, 0x00]))).toBe("text/plain");
    expect(readableAs(bytes([0xfe, 0xff, 0x00, 0x42]))).toBe("text/plain");
  });

  it("still takes a long text whose sniffing window ends inside a multi-byte letter", () => {
    const text = `${"a".repeat(4095)}ộ and more`;
    expect(readableAs(bytes(text))).toBe("text/plain");
  });

  it("names the formats people send by mistake instead of calling them text", () => {
    const docx = sniffMediaType(bytes([0x50, 0x4b, 0x03, 0x04], "word/document.xml"));
    expect(docx).toEqual({ readable: false, looksLike: expect.stringContaining(".docx") });
    const rtf = sniffMediaType(bytes("{\\rtf1\\ansi Tòa án"));
    expect(rtf).toEqual({ readable: false, looksLike: expect.stringContaining("RTF") });
  });

  it("refuses binary data and legacy 8-bit encodings it cannot decode", () => {
    expect(readableAs(bytes([0x00, 0x01, 0x02, 0xfe, 0x80]))).toBeNull();
    // "Tòa án" in Windows-1258: not UTF-8
    expect(readableAs(bytes([0x54, 0xf2, 0x61, 0x20, 0xe1, 0x6e]))).toBeNull();
  });
});

describe("deciding a named file's type", () => {
  const reasonOf = (name: string, content: Uint8Array) => {
    try {
      detectMediaType(name, content);
    } catch (error) {
      if (error instanceof UnreadableDocumentError) return error.reason;
      throw error;
    }
    return "readable";
  };

  it("believes the bytes over the name", () => {
    expect(detectMediaType("judgment.txt", bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectMediaType("scan.pdf", bytes("Bản án số 12/2017/DS-ST"))).toBe("text/plain");
  });

  it("calls an empty file empty, a .pdf of junk corrupt and an unknown binary unsupported", () => {
    expect(reasonOf("a.txt", new Uint8Array())).toBe("empty");
    expect(reasonOf("a.pdf", bytes([0x00, 0x9c, 0xff, 0x01]))).toBe("corrupt");
    expect(reasonOf("a.bin", bytes([0x00, 0x9c, 0xff, 0x01]))).toBe("unsupported-type");
  });
});
