import { z } from "zod";
import { pageOf } from "./pagination.ts";
import { trackSummarySchema } from "./tracks.ts";

const isoDate = z.string();
const day = z.iso.date();

/**
 * Listening, as the player reports it:
 *
 * 1. `POST /api/v1/tracks/:id/plays` (no body) when listening starts → 201 `PlayStarted`.
 *    Anyone who may view the track may play it, signed in or not (404 otherwise, 409
 *    TRACK_NOT_READY while it is processing). Limited per listener (429 with Retry-After).
 * 2. `POST /api/v1/plays/:playId/progress` `{listenedMs}` every few seconds and on
 *    pause/end → 200 `PlayProgress`. Only the listener who started the play may report on
 *    it (404 for anyone else).
 *
 * A play counts once `listenedMs` reaches `countsAfterMs`: 30 seconds, or the whole track
 * when it is shorter (less a second for the player's rounding). A listener's plays of one
 * track count at most once per 10 minutes; a play started within 10 minutes of their last
 * counted play of it is heard, kept in their history, and not counted.
 */
const countedPlayMinMs = 30_000;
/** The window in which a listener's further plays of a track do not count again. */
export const playRepeatWindowMinutes = 10;

/** How much of a track a listener must hear for a play to count (unknown length: 30 s). */
export const countsAfterMs = (durationMs: number | null): number =>
  durationMs === null ? countedPlayMinMs : Math.min(countedPlayMinMs, Math.max(1, durationMs - 1_000));

export const playStartedSchema = z
  .object({
    playId: z.uuid(),
    trackId: z.uuid(),
    /** Report at least this much `listenedMs` for the play to count. */
    countsAfterMs: z.number().int(),
  })
  .meta({ id: "PlayStarted" });
export type PlayStarted = z.infer<typeof playStartedSchema>;

export const playProgressRequestSchema = z
  .object({
    /**
     * Milliseconds of this play actually heard so far, in total (not the position: a seek
     * forward adds nothing). Reports may arrive out of order: the largest one wins. More
     * than the track's length (plus a few seconds), or than the time since the play
     * started, is refused with 422 PLAY_PROGRESS_IMPLAUSIBLE.
     */
    listenedMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
  })
  .meta({ id: "PlayProgressRequest" });
export type PlayProgressRequest = z.infer<typeof playProgressRequestSchema>;

export const playProgressSchema = z
  .object({
    playId: z.uuid(),
    trackId: z.uuid(),
    listenedMs: z.number().int(),
    /** This play has counted (now or by an earlier report). */
    counted: z.boolean(),
  })
  .meta({ id: "PlayProgress" });
export type PlayProgress = z.infer<typeof playProgressSchema>;

/**
 * One play in my history (`GET /api/v1/me/history`, newest first, keyset pages). One entry
 * per play, growing as its progress comes in. A track I may no longer see (made private by
 * its creator, or taken back for processing) stays in the list as `track: null`, so the
 * entry can still be removed; deleted tracks leave my history with them.
 */
const historyEntrySchema = z
  .object({
    id: z.uuid(),
    /** When the play started. */
    playedAt: isoDate,
    listenedMs: z.number().int(),
    track: trackSummarySchema.nullable(),
  })
  .meta({ id: "HistoryEntry" });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyPageSchema = pageOf(historyEntrySchema).meta({ id: "HistoryPage" });
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const statsPeriods = [7, 30, 365] as const;
export type StatsPeriod = (typeof statsPeriods)[number];

/** `?days=7|30|365` (default 30): the period ending today, in UTC days. */
export const statsQuerySchema = z.object({
  days: z
    .enum(["7", "30", "365"])
    .default("30")
    .transform((days) => Number(days) as StatsPeriod),
});

const statsPeriodFields = {
  days: z.literal(statsPeriods),
  /** First and last UTC day of the period, inclusive. */
  from: day,
  to: day,
};

const totalsSchema = z.object({
  plays: z.number().int(),
  /** Distinct listeners with a counted play in the period (signed in or not). */
  listeners: z.number().int(),
});

const dailyPlaysSchema = z.object({ day, plays: z.number().int() }).meta({ id: "DailyPlays" });

const trackDailyPlaysSchema = dailyPlaysSchema
  .extend({
    /** Distinct listeners of this track that day. */
    listeners: z.number().int(),
  })
  .meta({ id: "TrackDailyPlays" });

const trackStatsRowSchema = z
  .object({ track: trackSummarySchema, plays: z.number().int(), listeners: z.number().int() })
  .meta({ id: "TrackStatsRow" });
export type TrackStatsRow = z.infer<typeof trackStatsRowSchema>;

/**
 * `GET /api/v1/me/stats`: my tracks' counted plays, creator tier only. `daily` has every day
 * of the period, oldest first, zeros included; `topTracks` the (up to 10) most played.
 */
export const creatorStatsSchema = z
  .object({
    ...statsPeriodFields,
    totals: totalsSchema,
    daily: z.array(dailyPlaysSchema),
    topTracks: z.array(trackStatsRowSchema),
  })
  .meta({ id: "CreatorStats" });
export type CreatorStats = z.infer<typeof creatorStatsSchema>;

/** `GET /api/v1/me/stats/tracks/:id`: one of my tracks (404 for anyone else's). */
export const trackStatsSchema = z
  .object({
    ...statsPeriodFields,
    track: trackSummarySchema,
    totals: totalsSchema,
    daily: z.array(trackDailyPlaysSchema),
  })
  .meta({ id: "TrackStats" });
export type TrackStats = z.infer<typeof trackStatsSchema>;
