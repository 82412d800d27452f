import type { takedownStateSchema } from "@stave/contracts";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../../platform/db/schema.ts";
import type { Principal } from "../../platform/http/access.ts";
import { notFound } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { recordAudit } from "../audit/index.ts";
import { notify } from "../notifications/index.ts";
import { lockPlaylistForTakedown, setPlaylistTakedown } from "../playlists/index.ts";
import { lockCommentForTakedown, setCommentTakedown } from "../social/index.ts";
import {
  clearTrackTakedown,
  inTransactionWithMediaMoves,
  lockTrackForTakedown,
  type MediaMoves,
  markTrackTakenDown,
} from "../tracks/index.ts";
import { viewerOf } from "../visibility/index.ts";
import type { ModerationContext } from "./moderation.context.ts";
import { mayModerate } from "./subjects.repo.ts";

/** What a moderator can take down (an account is suspended instead, by an admin). */
export type ModeratedType = "track" | "comment" | "playlist";
export interface Moderated {
  type: ModeratedType;
  id: string;
}

export interface TakedownRequest {
  reason: string;
  /** A copyright claim rather than a policy breach (kept for tracks, told to the owner). */
  copyright: boolean;
}

export type TakedownState = z.infer<typeof takedownStateSchema>;

/** Where the content stands after the action, and whether the action changed anything. */
export interface ModerationResult {
  subject: Moderated;
  ownerId: string;
  /** A track's or playlist's title, for the notices (a comment has none). */
  title: string | null;
  takenDown: boolean;
  reason: string | null;
  changed: boolean;
}

/**
 * Runs moderation work in one transaction, with what a track takedown needs to revoke its
 * media: if the transaction fails, the moved media goes back where it was.
 */
export async function inModerationTransaction<T>(
  ctx: ModerationContext,
  work: (trx: Transaction<DB>, media: MediaMoves) => Promise<T>,
): Promise<T> {
  return inTransactionWithMediaMoves(ctx.media, work);
}

/** The owner hears of it in the same transaction; the moderator stays anonymous (no actor). */
async function tellOwner(ctx: ModerationContext, trx: Kysely<DB>, result: ModerationResult) {
  await notify(
    trx,
    {
      userId: result.ownerId,
      kind: result.takenDown ? "content_taken_down" : "content_restored",
      subject: result.subject,
      data: {
        subjectType: result.subject.type,
        ...(result.title !== null && { title: result.title }),
        ...(result.takenDown && result.reason !== null && { reason: result.reason }),
      },
    },
    ctx,
  );
}

/**
 * Takes the content down, or leaves it as it is when it already is (a second moderator, a
 * report on something already handled). Null when it does not exist.
 */
export async function takeDown(
  ctx: ModerationContext,
  trx: Transaction<DB>,
  media: MediaMoves,
  subject: Moderated,
  request: TakedownRequest,
): Promise<ModerationResult | null> {
  const current = await lockSubject(trx, subject);
  if (!current) return null;
  const base = { subject, ownerId: current.owner_id, title: current.title, takenDown: true };
  if (current.taken_down_at !== null) return { ...base, reason: current.takedown_reason, changed: false };

  if (subject.type === "track") {
    const track = current as NonNullable<Awaited<ReturnType<typeof lockTrackForTakedown>>>;
    // Revoke the URLs already handed out, whatever the track's state: they name this prefix.
    const hlsPrefix = track.hls_prefix ? await media.revoke(trx, track.id, track.hls_prefix) : null;
    await markTrackTakenDown(trx, track.id, {
      reason: request.reason,
      kind: request.copyright ? "copyright" : "policy",
      hlsPrefix,
    });
  } else if (subject.type === "comment") {
    await setCommentTakedown(trx, subject.id, request.reason);
  } else {
    await setPlaylistTakedown(trx, subject.id, request.reason);
  }
  const result = { ...base, reason: request.reason, changed: true };
  await tellOwner(ctx, trx, result);
  return result;
}

