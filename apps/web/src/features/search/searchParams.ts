import { type SearchType, searchTypeSchema } from "@stave/contracts";

/** What the results page shows, as the URL says it: `/search?q=&type=&genre=&tag=`. Empty means "not set". */
export type SearchParams = { q: string; type: SearchType; genre: string; tag: string };

export function readSearchParams(params: URLSearchParams): SearchParams {
  const type = searchTypeSchema.safeParse(params.get("type"));
  return {
    q: (params.get("q") ?? "").trim(),
    // An unknown type in a hand-edited link shows everything rather than an error.
    type: type.success ? type.data : "all",
    genre: (params.get("genre") ?? "").trim(),
    tag: (params.get("tag") ?? "").trim(),
  };
}

/** The results page's URL; defaults (type "all", no filters) are left out so links stay short. */
export function searchUrl({ q, type = "all", genre = "", tag = "" }: Partial<SearchParams> & { q: string }): string {
  const query = new URLSearchParams({ q: q.trim() });
  if (type !== "all") query.set("type", type);
  if (genre.trim()) query.set("genre", genre.trim());
  if (tag.trim()) query.set("tag", tag.trim());
  return `/search?${query}`;
}

export const searchTypeLabels: Record<SearchType, string> = {
  all: "All",
  tracks: "Tracks",
  creators: "Creators",
  playlists: "Playlists",
};
