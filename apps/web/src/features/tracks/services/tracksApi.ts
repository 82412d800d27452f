import {
  type StreamResponse,
  streamResponseSchema,
  type Track,
  type TrackPage,
  trackPageSchema,
  trackResponseSchema,
  type UpdateTrackRequest,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

function pagePath(path: string, cursor: string | undefined, limit = PAGE_SIZE): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return `${path}?${query}`;
}

const trackPath = (id: string) => `/api/v1/tracks/${encodeURIComponent(id)}`;

export async function fetchTrack(id: string, signal?: AbortSignal): Promise<Track> {
  return (await apiRequest(trackPath(id), { schema: trackResponseSchema, signal })).track;
}

export async function updateTrack(id: string, changes: UpdateTrackRequest): Promise<Track> {
  return (await apiRequest(trackPath(id), { method: "PATCH", body: changes, schema: trackResponseSchema })).track;
}

/** Removes the track and its media for good. */
export function deleteTrack(id: string): Promise<undefined> {
  return apiRequest(trackPath(id), { method: "DELETE" });
}

/** Processes a failed track again; the answer is the track back at "uploaded". */
export async function retryTrack(id: string): Promise<Track> {
  return (await apiRequest(`${trackPath(id)}/retry`, { method: "POST", schema: trackResponseSchema })).track;
}

/** The latest public tracks on the instance. */
export function fetchLatestTracks(cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  return apiRequest(pagePath("/api/v1/tracks", cursor), { schema: trackPageSchema, signal });
}

/** The signed-in creator's tracks in every state. */
export function fetchMyTracks(cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  return apiRequest(pagePath("/api/v1/users/me/tracks", cursor), { schema: trackPageSchema, signal });
}

/** A creator's public tracks (all of them when it is the signed-in user). */
export function fetchCreatorTracks(username: string, cursor?: string, signal?: AbortSignal): Promise<TrackPage> {
  const path = `/api/v1/users/${encodeURIComponent(username)}/tracks`;
  return apiRequest(pagePath(path, cursor), { schema: trackPageSchema, signal });
}

/** A signed, expiring URL of the track's HLS master playlist. 409 TRACK_NOT_READY while processing. */
export function fetchStreamUrl(id: string, signal?: AbortSignal): Promise<StreamResponse> {
  return apiRequest(`${trackPath(id)}/stream`, { schema: streamResponseSchema, signal });
}
