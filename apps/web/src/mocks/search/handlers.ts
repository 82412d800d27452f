import { searchQuerySchema, suggestionsQuerySchema } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { errorResponse } from "../errors.ts";
import { correctQuery, parseQuery } from "./matching.ts";
import type { MockSearchState } from "./state.ts";

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** VALIDATION_FAILED for a bad query string, its paths named as the server names them. */
function invalidQuery(issues: readonly Issue[]) {
  return errorResponse("VALIDATION_FAILED", "The request is not valid", {
    details: issues.map((issue) => ({
      path: ["querystring", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  });
}

/** One page of `items` from the offset in `cursor`, with the next offset as an opaque cursor. */
function pageOf<T>(items: T[], limit: number, cursor: string | undefined) {
  const start = Number(cursor ?? 0) || 0;
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/** GET /api/v1/search and GET /api/v1/search/suggestions over the state's catalogue. */
export function searchHandlersFor(state: MockSearchState) {
  return [
    http.get("/api/v1/search/suggestions", ({ request }) => {
      const parsed = suggestionsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return invalidQuery(parsed.error.issues);
      return HttpResponse.json({ suggestions: state.suggest(parseQuery(parsed.data.q), parsed.data.limit) });
    }),

    http.get("/api/v1/search", ({ request }) => {
      const parsed = searchQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return invalidQuery(parsed.error.issues);
      const { q, type, genre, tag, limit, cursor } = parsed.data;
      const correctedQuery = correctQuery(q, state.vocabulary());
      const query = parseQuery(correctedQuery ?? q);
      const wants = (section: string) => type === "all" || type === section;
      return HttpResponse.json({
        query: q,
        correctedQuery,
        tracks: wants("tracks") ? pageOf(state.findTracks(query, { genre, tag }), limit, cursor) : null,
        creators: wants("creators") ? pageOf(state.findCreators(query), limit, cursor) : null,
        playlists: wants("playlists") ? pageOf(state.findPlaylists(query), limit, cursor) : null,
      });
    }),
  ];
}
