import {
  type createPlaylistRequestSchema,
  type Page,
  type Playlist,
  type PlaylistSummary,
  playlistTrackLimit,
  type UpdatePlaylistRequest,
} from "@stave/contracts";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";
import { decodeKeyset, isUuid, type PageRequest, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { findPageOwnerId } from "../accounts/index.ts";
import { playlistRule, type Viewer } from "../visibility/index.ts";
import { presentPlaylist, presentPlaylistSummary } from "./playlists.presenter.ts";
import {
  countAndLastPosition,
  deleteOwnedPlaylist,
  deletePlaylistTrack,
  findPlaylist,
  findPlaylistSummaries,
  insertPlaylist,
  insertPlaylistTrack,
  listPlaylistEntries,
  listPlaylistsByOwner,
  listVisiblePlaylistTracks,
  lockOwnedPlaylist,
  lockTrackVisibleTo,
  type PlaylistSummaryRow,
  setPlaylistOrder,
  touchPlaylist,
  updateOwnedPlaylist,
} from "./playlists.repo.ts";

const playlistNotFound = () => notFound("Playlist");

/**
 * The playlist as `viewer` sees it (the visibility module's playlist rule): anyone it hides
 * from gets the same 404 as for an id that never existed, so its existence does not leak.
 */
async function readPlaylist(db: Kysely<DB>, id: string, viewer: NonNullable<Viewer> | null): Promise<Playlist> {
  const row = await findPlaylist(db, id);
  if (!row || !playlistRule.allows(viewer, { playlist: row })) throw playlistNotFound();
  return presentPlaylist(row, await listVisiblePlaylistTracks(db, id, viewer?.userId ?? null));
}

/** Anyone's view of a playlist; a signed-in caller reads the primary, since it may be their own fresh change. */
export function getPlaylist(database: Database, id: string, viewer: Viewer): Promise<Playlist> {
  return readPlaylist(viewer ? database.primary : database.forRead(), id, viewer);
}

export async function createPlaylist(
  database: Database,
  ownerId: string,
  request: z.output<typeof createPlaylistRequestSchema>,
): Promise<Playlist> {
  const id = await insertPlaylist(database.primary, {
    ownerId,
    title: request.title,
    description: request.description ?? null,
    visibility: request.visibility,
  });
  return readPlaylist(database.primary, id, { userId: ownerId });
}

/** Only the owner may change a playlist; to anyone else it answers 404, as if it were private. */
export async function updatePlaylist(
  database: Database,
  id: string,
  ownerId: string,
  changes: UpdatePlaylistRequest,
): Promise<Playlist> {
  if (!(await updateOwnedPlaylist(database.primary, id, ownerId, changes))) throw playlistNotFound();
  return readPlaylist(database.primary, id, { userId: ownerId });
}

export async function deletePlaylist(database: Database, id: string, ownerId: string): Promise<void> {
  if (!(await deleteOwnedPlaylist(database.primary, id, ownerId))) throw playlistNotFound();
}

/** A change to the owner's playlist's tracks, under its row lock, then the playlist as they now see it. */
async function changeTracks(
  database: Database,
  id: string,
  ownerId: string,
  change: (trx: Transaction<DB>) => Promise<void>,
): Promise<Playlist> {
  await database.primary.transaction().execute(async (trx) => {
    if (!(await lockOwnedPlaylist(trx, id, ownerId))) throw playlistNotFound();
    await change(trx);
    await touchPlaylist(trx, id);
  });
  return readPlaylist(database.primary, id, { userId: ownerId });
}

/** Appends a track the owner may see (anyone's public or unlisted ready track, or one of their own). */
export function addTrackToPlaylist(database: Database, id: string, ownerId: string, trackId: string) {
  return changeTracks(database, id, ownerId, async (trx) => {
    if (!(await lockTrackVisibleTo(trx, trackId, ownerId))) throw notFound("Track");
    const { count, last } = await countAndLastPosition(trx, id);
    if (count >= playlistTrackLimit) {
      throw new AppError("PLAYLIST_FULL", `A playlist holds at most ${playlistTrackLimit} tracks`, {
        limit: playlistTrackLimit,
      });
    }
    if (!(await insertPlaylistTrack(trx, id, trackId, (last ?? -1) + 1))) {
      throw new AppError("TRACK_ALREADY_IN_PLAYLIST", "This track is already in the playlist");
    }
  });
}

export function removeTrackFromPlaylist(database: Database, id: string, ownerId: string, trackId: string) {
  return changeTracks(database, id, ownerId, async (trx) => {
    if (!(await deletePlaylistTrack(trx, id, trackId))) {
      throw new AppError("NOT_FOUND", "This track is not in the playlist");
    }
  });
}

/**
 * Puts the tracks the owner sees in the order given, which must name exactly those tracks:
 * a different set means the client's copy is stale (a track was added or removed since),
 * and applying it would silently undo that change. Tracks the owner cannot see (someone
 * else's, made private since) keep their places, so they come back where they were if their
 * creator makes them visible again.
 */
export function reorderPlaylist(database: Database, id: string, ownerId: string, trackIds: readonly string[]) {
  return changeTracks(database, id, ownerId, async (trx) => {
    const entries = await listPlaylistEntries(trx, id, ownerId);
    const current = new Set(entries.filter((entry) => entry.visible).map((entry) => entry.track_id));
    const requested = new Set(trackIds);
    const missing = [...current].filter((trackId) => !requested.has(trackId));
    const unexpected = trackIds.filter((trackId) => !current.has(trackId));
    if (missing.length > 0 || unexpected.length > 0 || requested.size !== trackIds.length) {
      throw new AppError(
        "PLAYLIST_ORDER_MISMATCH",
        "The new order must list exactly the playlist's current tracks, each once; reload the playlist and try again",
        { missing, unexpected },
      );
    }
    const next = trackIds[Symbol.iterator]();
    const order = entries.map((entry) => (entry.visible ? (next.next().value as string) : entry.track_id));
    await setPlaylistOrder(trx, id, order);
  });
}

/** A page of playlist summaries from rows fetched with limit + 1. */
const pageOfPlaylists = (
  rows: (PlaylistSummaryRow & { created_key: string })[],
  limit: number,
): Page<PlaylistSummary> =>
  pageFrom(rows, limit, presentPlaylistSummary, (row) => ({ at: row.created_key, id: row.id }));

/** All my playlists, whatever their visibility, newest first (from the primary: I may have just made one). */
export async function listMyPlaylists(database: Database, ownerId: string, page: PageRequest) {
  const rows = await listPlaylistsByOwner(
    database.primary,
    ownerId,
    ownerId,
    { limit: page.limit, after: decodeKeyset(page.cursor) },
    { everything: true },
  );
  return pageOfPlaylists(rows, page.limit);
}

/** A user's public playlists, newest first; unlisted and private ones are never listed, not even to their owner. */
export async function listPublicPlaylistsOf(
  database: Database,
  username: string,
  viewerId: string | null,
  page: PageRequest,
) {
  const replica = database.forRead();
  const ownerId = await findPageOwnerId(database, username, viewerId !== null);
  if (!ownerId) throw notFound("User");
  const rows = await listPlaylistsByOwner(
    ownerId === viewerId ? database.primary : replica,
    ownerId,
    viewerId,
    { limit: page.limit, after: decodeKeyset(page.cursor) },
    { everything: false },
  );
  return pageOfPlaylists(rows, page.limit);
}

/**
 * Summaries of the playlists `ids` names, in that order, as `viewer` sees them; ids of
 * playlists that are gone, hidden from them, or not ids at all are skipped. One statement
 * however many ids (for search results).
 */
export async function loadPlaylistSummaries(db: Kysely<DB>, ids: string[], viewer: Viewer): Promise<PlaylistSummary[]> {
  const rows = await findPlaylistSummaries(db, ids.filter(isUuid), viewer);
  const byId = new Map(rows.map((row) => [row.id, presentPlaylistSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
