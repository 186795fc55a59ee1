import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildUploadKey, decodeEventKey, mediaTypeOf, parseUploadKey, safeFileName } from "#domain/upload-key.ts";
import { loadEvent, s3EventKey } from "../support/events.ts";

const UPLOAD_ID = "3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77";

describe("upload keys", () => {
  it("decodes S3 event keys: + is a space, %2B a real plus, UTF-8 percent escapes are Vietnamese letters", () => {
    expect(decodeEventKey("courts/tand-phu-ly/B%E1%BA%A3n+%C3%A1n+1%2B2.pdf")).toBe("courts/tand-phu-ly/Bản án 1+2.pdf");
  });

  it("reads the court and the Vietnamese file name from a real S3 put event", () => {
    const event = loadEvent<{ Records: { s3: { object: { key: string } } }[] }>("s3-put-vietnamese-key");

    expect(parseUploadKey(decodeEventKey(event.Records[0]?.s3.object.key ?? ""))).toEqual({
      courtId: "tand-phu-ly",
      uploadDate: "2025-03-14",
      uploadId: UPLOAD_ID,
      fileName: "Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf",
    });
  });

  it("decodes whatever file name S3 encoded back to the same name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), (name) => {
        const key = buildUploadKey({ courtId: "tand-phu-ly", uploadDate: "2025-03-14", uploadId: UPLOAD_ID, fileName: safeFileName(name) });
        expect(decodeEventKey(s3EventKey(key))).toBe(key);
      }),
    );
  });

  it("reads the court, day and upload id back from a key it built", () => {
    const key = buildUploadKey({ courtId: "tand-khu-vuc-1-ninh-binh", uploadDate: "2025-07-02", uploadId: UPLOAD_ID, fileName: "Quyết định.pdf" });

    expect(parseUploadKey(key)).toEqual({ courtId: "tand-khu-vuc-1-ninh-binh", uploadDate: "2025-07-02", uploadId: UPLOAD_ID, fileName: "Quyết định.pdf" });
  });

  it("rejects keys outside the layout", () => {
    for (const key of ["tmp/a.pdf", `courts/TAND/2025/03/14/${UPLOAD_ID}/a.pdf`, "courts/tand-phu-ly/2025/03/14/not-an-id/a.pdf", `courts/tand-phu-ly/2025/03/14/${UPLOAD_ID}/sub/a.pdf`]) {
      expect(parseUploadKey(key)).toBeNull();
    }
  });

  it("makes file names safe for a key: one NFC form, no separators or control characters, at most 200 bytes", () => {
    expect(safeFileName("Bản án".normalize("NFD"))).toBe("Bản án".normalize("NFC"));
    expect(safeFileName("a/b\\c\u0000d.pdf")).toBe("a_b_cd.pdf");
    expect(safeFileName("...")).toBe("document");
    expect(new TextEncoder().encode(safeFileName("ả".repeat(300))).length).toBeLessThanOrEqual(200);
  });

  it("takes the declared content type when supported, else the extension", () => {
    expect(mediaTypeOf("scan.PDF", undefined)).toBe("application/pdf");
    expect(mediaTypeOf("scan.bin", "image/tiff")).toBe("image/tiff");
    expect(mediaTypeOf("scan.jpg", "binary/octet-stream")).toBe("image/jpeg");
    expect(mediaTypeOf("notes.docx", "application/msword")).toBeNull();
  });
});