/** Lifts a takedown (a no-op when there is none). Null when the content does not exist. */
export async function restore(
  ctx: ModerationContext,
  trx: Transaction<DB>,
  subject: Moderated,
): Promise<ModerationResult | null> {
  const current = await lockSubject(trx, subject);
  if (!current) return null;
  const result = {
    subject,
    ownerId: current.owner_id,
    title: current.title,
    takenDown: false,
    reason: null,
    changed: current.taken_down_at !== null,
  };
  if (!result.changed) return result;
  if (subject.type === "track") await clearTrackTakedown(trx, subject.id);
  else if (subject.type === "comment") await setCommentTakedown(trx, subject.id, null);
  else await setPlaylistTakedown(trx, subject.id, null);
  await tellOwner(ctx, trx, result);
  return result;
}

async function lockSubject(trx: Transaction<DB>, subject: Moderated) {
  switch (subject.type) {
    case "track":
      return lockTrackForTakedown(trx, subject.id);
    case "comment": {
      // A comment's notices name no title: "Your comment was taken down".
      const comment = await lockCommentForTakedown(trx, subject.id);
      return comment && { ...comment, title: null };
    }
    case "playlist":
      return lockPlaylistForTakedown(trx, subject.id);
  }
}

const nouns: Record<ModeratedType, string> = { track: "Track", comment: "Comment", playlist: "Playlist" };

/**
 * Whether a moderator may take down or restore this content by id, checked in the action's
 * transaction before it changes anything; a refusal is the 404 of an unknown id.
 *
 * Decision: a report entitles staff to its subject whatever its visibility now. It was filed
 * while the reporter could see it, and its owner may make it private afterwards to dodge
 * moderation, so the queue shows it, and resolving a report and these routes act on it, private
 * or not. Without a report, a moderator acts on anything but private content (a public upload
 * still processing is spam to stop before it is published) and on what is already taken down,
 * to lift it: a private track or playlist (and the comments under a private track) that nobody
 * reported is its owner's business (rules.ts), and a moderator must neither take it down nor
 * learn that it exists. Admins see everything by the rules, so they may act on anything.
 * The queue labels a reported subject with its current title, private or not: staff judge the
 * content as it is now (a title changed since may be the offence), while the reporter's notice
 * names no title of content private by then (reports.service.ts).
 */
async function assertMayModerate(trx: Transaction<DB>, subject: Moderated, principal: Principal) {
  if (!(await mayModerate(trx, subject, viewerOf(principal)))) throw notFound(nouns[subject.type]);
}

/** `POST /api/v1/admin/{tracks,comments,playlists}/:id/takedown`: the same change a report's take_down makes. */
export async function takeDownDirectly(
  ctx: ModerationContext,
  subject: Moderated,
  principal: Principal,
  request: TakedownRequest,
  meta: RequestMeta,
): Promise<TakedownState> {
  const result = await inModerationTransaction(ctx, async (trx, media) => {
    await assertMayModerate(trx, subject, principal);
    return takeDown(ctx, trx, media, subject, request);
  });
  if (!result) throw notFound(nouns[subject.type]);
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: principal.userId,
    action: "moderation.takedown",
    targetType: subject.type,
    targetId: subject.id,
    ...meta,
    metadata: {
      reason: request.reason,
      // Only a track tells a copyright claim apart.
      ...(subject.type === "track" && { kind: request.copyright ? "copyright" : "policy" }),
      changed: result.changed,
    },
  });
  return { id: subject.id, takenDown: true, reason: result.reason };
}

export async function restoreDirectly(
  ctx: ModerationContext,
  subject: Moderated,
  principal: Principal,
  reason: string,
  meta: RequestMeta,
): Promise<TakedownState> {
  const result = await inModerationTransaction(ctx, async (trx) => {
    await assertMayModerate(trx, subject, principal);
    return restore(ctx, trx, subject);
  });
  if (!result) throw notFound(nouns[subject.type]);
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: principal.userId,
    action: "moderation.restore",
    targetType: subject.type,
    targetId: subject.id,
    ...meta,
    metadata: { reason, changed: result.changed },
  });
  return { id: subject.id, takenDown: false, reason: null };
}
