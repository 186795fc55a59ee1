import { describe, expect, it } from "vitest";
import { runThads } from "../support/run-thads.ts";

// Words of the former English help: none may be left in what staff read.
const ENGLISH = [/\bread\b/i, /\bprint\b/i, /\bshow\b/i, /\blocal stack\b/i, /\bthe\b/i];
// Command names stay English: `thads matters show` is one, in its synopsis and in its list of actions.
const COMMAND_NAMES = [/thads matters show/g, /^ {2}show /gm];
// Letters only Vietnamese writes: vowels with diacritics and đ.
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The command names `thads --help` lists under its heading. */
function commandsListed(overview: string): string[] {
  const [, list = ""] = overview.split("Các lệnh:\n");
  return list
    .split("\n\n")[0]!
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

describe("thads help", () => {
  it("is Vietnamese for the tool and every command, with no English words of the former help", () => {
    const overview = runThads(["--help"]);
    const names = commandsListed(overview.stdout);
    expect(names).toEqual(expect.arrayContaining(["extract", "ingest", "cases", "case", "review", "redrive", "matters", "report", "start"]));
    for (const [name, help] of [["thads", overview], ...names.map((command) => [command, runThads([command, "--help"])] as const)] as const) {
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(VIETNAMESE_LETTER);
      const prose = COMMAND_NAMES.reduce((text, commandName) => text.replace(commandName, ""), help.stdout);
      for (const word of ENGLISH) expect(prose, `${name}: ${word}`).not.toMatch(word);
    }
  });

  it("answers a wrong command line in Vietnamese, naming the option", () => {
    const unknown = runThads(["cases", "search", "--partie", "an"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("thads cases: không có tùy chọn '--partie'; chạy 'thads cases --help' để xem cách dùng\n");
    const missing = runThads(["ingest", "--court"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("thads ingest: tùy chọn --court cần một giá trị; chạy 'thads ingest --help' để xem cách dùng\n");
  });
});
