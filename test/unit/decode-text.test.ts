import { describe, expect, it } from "vitest";
import { decodeText } from "#domain/document/decode-text.ts";
import { UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";

const utf16 = (text: string, order: "le" | "be"): Uint8Array => {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? new Uint8Array(le) : new Uint8Array(le).map((_, i, a) => a[i ^ 1] ?? 0);
};

describe("decoding a plain-text judgment", () => {
  const sentence = "Buộc ông Nguyễn Văn H phải trả 150.000.000 đồng";

  it("drops the UTF-8 byte order mark", () => {
    expect(decodeText(new Uint8Array(Buffer.from(`\uFEFF${sentence}`, "utf8")))).toBe(sentence);
  });

  it("reads UTF-16 in either byte order when it starts with a BOM", () => {
    expect(decodeText(utf16(sentence, "le"))).toBe(sentence);
    expect(decodeText(utf16(sentence, "be"))).toBe(sentence);
  });

  it("returns decomposed (NFD) Vietnamese precomposed (NFC)", () => {
    const decoded = decodeText(new Uint8Array(Buffer.from(sentence.normalize("NFD"), "utf8")));
    expect(decoded).toBe(sentence);
    expect(decoded.length).toBeLessThan(sentence.normalize("NFD").length);
  });

  it("turns Windows and old Mac line ends into \\n", () => {
    expect(decodeText(new Uint8Array(Buffer.from("QUYẾT ĐỊNH:\r\nXử:\rBuộc", "utf8")))).toBe("QUYẾT ĐỊNH:\nXử:\nBuộc");
  });

  it("refuses bytes that are not UTF-8, naming the legacy encodings it does not read", () => {
    const windows1258 = Uint8Array.from([0x54, 0xf2, 0x61, 0x20, 0xe1, 0x6e]);
    expect(() => decodeText(windows1258)).toThrow(UnreadableDocumentError);
    expect(() => decodeText(windows1258)).toThrow(/TCVN3|Windows-1258/);
  });
});
