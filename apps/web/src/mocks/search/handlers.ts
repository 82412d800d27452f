import { api } from "@stave/contracts";
import { mockOperations } from "../operation.ts";
import { correctQuery, parseQuery } from "./matching.ts";
import type { MockSearchState } from "./state.ts";

/** One page of `items` from the offset in `cursor`, with the next offset as an opaque cursor. */
function pageOf<T>(items: T[], limit: number, cursor: string | undefined) {
  const start = Number(cursor ?? 0) || 0;
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/** Search and suggestions over the state's catalogue. */
export function searchHandlersFor(state: MockSearchState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.search.suggestions, ({ query }) => ({
      suggestions: state.suggest(parseQuery(query.q), query.limit),
    })),

    handle(api.search.search, ({ query: { q, type, genre, tag, limit, cursor } }) => {
      const correctedQuery = correctQuery(q, state.vocabulary());
      const query = parseQuery(correctedQuery ?? q);
      const wants = (section: string) => type === "all" || type === section;
      return {
        query: q,
        correctedQuery,
        tracks: wants("tracks") ? pageOf(state.findTracks(query, { genre, tag }), limit, cursor) : null,
        creators: wants("creators") ? pageOf(state.findCreators(query), limit, cursor) : null,
        playlists: wants("playlists") ? pageOf(state.findPlaylists(query), limit, cursor) : null,
      };
    }),
  ];
}
