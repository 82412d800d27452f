import type { CommentPage, CreateCommentRequest, TrackComment } from "@stave/contracts";
import type { Principal } from "../../platform/http/access.ts";
import { decodeKeyset, type PageRequest, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import { noticeAbout, notify } from "../notifications/index.ts";
import { loadVisibleTrack } from "../tracks/index.ts";
import { commentRule, viewerOf } from "../visibility/index.ts";
import { type CommentRow, deleteComment, findComment, insertComment, listComments } from "./comments.repo.ts";
import { withVisibleTrack } from "./likes.service.ts";
import type { SocialContext } from "./social.context.ts";
import { iso } from "./social.presenter.ts";

/** Enough for a conversation under a track, too few for a spam run. */
export const commentRateRule: RateRule = { name: "comments:user", limit: 10, windowSeconds: 60 };

/**
 * Only a comment's author and the track's owner (it is their page) may delete it. Moderators
 * and admins get no exception: deleting is irreversible and unaudited, so they take a
 * comment down through the moderation routes instead (reversible, in the audit log).
 */
const mayDelete = (comment: CommentRow, principal: Principal | null) =>
  principal !== null && (principal.userId === comment.author_id || principal.userId === comment.track_owner_id);

function presentComment(row: CommentRow, principal: Principal | null): TrackComment {
  return {
    id: row.id,
    trackId: row.track_id,
    author: { id: row.author_id, username: row.author_username, displayName: row.author_display_name ?? null },
    body: row.body,
    timestampMs: row.timestamp_ms,
    createdAt: iso(row.created_at),
    canDelete: mayDelete(row, principal),
    // Only its author and moderators ever get a taken-down comment (listComments).
    ...(row.taken_down_at && {
      takedown: { kind: "policy" as const, reason: row.takedown_reason ?? "", at: iso(row.taken_down_at) },
    }),
  };
}

/**
 * Comments are public writing: the author must have verified their address. A timestamp
 * must fall within the track, which has a length only once processed.
 */
export async function addComment(
  ctx: SocialContext,
  trackId: string,
  principal: Principal,
  request: CreateCommentRequest,
): Promise<TrackComment> {
  if (!principal.isVerified) {
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before commenting");
  }
  const timestampMs = request.timestampMs ?? null;
  // Before the transaction: the limiter has its own connection, and a transaction waiting on
  // a second one could starve the pool under load.
  await ctx.limiter.hit(commentRateRule, principal.userId);
  const id = await withVisibleTrack(ctx, trackId, principal, async (trx, track) => {
    if (timestampMs !== null) {
      if (track.duration_ms === null) throw new AppError("TRACK_NOT_READY", "The track is still being processed");
      if (timestampMs > track.duration_ms) {
        throw new AppError("VALIDATION_FAILED", "The timestamp is past the end of the track", [
          { path: "body.timestampMs", message: `must be at most ${track.duration_ms} (the track's length)` },
        ]);
      }
    }
    const commentId = await insertComment(trx, {
      trackId,
      authorId: principal.userId,
      body: request.body.trim(),
      timestampMs,
    });
    await notify(
      trx,
      {
        userId: track.owner_id,
        kind: "comment",
        actorId: principal.userId,
        ...noticeAbout("track", track, { commentId }),
      },
      ctx,
    );
    return commentId;
  });
  const row = await findComment(ctx.database.primary, id);
  if (!row) throw notFound("Comment");
  return presentComment(row, principal);
}

/**
 * A track's comments for the caller (404 when they may not see the track). A signed-in caller
 * reads the primary: the comment they just wrote must be there.
 */
export async function listTrackComments(
  ctx: SocialContext,
  trackId: string,
  principal: Principal | null,
  page: PageRequest,
): Promise<CommentPage> {
  await loadVisibleTrack(ctx, trackId, principal);
  const db = principal ? ctx.database.primary : ctx.database.forRead();
  const rows = await listComments(db, trackId, viewerOf(principal), {
    limit: page.limit,
    after: decodeKeyset(page.cursor),
  });
  return pageFrom(
    rows,
    page.limit,
    (row) => presentComment(row, principal),
    (row) => ({ at: row.created_key, id: row.id }),
  );
}

/** Its author and the track's owner may delete a comment; anyone else who can see it (moderators too) gets 403. */
export async function removeComment(ctx: SocialContext, trackId: string, commentId: string, principal: Principal) {
  const track = await loadVisibleTrack(ctx, trackId, principal);
  const comment = await findComment(ctx.database.primary, commentId);
  // The visibility module's comment rule: a taken-down comment is its author's and staff's alone.
  const visible =
    comment && comment.track_id === trackId && commentRule.allows(viewerOf(principal), { comment, track });
  if (!comment || !visible) throw notFound("Comment");
  if (!mayDelete(comment, principal)) {
    throw new AppError("FORBIDDEN", "Only its author or the track's owner can delete this comment");
  }
  await deleteComment(ctx.database.primary, commentId);
}
