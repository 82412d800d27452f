import { api, type StreamResponse, type Track, type TrackPage, type UpdateTrackRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

const pageQuery = (cursor: string | undefined, limit = PAGE_SIZE) => ({ limit, cursor: cursor || undefined });

export async function fetchTrack(id: string, signal?: AbortSignal): Promise<Track> {
  return (await callApi(api.tracks.get, { params: { id }, signal })).track;
}

export async function updateTrack(id: string, changes: UpdateTrackRequest): Promise<Track> {
  return (await callApi(api.tracks.update, { params: { id }, body: changes })).track;
}

/** Removes the track and its media for good. */
export function deleteTrack(id: string): Promise<undefined> {
  return callApi(api.tracks.delete, { params: { id } });
}

/** Processes a failed track again; the answer is the track back at "uploaded". */
export async function retryTrack(id: string): Promise<Track> {
  return (await callApi(api.tracks.retry, { params: { id } })).track;
}

/** The latest public tracks on the instance. */
export function fetchLatestTracks(cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  return callApi(api.tracks.latest, { query: pageQuery(cursor), signal });
}

/** The signed-in creator's tracks in every state. */
export function fetchMyTracks(cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  return callApi(api.tracks.mine, { query: pageQuery(cursor), signal });
}

/** A creator's public tracks (all of them when it is the signed-in user). */
export function fetchCreatorTracks(username: string, cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  return callApi(api.tracks.byCreator, { params: { username }, query: pageQuery(cursor), signal });
}

/** A signed, expiring URL of the track's HLS master playlist. 409 TRACK_NOT_READY while processing. */
export function fetchStreamUrl(id: string, signal?: AbortSignal): Promise<StreamResponse> {
  return callApi(api.streaming.streamUrl, { params: { id }, signal });
}
