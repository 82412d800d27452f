import { describe, expect, it } from "vitest";
import { correctedText, parseSearchText, toTsquery } from "./search.query.ts";

describe("parseSearchText", () => {
  it("splits words on anything that is not a letter or digit, lower-cased, in any script", () => {
    expect(parseSearchText("Daft-Punk: Around the World!").groups).toEqual([
      ["daft"],
      ["punk"],
      ["around"],
      ["the"],
      ["world"],
    ]);
    expect(parseSearchText("Zoë  Ελληνικά 東京").groups).toEqual([["zoë"], ["ελληνικά"], ["東京"]]);
  });

  it("keeps quoted words together as a phrase, and a closed quote at the end ends the prefix", () => {
    expect(parseSearchText('"harbour lights" remix')).toEqual({
      groups: [["harbour", "lights"], ["remix"]],
      prefixLast: true,
    });
    expect(parseSearchText('"harbour lights"').prefixLast).toBe(false);
    expect(parseSearchText('"harbour lig').prefixLast).toBe(true);
  });

  it("has nothing to search in punctuation alone, and caps the number of words", () => {
    expect(parseSearchText("?!…").groups).toEqual([]);
    expect(parseSearchText("a b c d e f g h i j k").groups.flat()).toHaveLength(8);
  });
});

describe("toTsquery", () => {
  const terms = parseSearchText('"harbour lights" beethovn pia');
  const corrections = new Map([["beethovn", "beethoven"]]);

  it("requires every word, ties phrases with <->, and lets a word match any of its alternatives", () => {
    const alternatives = new Map([
      [2, ["beethovn", "beethoven"]],
      [3, ["pia", "piano", "pianist"]],
    ]);
    expect(toTsquery(terms, alternatives, "all")).toBe(
      "('harbour' <-> 'lights') & ('beethovn' | 'beethoven') & ('pia' | 'piano' | 'pianist')",
    );
    expect(toTsquery(terms, new Map(), "any")).toBe("('harbour' <-> 'lights') | 'beethovn' | 'pia'");
  });

  it("quotes what it is given, so no text can inject tsquery operators", () => {
    expect(toTsquery({ groups: [["it's"]], prefixLast: false }, new Map([[0, ["it's", "a:*|b"]]]), "all")).toBe(
      "('it''s' | 'a:*|b')",
    );
  });

  it("names the corrected query only when a correction applied", () => {
    expect(correctedText(terms, corrections)).toBe('"harbour lights" beethoven pia');
    expect(correctedText(terms, new Map())).toBeNull();
  });
});
