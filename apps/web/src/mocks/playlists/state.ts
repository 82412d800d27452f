import type { Playlist, PlaylistSummary, Track, UpdatePlaylistRequest, Visibility } from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";
import { toSummary } from "../tracks/factories.ts";
import type { MockTracksState } from "../tracks/state.ts";
import type { MockPlaylistRecord } from "./factories.ts";

/** What a mocked playlists API starts from. */
export type MockPlaylistsSeed = {
  /** The tracks playlists hold (default: the app's default tracks API), and through it who is signed in. */
  tracks: MockTracksState;
  /** Everyone's playlists (default: none). */
  playlists?: MockPlaylistRecord[];
};

/** Enough covers for a 2×2 mosaic, as the server sends. */
const MOSAIC_SIZE = 4;

/** Why a change to a playlist's tracks was refused, as the server words it. */
export type TrackChangeRefusal =
  | { code: "TRACK_NOT_FOUND" }
  | { code: "NOT_IN_PLAYLIST" }
  | { code: "TRACK_ALREADY_IN_PLAYLIST" }
  | { code: "PLAYLIST_ORDER_MISMATCH"; missing: string[]; unexpected: string[] };

/** The mocked server's playlists, presented to each viewer as the real one presents them. */
export class MockPlaylistsState {
  readonly tracks: MockTracksState;
  playlists: MockPlaylistRecord[] = [];

  constructor(private readonly seed: MockPlaylistsSeed) {
    this.tracks = seed.tracks;
    this.reset();
  }

  reset(): void {
    this.playlists = structuredClone(this.seed.playlists ?? []);
  }

  get currentUserId(): string | null {
    return this.tracks.currentUserId;
  }

  /** Anyone's public or unlisted playlist; a private one only for its owner. */
  findVisible(id: string, viewerId: string | null): MockPlaylistRecord | undefined {
    const playlist = this.playlists.find((candidate) => candidate.id === id);
    if (!playlist || (playlist.visibility === "private" && playlist.owner.id !== viewerId)) return undefined;
    // Taken down: its owner still sees it (with the reason), and so do moderators.
    if (playlist.takedown && playlist.owner.id !== viewerId && !this.tracks.viewerIsModerator()) return undefined;
    return playlist;
  }

  /** The viewer's own playlist; anyone else's is "not found", as the server answers. */
  findOwned(id: string, ownerId: string): MockPlaylistRecord | undefined {
    return this.playlists.find((candidate) => candidate.id === id && candidate.owner.id === ownerId);
  }

  /** The server's rule for a playlist's tracks: your own in any state, anyone else's once ready and not private. */
  trackVisibleTo(track: Track, viewerId: string | null): boolean {
    if (track.owner.id === viewerId) return true;
    return track.status === "ready" && track.visibility !== "private";
  }

  /** The playlist's tracks the viewer gets, in order; deleted ones are gone. */
  visibleTracks(playlist: MockPlaylistRecord, viewerId: string | null): Track[] {
    return playlist.trackIds.flatMap((id) => {
      const track = this.tracks.find(id);
      return track && this.trackVisibleTo(track, viewerId) ? [track] : [];
    });
  }

  summaryOf(playlist: MockPlaylistRecord, viewerId: string | null): PlaylistSummary {
    const { trackIds: _trackIds, takedown, ...fields } = playlist;
    const tracks = this.visibleTracks(playlist, viewerId);
    const seesTakedown = playlist.owner.id === viewerId || this.tracks.viewerIsModerator();
    return {
      ...fields,
      ...(takedown && seesTakedown ? { takedown } : {}),
      trackCount: tracks.length,
      durationMs: tracks.reduce((total, track) => total + (track.durationMs ?? 0), 0),
      artworkUrls: tracks.flatMap((track) => (track.artworkUrl ? [track.artworkUrl] : [])).slice(0, MOSAIC_SIZE),
    };
  }

  detailOf(playlist: MockPlaylistRecord, viewerId: string | null): Playlist {
    return {
      ...this.summaryOf(playlist, viewerId),
      tracks: this.visibleTracks(playlist, viewerId).map(toSummary),
    };
  }

  /** Newest first, as the lists are ordered. */
  ownedBy(ownerId: string, visibilities: readonly Visibility[]): MockPlaylistRecord[] {
    return this.playlists
      .filter((playlist) => playlist.owner.id === ownerId && visibilities.includes(playlist.visibility))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  create(
    owner: Track["owner"],
    fields: { title: string; description: string | null; visibility: Visibility },
  ): MockPlaylistRecord {
    const now = new Date().toISOString();
    const playlist: MockPlaylistRecord = {
      id: mockId(),
      ...fields,
      owner,
      trackIds: [],
      createdAt: now,
      updatedAt: now,
    };
    this.playlists.push(playlist);
    return playlist;
  }

  update(playlist: MockPlaylistRecord, changes: UpdatePlaylistRequest): void {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    Object.assign(playlist, defined);
    this.touch(playlist);
  }

  remove(playlist: MockPlaylistRecord): void {
    this.playlists = this.playlists.filter((candidate) => candidate !== playlist);
  }

  /** Appends a track the owner may see, or says why not. */
  addTrack(playlist: MockPlaylistRecord, trackId: string): TrackChangeRefusal | undefined {
    const track = this.tracks.find(trackId);
    if (!track || !this.trackVisibleTo(track, playlist.owner.id)) return { code: "TRACK_NOT_FOUND" };
    if (playlist.trackIds.includes(trackId)) return { code: "TRACK_ALREADY_IN_PLAYLIST" };
    playlist.trackIds.push(trackId);
    this.touch(playlist);
    return undefined;
  }

  removeTrack(playlist: MockPlaylistRecord, trackId: string): TrackChangeRefusal | undefined {
    if (!playlist.trackIds.includes(trackId)) return { code: "NOT_IN_PLAYLIST" };
    playlist.trackIds = playlist.trackIds.filter((id) => id !== trackId);
    this.touch(playlist);
    return undefined;
  }

  /**
   * The owner's visible tracks in the order given, which must name exactly those: tracks
   * they cannot see keep their places, as on the server.
   */
  reorder(playlist: MockPlaylistRecord, trackIds: readonly string[]): TrackChangeRefusal | undefined {
    const visible = new Set(this.visibleTracks(playlist, playlist.owner.id).map((track) => track.id));
    const requested = new Set(trackIds);
    const missing = [...visible].filter((id) => !requested.has(id));
    const unexpected = trackIds.filter((id) => !visible.has(id));
    if (missing.length > 0 || unexpected.length > 0) return { code: "PLAYLIST_ORDER_MISMATCH", missing, unexpected };
    const next = trackIds[Symbol.iterator]();
    playlist.trackIds = playlist.trackIds.map((id) => (visible.has(id) ? (next.next().value as string) : id));
    this.touch(playlist);
    return undefined;
  }

  private touch(playlist: MockPlaylistRecord): void {
    playlist.updatedAt = new Date().toISOString();
  }
}
