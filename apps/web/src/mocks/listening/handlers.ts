import { api, type PageQuery, type TrackStatsRow } from "@stave/contracts";
import { HttpResponse } from "msw";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { toSummary } from "../tracks/factories.ts";
import type { MockListeningState } from "./state.ts";

const noContent = () => new HttpResponse(null, { status: 204 });

/** Keyset pagination as the server does it, with the position as an opaque cursor. */
function page<T>(items: T[], { limit, cursor }: PageQuery) {
  const start = Number(cursor ?? 0) || 0;
  const nextCursor = start + limit < items.length ? String(start + limit) : null;
  return { items: items.slice(start, start + limit), nextCursor };
}

const sumOf = (rows: { plays: number }[]) => rows.reduce((sum, row) => sum + row.plays, 0);
// The mock keeps no listener identities: a period's listeners are its days' added up.
const listenersOf = (rows: { listeners: number }[]) => rows.reduce((sum, row) => sum + row.listeners, 0);

/**
 * Plays, history and creator stats. The server's plausibility check of reported progress is
 * not copied: the player only reports what it played, and no story or test needs the refusal.
 */
export function listeningHandlersFor(state: MockListeningState) {
  const handle = mockOperations(state.tracks.accounts);
  return [
    handle(api.listening.startPlay, ({ params }) => {
      const track = state.tracks.find(String(params.id));
      if (!track || !state.tracks.canSee(track)) return errorResponse("NOT_FOUND", "Track not found");
      if (track.status !== "ready") return errorResponse("TRACK_NOT_READY", "The track is still being processed");
      const play = state.startPlay(track);
      return { playId: play.id, trackId: track.id, countsAfterMs: play.countsAfterMs };
    }),

    handle(api.listening.reportProgress, ({ params, body }) => {
      const play = state.plays.get(String(params.playId));
      if (!play || play.userId !== state.currentUserId) return errorResponse("NOT_FOUND", "Play not found");
      state.progress(play, body.listenedMs);
      return { playId: play.id, trackId: play.trackId, listenedMs: play.listenedMs, counted: play.counted };
    }),

    handle(api.listening.history, ({ query, user }) => page(state.historyOf(user.me.id), query)),

    handle(api.listening.removeHistoryEntry, ({ params, user }) => {
      const entryId = String(params.entryId);
      const before = state.history.length;
      state.history = state.history.filter((entry) => !(entry.id === entryId && entry.userId === user.me.id));
      return state.history.length < before ? noContent() : errorResponse("NOT_FOUND", "History entry not found");
    }),

    handle(api.listening.clearHistory, ({ user }) => {
      state.history = state.history.filter((entry) => entry.userId !== user.me.id);
      return noContent();
    }),

    handle(api.listening.creatorStats, ({ query, user }) => {
      const period = state.period(query.days);
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
      return {
        ...period,
        totals: { plays: sumOf(rows), listeners: listenersOf(rows) },
        daily: state.daysOf(period).map((day) => ({
          day,
          plays: sumOf(rows.filter((row) => row.day === day)),
        })),
        topTracks,
      };
    }),

    handle(api.listening.trackStats, ({ params, query, user }) => {
      const period = state.period(query.days);
      const track = state.tracks.find(String(params.id));
      if (!track || track.owner.id !== user.me.id) return errorResponse("NOT_FOUND", "Track not found");
      const rows = state.playDaysOf(track.id, period);
      return {
        ...period,
        track: toSummary(track),
        totals: { plays: sumOf(rows), listeners: listenersOf(rows) },
        daily: state.daysOf(period).map((day) => {
          const row = rows.find((candidate) => candidate.day === day);
          return { day, plays: row?.plays ?? 0, listeners: row?.listeners ?? 0 };
        }),
      };
    }),
  ];
}
