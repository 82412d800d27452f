import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.ts";

describe("the CSV writer", () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ["+41 123", "'+41 123"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", `"'\r=1"`],
  ])("turns %j, which a spreadsheet would run, into text", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("leaves plain text, numbers and dates as they are, quoting only what RFC 4180 asks", () => {
    expect(csvLine(["Fjord Morning", -5, 0, null, undefined, "", new Date("2026-01-02T03:04:05.000Z")])).toBe(
      "Fjord Morning,-5,0,,,,2026-01-02T03:04:05.000Z\r\n",
    );
    expect(csvField('She said "hi", twice\nthen left')).toBe('"She said ""hi"", twice\nthen left"');
    expect(csvField("a = b")).toBe("a = b");
  });
});
