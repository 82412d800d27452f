import {
  type CreatorStats,
  isCreatorTier,
  type PlayProgress,
  type PlayStarted,
  playProgressRequestSchema,
  statsQuerySchema,
  type TrackStats,
  type TrackStatsRow,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { csrfFailure, readJson, requireUser } from "../accounts/guards.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import { toSummary } from "../tracks/factories.ts";
import type { MockListeningState, MockPeriod } from "./state.ts";

const PROGRESS_SLACK_MS = 10_000;
const noContent = () => new HttpResponse(null, { status: 204 });

/** Keyset pagination as the server does it, with the position as an opaque cursor. */
function page<T>(items: T[], request: Request) {
  const query = new URL(request.url).searchParams;
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 20) || 20));
  const start = Number(query.get("cursor") ?? 0) || 0;
  const nextCursor = start + limit < items.length ? String(start + limit) : null;
  return HttpResponse.json({ items: items.slice(start, start + limit), nextCursor });
}

/** The signed-in creator, or the reply the server would give instead. */
function requireCreator(state: MockListeningState, request: Request): MockUser | Response {
  const user = requireUser(state.tracks.accounts, request);
  if (user instanceof Response) return user;
  if (!isCreatorTier(user.me.role)) {
    return errorResponse("CREATOR_ROLE_REQUIRED", "Become a creator to do this (Settings → Account)");
  }
  return user;
}

/** `?days=` as the server reads it, or its 400. */
function periodOf(state: MockListeningState, request: Request): MockPeriod | Response {
  const days = new URL(request.url).searchParams.get("days") ?? undefined;
  const parsed = statsQuerySchema.safeParse({ days });
  if (!parsed.success) {
    return errorResponse("VALIDATION_FAILED", "The request is not valid", {
      details: [{ path: "querystring.days", message: "Invalid option: expected one of 7|30|365" }],
    });
  }
  return state.period(parsed.data.days);
}

const sumOf = (rows: { plays: number }[]) => rows.reduce((sum, row) => sum + row.plays, 0);
// The mock keeps no listener identities: a period's listeners are its days' added up.
const listenersOf = (rows: { listeners: number }[]) => rows.reduce((sum, row) => sum + row.listeners, 0);

/** Plays and history (/api/v1/tracks/:id/plays, /api/v1/plays/*, /api/v1/me/history) and creator stats. */
export function listeningHandlersFor(state: MockListeningState) {
  return [
    http.post("/api/v1/tracks/:id/plays", ({ request, params }) => {
      const refused = csrfFailure(state.tracks.accounts, request);
      if (refused) return refused;
      const track = state.tracks.find(String(params.id));
      if (!track || !state.tracks.canSee(track)) return errorResponse("NOT_FOUND", "Track not found");
      if (track.status !== "ready") return errorResponse("TRACK_NOT_READY", "The track is still being processed");
      const play = state.startPlay(track);
      const body: PlayStarted = { playId: play.id, trackId: track.id, countsAfterMs: play.countsAfterMs };
      return HttpResponse.json(body, { status: 201 });
    }),

    http.post("/api/v1/plays/:playId/progress", async ({ request, params }) => {
      const refused = csrfFailure(state.tracks.accounts, request);
      if (refused) return refused;
      const parsed = playProgressRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const play = state.plays.get(String(params.playId));
      if (!play || play.userId !== state.currentUserId) return errorResponse("NOT_FOUND", "Play not found");
      const { listenedMs } = parsed.data;
      if (play.durationMs !== null && listenedMs > play.durationMs + PROGRESS_SLACK_MS) {
        return errorResponse("PLAY_PROGRESS_IMPLAUSIBLE", "listenedMs is longer than the track");
      }
      state.progress(play, listenedMs);
      const body: PlayProgress = {
        playId: play.id,
        trackId: play.trackId,
        listenedMs: play.listenedMs,
        counted: play.counted,
      };
      return HttpResponse.json(body);
    }),

    http.get("/api/v1/me/history", ({ request }) => {
      const user = requireUser(state.tracks.accounts, request);
      if (user instanceof Response) return user;
      return page(state.historyOf(user.me.id), request);
    }),

    http.delete("/api/v1/me/history/:entryId", ({ request, params }) => {
      const user = requireUser(state.tracks.accounts, request);
      if (user instanceof Response) return user;
      const entryId = String(params.entryId);
      const before = state.history.length;
      state.history = state.history.filter((entry) => !(entry.id === entryId && entry.userId === user.me.id));
      return state.history.length < before ? noContent() : errorResponse("NOT_FOUND", "History entry not found");
    }),

    http.delete("/api/v1/me/history", ({ request }) => {
      const user = requireUser(state.tracks.accounts, request);
      if (user instanceof Response) return user;
      state.history = state.history.filter((entry) => entry.userId !== user.me.id);
      return noContent();
    }),

    http.get("/api/v1/me/stats", ({ request }) => {
      const user = requireCreator(state, request);
      if (user instanceof Response) return user;
      const period = periodOf(state, request);
      if (period instanceof Response) return period;
      const mine = state.tracks.tracks.filter((track) => track.owner.id === user.me.id);
      const rows = mine.flatMap((track) => state.playDaysOf(track.id, period));
      const topTracks: TrackStatsRow[] = mine
        .map((track) => {
          const days = state.playDaysOf(track.id, period);
          return { track: toSummary(track), plays: sumOf(days), listeners: listenersOf(days) };
        })
        .filter((row) => row.plays > 0)
        .sort((a, b) => b.plays - a.plays || a.track.id.localeCompare(b.track.id))
        .slice(0, 10);
      const body: CreatorStats = {
        ...period,
        totals: { plays: sumOf(rows), listeners: listenersOf(rows) },
        daily: state.daysOf(period).map((day) => ({
          day,
          plays: sumOf(rows.filter((row) => row.day === day)),
        })),
        topTracks,
      };
      return HttpResponse.json(body);
    }),

    http.get("/api/v1/me/stats/tracks/:id", ({ request, params }) => {
      const user = requireCreator(state, request);
      if (user instanceof Response) return user;
      const period = periodOf(state, request);
      if (period instanceof Response) return period;
      const track = state.tracks.find(String(params.id));
      if (!track || track.owner.id !== user.me.id) return errorResponse("NOT_FOUND", "Track not found");
      const rows = state.playDaysOf(track.id, period);
      const body: TrackStats = {
        ...period,
        track: toSummary(track),
        totals: { plays: sumOf(rows), listeners: listenersOf(rows) },
        daily: state.daysOf(period).map((day) => {
          const row = rows.find((candidate) => candidate.day === day);
          return { day, plays: row?.plays ?? 0, listeners: row?.listeners ?? 0 };
        }),
      };
      return HttpResponse.json(body);
    }),
  ];
}
