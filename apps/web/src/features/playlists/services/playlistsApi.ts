import {
  type CreatePlaylistRequest,
  type Playlist,
  type PlaylistPage,
  playlistPageSchema,
  playlistResponseSchema,
  type UpdatePlaylistRequest,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

const PAGE_SIZE = 24;

function pagePath(path: string, cursor: string | undefined, limit = PAGE_SIZE): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return `${path}?${query}`;
}

const playlistPath = (id: string) => `/api/v1/playlists/${encodeURIComponent(id)}`;

/** A playlist with its tracks in order. 404 for someone else's private playlist. */
export async function fetchPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  return (await apiRequest(playlistPath(id), { schema: playlistResponseSchema, signal })).playlist;
}

export async function createPlaylist(request: CreatePlaylistRequest): Promise<Playlist> {
  return (await apiRequest("/api/v1/playlists", { method: "POST", body: request, schema: playlistResponseSchema }))
    .playlist;
}

export async function updatePlaylist(id: string, changes: UpdatePlaylistRequest): Promise<Playlist> {
  return (await apiRequest(playlistPath(id), { method: "PATCH", body: changes, schema: playlistResponseSchema }))
    .playlist;
}

/** Deletes the playlist; its tracks stay. */
export function deletePlaylist(id: string): Promise<undefined> {
  return apiRequest(playlistPath(id), { method: "DELETE" });
}

/** Appends the track. 409 TRACK_ALREADY_IN_PLAYLIST or PLAYLIST_FULL. */
export async function addPlaylistTrack(id: string, trackId: string): Promise<Playlist> {
  const path = `${playlistPath(id)}/tracks`;
  return (await apiRequest(path, { method: "POST", body: { trackId }, schema: playlistResponseSchema })).playlist;
}

export async function removePlaylistTrack(id: string, trackId: string): Promise<Playlist> {
  const path = `${playlistPath(id)}/tracks/${encodeURIComponent(trackId)}`;
  return (await apiRequest(path, { method: "DELETE", schema: playlistResponseSchema })).playlist;
}

/** Every track of the playlist in the new order. 409 PLAYLIST_ORDER_MISMATCH when the playlist changed meanwhile. */
export async function reorderPlaylist(id: string, trackIds: readonly string[]): Promise<Playlist> {
  const path = `${playlistPath(id)}/order`;
  return (await apiRequest(path, { method: "PUT", body: { trackIds }, schema: playlistResponseSchema })).playlist;
}

/** The signed-in user's playlists, whatever their visibility, newest first. */
export function fetchMyPlaylists(cursor?: string, signal?: AbortSignal): Promise<PlaylistPage> {
  return apiRequest(pagePath("/api/v1/me/playlists", cursor), { schema: playlistPageSchema, signal });
}

/** A user's public playlists, newest first. */
export function fetchUserPlaylists(username: string, cursor?: string, signal?: AbortSignal): Promise<PlaylistPage> {
  const path = `/api/v1/users/${encodeURIComponent(username)}/playlists`;
  return apiRequest(pagePath(path, cursor), { schema: playlistPageSchema, signal });
}
