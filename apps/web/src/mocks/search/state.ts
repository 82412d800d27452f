import type { CreatorSummary, PlaylistSummary, Suggestion, Track } from "@stave/contracts";
import { defaultAccounts } from "../accounts/index.ts";
import type { MockAccountsState } from "../accounts/state.ts";
import { MockTracksState } from "../tracks/state.ts";
import { buildSearchCatalogPlaylists, buildSearchCatalogTracks } from "./factories.ts";
import { matches, matchesFirstField, type ParsedQuery, type Searchable, searchableOf, wordsOf } from "./matching.ts";

/** What a mocked search API searches. */
export type MockSearchSeed = {
  /**
   * The tracks: a tracks API's state, so its uploads and edits are found as they happen
   * (what `createMockApi` passes), or a fixed list (default: the search catalogue).
   */
  tracks?: MockTracksState | Track[];
  /** Default: a few public playlists by Mira, Ludwig and Zoé, and a private one. */
  playlists?: PlaylistSummary[];
};

export type SearchFilters = { genre?: string | undefined; tag?: string | undefined };

type Indexed<T> = { item: T; searchable: Searchable };

// Best matches first: the query in the title (or name), then the most popular.
function ranked<T>(found: Indexed<T>[], query: ParsedQuery, popularity: (item: T) => number | string): T[] {
  const score = (entry: Indexed<T>) => (matchesFirstField(entry.searchable, query) ? 1 : 0);
  return found
    .sort((a, b) => {
      const byTitle = score(b) - score(a);
      if (byTitle !== 0) return byTitle;
      const pa = popularity(a.item);
      const pb = popularity(b.item);
      return pa === pb ? 0 : pa < pb ? 1 : -1;
    })
    .map((entry) => entry.item);
}

const sameText = (a: string, b: string) => wordsOf(a).join(" ") === wordsOf(b).join(" ");

/** The mocked server's search index, read fresh from its sources on every request. */
export class MockSearchState {
  private readonly trackSource: MockTracksState | Track[];
  readonly playlists: PlaylistSummary[];
  /** Who is signed in: the tracks API's accounts, or the app's default ones for a fixed list. */
  readonly accounts: MockAccountsState;

  constructor(seed: MockSearchSeed = {}) {
    this.trackSource = seed.tracks ?? buildSearchCatalogTracks();
    this.playlists = seed.playlists ?? buildSearchCatalogPlaylists();
    this.accounts = seed.tracks instanceof MockTracksState ? seed.tracks.accounts : defaultAccounts.state;
  }

  /** Only public tracks that finished processing are searchable, whoever asks. */
  get tracks(): Track[] {
    const source = this.trackSource;
    if (source instanceof MockTracksState) source.advance();
    const all = source instanceof MockTracksState ? source.tracks : source;
    return all.filter((track) => track.status === "ready" && track.visibility === "public");
  }

  /** Everyone with at least one searchable track, with how many they have. */
  get creators(): CreatorSummary[] {
    const byId = new Map<string, CreatorSummary>();
    for (const { owner } of this.tracks) {
      const known = byId.get(owner.id);
      if (known) known.trackCount += 1;
      else byId.set(owner.id, { ...owner, trackCount: 1 });
    }
    return [...byId.values()];
  }

  private indexedTracks(): Indexed<Track>[] {
    return this.tracks.map((track) => ({
      item: track,
      searchable: searchableOf(
        track.title,
        track.artist,
        track.album,
        track.genre,
        track.tags.join(" "),
        track.owner.displayName,
        track.owner.username,
      ),
    }));
  }

  private indexedCreators(): Indexed<CreatorSummary>[] {
    return this.creators.map((creator) => ({
      item: creator,
      searchable: searchableOf(creator.displayName ?? creator.username, creator.username),
    }));
  }

  private indexedPlaylists(): Indexed<PlaylistSummary>[] {
    return this.playlists
      .filter((playlist) => playlist.visibility === "public")
      .map((playlist) => ({
        item: playlist,
        searchable: searchableOf(
          playlist.title,
          playlist.description,
          playlist.owner.displayName,
          playlist.owner.username,
        ),
      }));
  }

  /** Every word the index knows, for "did you mean". */
  vocabulary(): Set<string> {
    const entries = [...this.indexedTracks(), ...this.indexedCreators(), ...this.indexedPlaylists()];
    return new Set(entries.flatMap((entry) => entry.searchable.flat()));
  }

  findTracks(query: ParsedQuery, filters: SearchFilters = {}): Track[] {
    const found = this.indexedTracks().filter(
      ({ item, searchable }) =>
        matches(searchable, query) &&
        (filters.genre === undefined || (item.genre !== null && sameText(item.genre, filters.genre))) &&
        (filters.tag === undefined || item.tags.some((tag) => sameText(tag, filters.tag ?? ""))),
    );
    return ranked(found, query, (track) => track.playCount);
  }

  findCreators(query: ParsedQuery): CreatorSummary[] {
    const found = this.indexedCreators().filter(({ searchable }) => matches(searchable, query));
    return ranked(found, query, (creator) => creator.trackCount);
  }

  findPlaylists(query: ParsedQuery): PlaylistSummary[] {
    const found = this.indexedPlaylists().filter(({ searchable }) => matches(searchable, query));
    return ranked(found, query, (playlist) => playlist.updatedAt);
  }

  /** For the search box: creators whose name matches, then tracks whose title does. */
  suggest(query: ParsedQuery, limit: number): Suggestion[] {
    const creators: Suggestion[] = this.findCreators(query).map((creator) => ({
      kind: "creator",
      id: creator.id,
      username: creator.username,
      displayName: creator.displayName,
    }));
    const tracks: Suggestion[] = this.indexedTracks()
      .filter(({ searchable }) => matchesFirstField(searchable, query))
      .sort((a, b) => b.item.playCount - a.item.playCount)
      .map(({ item }) => ({
        kind: "track",
        id: item.id,
        title: item.title,
        ownerUsername: item.owner.username,
        ownerDisplayName: item.owner.displayName,
      }));
    return [...creators.slice(0, 3), ...tracks].slice(0, limit);
  }
}
