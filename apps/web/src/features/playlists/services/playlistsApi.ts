import {
  api,
  type CreatePlaylistRequest,
  type Playlist,
  type PlaylistPage,
  type UpdatePlaylistRequest,
} from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

const PAGE_SIZE = 24;

const pageQuery = (cursor: string | undefined) => ({ limit: PAGE_SIZE, cursor });

/** A playlist with its tracks in order. 404 for someone else's private playlist. */
export async function fetchPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  return (await callApi(api.playlists.get, { params: { id }, signal })).playlist;
}

export async function createPlaylist(request: CreatePlaylistRequest): Promise<Playlist> {
  return (await callApi(api.playlists.create, { body: request })).playlist;
}

export async function updatePlaylist(id: string, changes: UpdatePlaylistRequest): Promise<Playlist> {
  return (await callApi(api.playlists.update, { params: { id }, body: changes })).playlist;
}

/** Deletes the playlist; its tracks stay. */
export function deletePlaylist(id: string): Promise<undefined> {
  return callApi(api.playlists.delete, { params: { id } });
}

/** Appends the track. 409 TRACK_ALREADY_IN_PLAYLIST or PLAYLIST_FULL. */
export async function addPlaylistTrack(id: string, trackId: string): Promise<Playlist> {
  return (await callApi(api.playlists.addTrack, { params: { id }, body: { trackId } })).playlist;
}

export async function removePlaylistTrack(id: string, trackId: string): Promise<Playlist> {
  return (await callApi(api.playlists.removeTrack, { params: { id, trackId } })).playlist;
}

/** Every track of the playlist in the new order. 409 PLAYLIST_ORDER_MISMATCH when the playlist changed meanwhile. */
export async function reorderPlaylist(id: string, trackIds: readonly string[]): Promise<Playlist> {
  return (await callApi(api.playlists.reorder, { params: { id }, body: { trackIds: [...trackIds] } })).playlist;
}

/** The signed-in user's playlists, whatever their visibility, newest first. */
export function fetchMyPlaylists(cursor?: string, signal?: AbortSignal): Promise<PlaylistPage> {
  return callApi(api.playlists.mine, { query: pageQuery(cursor), signal });
}

/** A user's public playlists, newest first. */
export function fetchUserPlaylists(username: string, cursor?: string, signal?: AbortSignal): Promise<PlaylistPage> {
  return callApi(api.playlists.ofUser, { params: { username }, query: pageQuery(cursor), signal });
}
