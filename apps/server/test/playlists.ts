import { randomUUID } from "node:crypto";
import {
  type Playlist,
  type PlaylistPage,
  playlistPageSchema,
  playlistSchema,
  type Role,
  type Visibility,
} from "@stave/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { beforeAll } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import { buildSignedInUser, requestAs, type SignedInUser } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";
import { insertReadyTrack } from "./catalog.ts";

export interface TrackOptions {
  title?: string;
  visibility?: Visibility;
  status?: "uploaded" | "processing" | "ready" | "failed";
  durationMs?: number;
  /** Whether processing produced artwork (the files themselves are not needed to list tracks). */
  artwork?: boolean;
}

/** A track row as processing leaves it, straight into the database: playlists need no audio. */
export async function buildTrack(database: Database, ownerId: string, options: TrackOptions = {}): Promise<string> {
  const id = await insertReadyTrack(database, ownerId, {
    title: options.title ?? `Track ${randomUUID().slice(0, 8)}`,
    visibility: options.visibility ?? "public",
  });
  const status = options.status ?? "ready";
  await database.primary
    .updateTable("tracks")
    .set({
      status,
      progress: status === "ready" ? 100 : 0,
      duration_ms: status === "ready" ? (options.durationMs ?? 1000) : null,
      artwork_prefix: options.artwork ? `tracks/${id}/artwork/` : null,
    })
    .where("id", "=", id)
    .execute();
  return id;
}

export async function setTrackVisibility(database: Database, trackId: string, visibility: Visibility) {
  await database.primary.updateTable("tracks").set({ visibility }).where("id", "=", trackId).execute();
}

export type Member = SignedInUser;

/** A verified user, signed in. */
export const buildMember = (t: TestAppContext, role: Role = "user"): Promise<Member> =>
  buildSignedInUser(t, { role }, "198.51.100");

/** The people of a playlists test: a playlist's owner, someone else, and a creator whose tracks go in playlists. */
export interface PlaylistCast {
  owner: Member;
  other: Member;
  creator: Member;
}

/** Signs the cast in before a test file's tests (read its fields inside tests). */
export function usePlaylistCast(t: TestAppContext): PlaylistCast {
  const cast = {} as PlaylistCast;
  beforeAll(async () => {
    cast.owner = await buildMember(t);
    cast.other = await buildMember(t);
    cast.creator = await buildMember(t, "creator");
  });
  return cast;
}

/** A request as `who` (signed in with their CSRF token), or anonymous when `who` is null. */
export const call = requestAs;

export function playlistOf(response: LightMyRequestResponse): Playlist {
  if (response.statusCode >= 300) throw new Error(`expected a playlist: ${response.statusCode} ${response.body}`);
  return playlistSchema.parse(response.json().playlist);
}

export function pageOf(response: LightMyRequestResponse): PlaylistPage {
  if (response.statusCode !== 200) throw new Error(`expected a page: ${response.statusCode} ${response.body}`);
  return playlistPageSchema.parse(response.json());
}

export async function createPlaylist(
  app: FastifyInstance,
  who: Member,
  body: { title: string; description?: string | null; visibility?: Visibility },
): Promise<Playlist> {
  const response = await call(app, who, "POST", "/api/v1/playlists", body);
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return playlistOf(response);
}

export async function addTracks(app: FastifyInstance, who: Member, playlistId: string, trackIds: string[]) {
  let playlist: Playlist | undefined;
  for (const trackId of trackIds) {
    playlist = playlistOf(await call(app, who, "POST", `/api/v1/playlists/${playlistId}/tracks`, { trackId }));
  }
  return playlist;
}

export const trackIdsOf = (playlist: Playlist) => playlist.tracks.map((track) => track.id);
