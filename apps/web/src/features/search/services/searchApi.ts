import {
  type SearchResponse,
  type SearchType,
  type Suggestion,
  searchResponseSchema,
  suggestionsResponseSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

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

/** GET /api/v1/search: each section the type asks for, one page of it. */
export function fetchSearch(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
  const query = new URLSearchParams({ q: request.q, type: request.type, limit: String(request.limit) });
  if (request.genre) query.set("genre", request.genre);
  if (request.tag) query.set("tag", request.tag);
  if (request.cursor) query.set("cursor", request.cursor);
  return apiRequest(`/api/v1/search?${query}`, { schema: searchResponseSchema, signal });
}

// The contract's cap on what the suggestions endpoint accepts.
const SUGGESTION_QUERY_MAX = 100;

/** GET /api/v1/search/suggestions: tracks and creators to offer while someone types. */
export async function fetchSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const query = new URLSearchParams({ q: q.slice(0, SUGGESTION_QUERY_MAX) });
  return (await apiRequest(`/api/v1/search/suggestions?${query}`, { schema: suggestionsResponseSchema, signal }))
    .suggestions;
}
