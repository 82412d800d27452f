import { api, type SearchResponse, type SearchType, type Suggestion } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export type SearchRequest = {
  q: string;
  type: SearchType;
  /** Narrow the tracks; empty for none. */
  genre: string;
  tag: string;
  limit: number;
  /** A section's `nextCursor`, with a single `type`. */
  cursor?: string | undefined;
};

/** Each section the type asks for, one page of it. */
export function fetchSearch(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
  const { q, type, limit } = request;
  // An empty filter is no filter: the server refuses an empty `genre` or `tag`.
  const query = {
    q,
    type,
    limit,
    genre: request.genre || undefined,
    tag: request.tag || undefined,
    cursor: request.cursor || undefined,
  };
  return callApi(api.search.search, { query, signal });
}

// The contract's cap on what the suggestions endpoint accepts.
const SUGGESTION_QUERY_MAX = 100;

/** Tracks and creators to offer while someone types. */
export async function fetchSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return (await callApi(api.search.suggestions, { query: { q: q.slice(0, SUGGESTION_QUERY_MAX) }, signal }))
    .suggestions;
}
