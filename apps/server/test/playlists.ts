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
import { insertTrack } from "../src/modules/tracks/tracks.repo.ts";
import type { Database } from "../src/platform/db/database.ts";
import { buildUser, type SignedIn, signIn, type TestUser } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";

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
  const id = randomUUID();
  const title = options.title ?? `Track ${id.slice(0, 8)}`;
  await insertTrack(database.primary, {
    id,
    ownerId,
    title,
    slug: `track-${id}`,
    description: null,
    genre: null,
    tags: [],
    visibility: options.visibility ?? "public",
    downloadable: false,
    license: null,
    releaseDate: null,
    originalKey: `tracks/${id}/original`,
    originalFormat: "wav",
    originalSize: 1000,
    originalFilename: "tone.wav",
    artworkSourceKey: null,
    artist: null,
    album: null,
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

export type Member = TestUser & { session: SignedIn };

let signIns = 0;

/** A verified user, signed in (each from its own address, so the per-IP login limit never bites). */
export async function buildMember(t: TestAppContext, role: Role = "user"): Promise<Member> {
  const user = await buildUser(t.db.database, { role });
  signIns += 1;
  return { ...user, session: await signIn(t.app, user, `198.51.100.${signIns % 250}`) };
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A request as `who` (signed in with their CSRF token), or anonymous when `who` is null. */
export function call(
  app: FastifyInstance,
  who: Member | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(who && { headers: method === "GET" ? { cookie: who.session.cookie } : who.session.headers }),
    ...(payload !== undefined && { payload: payload as object }),
  });
}

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
