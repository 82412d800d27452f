import type { LikedPlaylistPage, LikedTrackPage, PlaylistSocial, PlaylistSummary, TrackSocial } from "@stave/contracts";
import type { Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { Principal } from "../../platform/http/access.ts";
import { decodeKeyset, type PageRequest, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import { noticeAbout, notify } from "../notifications/index.ts";
import { findPlaylistAccess, loadPlaylistSummaries, lockPlaylistForReference } from "../playlists/index.ts";
import { canView, loadVisibleTrack, lockTrackForReference, type ReferencedTrack } from "../tracks/index.ts";
import { listedTrackRule, playlistRule, viewerOf } from "../visibility/index.ts";
import {
  deletePlaylistLike,
  deleteRepost,
  deleteTrackLike,
  findPlaylistSocial,
  findTrackSocial,
  insertPlaylistLike,
  insertRepost,
  insertTrackLike,
  listLikedPlaylists,
  listLikedTracks,
} from "./likes.repo.ts";
import type { SocialContext } from "./social.context.ts";
import { iso, presentPlaylistSocial, presentTrackSocial, presentTrackWithSocial } from "./social.presenter.ts";

/**
 * Likes, reposts and follows, per user: generous for anyone clicking, a brake on scripts
 * toggling a like to flood someone's notifications.
 */
export const socialActionRule: RateRule = { name: "social:user", limit: 120, windowSeconds: 60 };

const trackNotFound = () => notFound("Track");
const playlistNotFound = () => notFound("Playlist");

/**
 * Runs `change` in a transaction holding the track (key-share locked) if the caller may see
 * it; 404 otherwise, as for a track that never existed.
 */
export async function withVisibleTrack<T>(
  ctx: SocialContext,
  trackId: string,
  principal: Principal,
  change: (trx: Transaction<DB>, track: ReferencedTrack) => Promise<T>,
): Promise<T> {
  return ctx.database.primary.transaction().execute(async (trx) => {
    const track = await lockTrackForReference(trx, trackId);
    if (!track || !canView(track, principal)) throw trackNotFound();
    return change(trx, track);
  });
}

/** The track's counts and my flags, from the primary: it follows my own change. */
async function trackSocialAfterChange(ctx: SocialContext, trackId: string, userId: string): Promise<TrackSocial> {
  const row = await findTrackSocial(ctx.database.primary, trackId, userId);
  if (!row) throw trackNotFound();
  return presentTrackSocial(row, true);
}

/** Anyone's view of a track's counts (404 when they may not see the track). */
export async function getTrackSocial(
  ctx: SocialContext,
  trackId: string,
  principal: Principal | null,
): Promise<TrackSocial> {
  await loadVisibleTrack(ctx, trackId, principal);
  const db = principal ? ctx.database.primary : ctx.database.forRead();
  const row = await findTrackSocial(db, trackId, principal?.userId ?? null);
  if (!row) throw trackNotFound();
  return presentTrackSocial(row, principal !== null);
}

export async function likeTrack(ctx: SocialContext, trackId: string, principal: Principal): Promise<TrackSocial> {
  await ctx.limiter.hit(socialActionRule, principal.userId);
  await withVisibleTrack(ctx, trackId, principal, async (trx, track) => {
    if (!(await insertTrackLike(trx, trackId, principal.userId))) return;
    await notify(
      trx,
      { userId: track.owner_id, kind: "like", actorId: principal.userId, ...noticeAbout("track", track) },
      ctx,
    );
  });
  return trackSocialAfterChange(ctx, trackId, principal.userId);
}

export async function unlikeTrack(ctx: SocialContext, trackId: string, principal: Principal): Promise<TrackSocial> {
  await withVisibleTrack(ctx, trackId, principal, (trx) => deleteTrackLike(trx, trackId, principal.userId));
  return trackSocialAfterChange(ctx, trackId, principal.userId);
}

/**
 * A repost shares someone else's public track with my followers: my own tracks reach them
 * anyway, and an unlisted one was not meant to be listed.
 */
export async function repostTrack(ctx: SocialContext, trackId: string, principal: Principal): Promise<TrackSocial> {
  await ctx.limiter.hit(socialActionRule, principal.userId);
  await withVisibleTrack(ctx, trackId, principal, async (trx, track) => {
    if (track.owner_id === principal.userId) throw new AppError("BAD_REQUEST", "You cannot repost your own track");
    if (!listedTrackRule.allows(null, { track })) {
      throw new AppError("CONFLICT", "Only public tracks can be reposted");
    }
    if (!(await insertRepost(trx, trackId, principal.userId))) return;
    await notify(
      trx,
      { userId: track.owner_id, kind: "repost", actorId: principal.userId, ...noticeAbout("track", track) },
      ctx,
    );
  });
  return trackSocialAfterChange(ctx, trackId, principal.userId);
}

export async function unrepostTrack(ctx: SocialContext, trackId: string, principal: Principal): Promise<TrackSocial> {
  await withVisibleTrack(ctx, trackId, principal, (trx) => deleteRepost(trx, trackId, principal.userId));
  return trackSocialAfterChange(ctx, trackId, principal.userId);
}

async function changePlaylistLike(
  ctx: SocialContext,
  playlistId: string,
  principal: Principal,
  liked: boolean,
): Promise<PlaylistSocial> {
  await ctx.database.primary.transaction().execute(async (trx) => {
    const playlist = await lockPlaylistForReference(trx, playlistId);
    if (!playlist || !playlistRule.allows(viewerOf(principal), { playlist })) throw playlistNotFound();
    if (!liked) return deletePlaylistLike(trx, playlistId, principal.userId);
    if (!(await insertPlaylistLike(trx, playlistId, principal.userId))) return;
    await notify(
      trx,
      { userId: playlist.owner_id, kind: "like", actorId: principal.userId, ...noticeAbout("playlist", playlist) },
      ctx,
    );
  });
  const row = await findPlaylistSocial(ctx.database.primary, playlistId, principal.userId);
  if (!row) throw playlistNotFound();
  return presentPlaylistSocial(row, true);
}

export async function likePlaylist(ctx: SocialContext, playlistId: string, principal: Principal) {
  await ctx.limiter.hit(socialActionRule, principal.userId);
  return changePlaylistLike(ctx, playlistId, principal, true);
}

export const unlikePlaylist = (ctx: SocialContext, playlistId: string, principal: Principal) =>
  changePlaylistLike(ctx, playlistId, principal, false);

export async function getPlaylistSocial(
  ctx: SocialContext,
  playlistId: string,
  principal: Principal | null,
): Promise<PlaylistSocial> {
  const db = principal ? ctx.database.primary : ctx.database.forRead();
  const viewerId = principal?.userId ?? null;
  const playlist = await findPlaylistAccess(db, playlistId);
  if (!playlist || !playlistRule.allows(viewerOf(principal), { playlist })) throw playlistNotFound();
  const row = await findPlaylistSocial(db, playlistId, viewerId);
  if (!row) throw playlistNotFound();
  return presentPlaylistSocial(row, principal !== null);
}

/** My liked tracks, from the primary: the like I just made must be in the list. */
export async function listMyLikedTracks(
  ctx: SocialContext,
  principal: Principal,
  page: PageRequest,
): Promise<LikedTrackPage> {
  const rows = await listLikedTracks(
    ctx.database.primary,
    { userId: principal.userId, role: principal.role },
    { limit: page.limit, after: decodeKeyset(page.cursor) },
  );
  return pageFrom(
    rows,
    page.limit,
    (row) => ({ likedAt: iso(row.liked_at), ...presentTrackWithSocial(row, true) }),
    (row) => ({ at: row.liked_key, id: row.id }),
  );
}

export async function listMyLikedPlaylists(
  ctx: SocialContext,
  principal: Principal,
  page: PageRequest,
): Promise<LikedPlaylistPage> {
  const db = ctx.database.primary;
  const rows = await listLikedPlaylists(
    db,
    { userId: principal.userId, role: principal.role },
    {
      limit: page.limit,
      after: decodeKeyset(page.cursor),
    },
  );
  const shown = rows.slice(0, page.limit);
  const summaries = new Map<string, PlaylistSummary>(
    (
      await loadPlaylistSummaries(
        db,
        shown.map((row) => row.id),
        viewerOf(principal),
      )
    ).map((summary) => [summary.id, summary]),
  );
  const { nextCursor } = pageFrom(
    rows,
    page.limit,
    () => null,
    (row) => ({ at: row.liked_key, id: row.id }),
  );
  return {
    items: shown.flatMap((row) => {
      const playlist = summaries.get(row.id);
      if (!playlist) return [];
      return [
        {
          likedAt: iso(row.liked_at),
          playlist,
          social: { playlistId: row.id, likeCount: Number(row.like_count), viewer: { liked: true } },
        },
      ];
    }),
    nextCursor,
  };
}
