import type { SearchType } from "@stave/contracts";
import type { SearchParams } from "./searchParams.ts";

/** "1 track", "1,204 tracks". */
export const formatTrackCount = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "track" : "tracks"}`;

const nouns: Record<SearchType, string> = {
  all: "Nothing",
  tracks: "No tracks",
  creators: "No creators",
  playlists: "No playlists",
};

/**
 * The empty state in words: "No tracks match “night” in the genre “Jazz”." Filters are named
 * only where they apply (they narrow tracks), so the person knows what to loosen.
 */
export function noMatchesText(
  type: SearchType,
  searched: string,
  { genre, tag }: Pick<SearchParams, "genre" | "tag">,
): string {
  const verb = type === "all" ? "matches" : "match";
  const filters = type === "tracks" ? `${genre ? ` in the genre “${genre}”` : ""}${tag ? ` tagged “${tag}”` : ""}` : "";
  return `${nouns[type]} ${verb} “${searched}”${filters}.`;
}
