import { describe, expect, it } from "vitest";
import { REASON_CODES, REASON_TEMPLATES, reason, reviewCodesOf, UNCODED_REASON, withReasons } from "#domain/review-reasons.ts";

// English words that would give away an untranslated message (PDF, OCR, IAM and field names are allowed).
const ENGLISH = ["the", "and", "of", "to", "is", "not", "no", "court", "unknown", "agency", "office", "case", "document", "file", "missing", "confirm", "review", "could", "cannot", "assigned", "request", "must", "error"];
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("the registry of messages staff read", () => {
  it.each(REASON_CODES)("%s has a Vietnamese message", (code) => {
    const { example } = REASON_TEMPLATES[code];
    const message = reason(code, example as never).message;
    // parameters are the data the message names (court names, ids): the wording around them is what must be Vietnamese
    const wording = Object.values(example as Record<string, unknown>).reduce<string>((text, value) => text.replaceAll(String(value), " "), message);

    expect(message).toMatch(VIETNAMESE_LETTER);
    expect(wording).toMatch(VIETNAMESE_LETTER);
    const words = wording.toLowerCase().split(/[^a-z]+/);
    expect(words.filter((word) => ENGLISH.includes(word))).toEqual([]);
  });

  it("uses stable dotted codes", () => {
    expect(REASON_CODES.length).toBeGreaterThan(30);
    for (const code of REASON_CODES) expect(code).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it("builds a reason from a code and its parameters", () => {
    expect(reason("court.not-in-service", { court: "Tòa án nhân dân khu vực 3 - Ninh Bình", date: "2025-03-10" })).toEqual({
      code: "court.not-in-service",
      message: 'Vào ngày 10/03/2025, chưa có cơ quan thi hành án nhận bản án của "Tòa án nhân dân khu vực 3 - Ninh Bình"',
    });
  });

  it("keeps texts and codes side by side, marking reasons that came without a code", () => {
    const found = { reviewReasons: ["low confidence in subject"] };
    const added = withReasons(found, [reason("court.missing", {})]);

    expect(added.reviewReasons).toEqual(["low confidence in subject", reason("court.missing", {}).message]);
    expect(added.reviewCodes).toEqual([UNCODED_REASON, "court.missing"]);
    expect(reviewCodesOf(added)).toEqual(added.reviewCodes);
  });
});
