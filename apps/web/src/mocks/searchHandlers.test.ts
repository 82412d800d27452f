import { searchResponseSchema, suggestionsResponseSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildCreator,
  buildPianoSketches,
  buildSearchCatalogTracks,
  createMockApi,
  searchHandlers,
} from "./handlers.ts";
import { server } from "./server.ts";

// The search domain of the mocked API: replies parse with the contract's schemas, and it
// matches the way the server is specified to, so stories and tests behave like the real thing.

async function search(query: string) {
  const reply = await call("GET", `/api/v1/search?${query}`);
  expect(reply.status).toBe(200);
  return searchResponseSchema.parse(reply.json);
}

const titles = (items: readonly { title: string }[] | undefined) => items?.map((item) => item.title);

describe("mock search API", () => {
  it("finds tracks, creators and playlists accent- and case-insensitively", async () => {
    const results = await search("q=ZOE");

    expect(results.correctedQuery).toBeNull();
    expect(results.creators?.items.map((creator) => creator.displayName)).toEqual(["Zoé Martin"]);
    expect(results.creators?.items[0]?.trackCount).toBe(3);
    expect(titles(results.tracks?.items)).toEqual(expect.arrayContaining(["Café Noir", "Été Indien", "Nuit Blanche"]));
    expect(titles(results.playlists?.items)).toEqual(["Café Mornings"]);

    expect(titles((await search("q=cafe")).tracks?.items)).toEqual(["Café Noir"]);
  });

  it("matches the last word as a prefix, the others whole", async () => {
    expect(titles((await search("q=moonl")).tracks?.items)).toEqual(["Moonlight Sonata"]);
    expect((await search("q=moonl%20sonata")).tracks?.items).toEqual([]);
  });

  it("never shows private or unfinished tracks, nor private playlists", async () => {
    const results = await search("q=night");

    const found = titles(results.tracks?.items) ?? [];
    expect(found).toContain("Night Drive");
    expect(found).not.toContain("Night Drive Demo");
    expect(found).not.toContain("Nightfall (processing)");
    expect(titles(results.playlists?.items)).toEqual(["Night Drives"]);
  });

  it("corrects a misspelt word and searches for the correction", async () => {
    const results = await search("q=beethovn");

    expect(results.query).toBe("beethovn");
    expect(results.correctedQuery).toBe("beethoven");
    expect(titles(results.tracks?.items)).toEqual(
      expect.arrayContaining(["Für Elise", "Moonlight Sonata", "Ode to Joy", "Pathétique"]),
    );
    expect(titles(results.playlists?.items)).toEqual(["Beethoven Essentials"]);
  });

  it("keeps quoted words together", async () => {
    expect(titles((await search("q=%22ode%20to%20joy%22")).tracks?.items)).toEqual(["Ode to Joy"]);
    expect((await search("q=%22joy%20to%22")).tracks?.items).toEqual([]);
  });

  it("narrows tracks by genre and tag, and only tracks", async () => {
    const jazz = await search("q=night&genre=jazz");
    expect(titles(jazz.tracks?.items)).toEqual(["Café Noir"]);
    expect(titles(jazz.playlists?.items)).toEqual(["Night Drives"]);

    expect(titles((await search("q=piano&tag=calm")).tracks?.items)).toEqual(["Gymnopédie No. 1"]);
  });

  it("answers only the type asked for, a page at a time through nextCursor", async () => {
    server.use(...searchHandlers({ tracks: [...buildSearchCatalogTracks(), ...buildPianoSketches(10)] }));

    const first = await search("q=piano&type=tracks&limit=10");
    expect(first.creators).toBeNull();
    expect(first.playlists).toBeNull();
    expect(first.tracks?.items).toHaveLength(10);
    expect(first.tracks?.nextCursor).not.toBeNull();

    const second = await search(`q=piano&type=tracks&limit=10&cursor=${first.tracks?.nextCursor}`);
    expect(second.tracks?.items).toHaveLength(6);
    expect(second.tracks?.nextCursor).toBeNull();
    const ids = [...(first.tracks?.items ?? []), ...(second.tracks?.items ?? [])].map((track) => track.id);
    expect(new Set(ids).size).toBe(16);
  });

  it("searches a mock API's own tracks when built with createMockApi", async () => {
    const api = createMockApi({ me: buildCreator() });
    server.use(...api.handlers);

    expect(titles((await search("q=paper")).tracks?.items)).toEqual(["Paper Planes"]);
    expect((await search("q=beethoven")).tracks?.items).toEqual([]);
  });

  it("suggests creators, then tracks by title", async () => {
    const reply = await call("GET", "/api/v1/search/suggestions?q=mi");
    const { suggestions } = suggestionsResponseSchema.parse(reply.json);

    expect(suggestions[0]).toMatchObject({ kind: "creator", username: "mira", displayName: "Mira Sol" });
    expect(suggestions.filter((suggestion) => suggestion.kind === "track")).toEqual([
      expect.objectContaining({ title: "Midnight Run", ownerUsername: "mira" }),
    ]);
  });

  it("caps suggestions at the limit asked for", async () => {
    const reply = await call("GET", "/api/v1/search/suggestions?q=n&limit=2");

    expect(suggestionsResponseSchema.parse(reply.json).suggestions).toHaveLength(2);
  });

  it("answers an empty or overlong query with VALIDATION_FAILED", async () => {
    expectError(await call("GET", "/api/v1/search?q=%20"), 400, "VALIDATION_FAILED");
    expectError(await call("GET", `/api/v1/search?q=${"a".repeat(201)}`), 400, "VALIDATION_FAILED");
    expectError(await call("GET", "/api/v1/search?q=x&type=songs"), 400, "VALIDATION_FAILED");
    expectError(await call("GET", "/api/v1/search/suggestions"), 400, "VALIDATION_FAILED");
  });
});
