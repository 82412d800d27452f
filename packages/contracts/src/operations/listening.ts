import { z } from "zod";
import {
  creatorStatsSchema,
  historyPageSchema,
  playProgressRequestSchema,
  playProgressSchema,
  playStartedSchema,
  statsQuerySchema,
  trackStatsSchema,
} from "../listening.ts";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";

const tags = ["listening"] as const;

export const listeningOperations = {
  startPlay: operation({
    method: "POST",
    path: "/api/v1/tracks/:id/plays",
    summary: "Start a play: the player calls this when listening starts",
    description:
      "Anyone who may view the track may play it, signed in or not (404 otherwise; 409 TRACK_NOT_READY while " +
      "it is processing). A signed-in listener's play also starts an entry in their history. Then report " +
      "progress to `POST /api/v1/plays/{playId}/progress`: the play counts once `countsAfterMs` have been " +
      "heard (30 s, or the whole track when shorter), at most once per listener and track in 10 minutes. " +
      "Limited to 120 plays per listener in 10 minutes (429 with Retry-After).",
    tags,
    access: "public",
    params: z.object({ id: z.uuid() }),
    response: { 201: playStartedSchema },
    errors: ["NOT_FOUND", "TRACK_NOT_READY", "RATE_LIMITED"],
  }),
  reportProgress: operation({
    method: "POST",
    path: "/api/v1/plays/:playId/progress",
    summary: "Report how much of a play has been heard (every ~10 s, and on pause and end)",
    description:
      "`listenedMs` is the total heard so far; the largest report wins. Only the listener who started the play " +
      "may report on it (404 otherwise). More than the track's length or the time since the play started " +
      "(each plus 10 s) is refused with 422 PLAY_PROGRESS_IMPLAUSIBLE.",
    tags,
    access: "public",
    params: z.object({ playId: z.uuid() }),
    body: playProgressRequestSchema,
    response: { 200: playProgressSchema },
    errors: ["NOT_FOUND", "PLAY_PROGRESS_IMPLAUSIBLE", "VALIDATION_FAILED"],
  }),
  history: operation({
    method: "GET",
    path: "/api/v1/me/history",
    summary: "What I listened to, newest first",
    description:
      "One entry per play. A track I may no longer see (made private, or back in processing) is listed as " +
      "`track: null`, unavailable, so the entry can still be removed; a deleted track leaves my history.",
    tags,
    access: "authenticated",
    query: pageQuerySchema,
    response: { 200: historyPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  removeHistoryEntry: operation({
    method: "DELETE",
    path: "/api/v1/me/history/:entryId",
    summary: "Remove one entry from my history (the play still counts)",
    tags,
    access: "authenticated",
    params: z.object({ entryId: z.uuid() }),
    response: {},
    errors: ["NOT_FOUND"],
  }),
  clearHistory: operation({
    method: "DELETE",
    path: "/api/v1/me/history",
    summary: "Clear my history (plays still count)",
    tags,
    access: "authenticated",
    response: {},
    errors: [],
  }),
  creatorStats: operation({
    method: "GET",
    path: "/api/v1/me/stats",
    summary: "Counted plays of my tracks per day, my top tracks and my listeners",
    description: "Over the last 7, 30 or 365 UTC days, today included. Stats may lag a few seconds.",
    tags,
    access: "creator",
    query: statsQuerySchema,
    response: { 200: creatorStatsSchema },
    errors: ["CREATOR_ROLE_REQUIRED", "VALIDATION_FAILED"],
  }),
  trackStats: operation({
    method: "GET",
    path: "/api/v1/me/stats/tracks/:id",
    summary: "One of my tracks' counted plays and listeners per day",
    description: "404 for a track that is not mine.",
    tags,
    access: "creator",
    params: z.object({ id: z.uuid() }),
    query: statsQuerySchema,
    response: { 200: trackStatsSchema },
    errors: ["CREATOR_ROLE_REQUIRED", "NOT_FOUND", "VALIDATION_FAILED"],
  }),
};
