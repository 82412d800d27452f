import { countsAfterMs, type HistoryEntry, type StatsPeriod, type Track } from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";
import { toSummary } from "../tracks/factories.ts";
import type { MockTracksState } from "../tracks/state.ts";
import { dayBefore, MOCK_TODAY, type MockHistoryEntry, type MockPlayDay } from "./factories.ts";

/** What a mocked listening API starts from. */
export type MockListeningSeed = {
  /** The tracks played (default: the app's default tracks API), and through it who is signed in. */
  tracks: MockTracksState;
  /** Everyone's history (default: none). */
  history?: MockHistoryEntry[];
  /** Counted plays per track and day, for creator stats (default: none). */
  playDays?: MockPlayDay[];
};

type MockPlay = {
  id: string;
  trackId: string;
  userId: string | null;
  listenedMs: number;
  countsAfterMs: number;
  counted: boolean;
};

export type MockPeriod = { days: StatsPeriod; from: string; to: string };

/** The mocked server's plays, histories and daily counts. */
export class MockListeningState {
  readonly tracks: MockTracksState;
  /** The day new counted plays are booked on, and stats periods end. */
  readonly today = MOCK_TODAY;
  history: MockHistoryEntry[] = [];
  playDays: MockPlayDay[] = [];
  readonly plays = new Map<string, MockPlay>();

  constructor(private readonly seed: MockListeningSeed) {
    this.tracks = seed.tracks;
    this.reset();
  }

  reset(): void {
    this.history = structuredClone(this.seed.history ?? []);
    this.playDays = structuredClone(this.seed.playDays ?? []);
    this.plays.clear();
  }

  get currentUserId(): string | null {
    return this.tracks.currentUserId;
  }

  /** A play of `track` by whoever is signed in (or an anonymous browser); a history entry for a signed-in one. */
  startPlay(track: Track): MockPlay {
    const play: MockPlay = {
      id: mockId(),
      trackId: track.id,
      userId: this.currentUserId,
      listenedMs: 0,
      countsAfterMs: countsAfterMs(track.durationMs),
      counted: false,
    };
    this.plays.set(play.id, play);
    if (play.userId) {
      this.history.unshift({
        id: mockId(),
        userId: play.userId,
        trackId: track.id,
        playedAt: new Date().toISOString(),
        listenedMs: 0,
        playId: play.id,
      });
    }
    return play;
  }

  /** Heard `listenedMs` of the play so far; counts it the first time it reaches its threshold. */
  progress(play: MockPlay, listenedMs: number): void {
    play.listenedMs = Math.max(play.listenedMs, listenedMs);
    const entry = this.history.find((candidate) => candidate.playId === play.id);
    if (entry) entry.listenedMs = play.listenedMs;
    if (play.counted || play.listenedMs < play.countsAfterMs) return;
    // The mock leaves out the 10-minute rule: every play that reaches its threshold counts.
    play.counted = true;
    const track = this.tracks.find(play.trackId);
    if (track) track.playCount += 1;
    const day = this.playDays.find((row) => row.trackId === play.trackId && row.day === this.today);
    if (day) {
      day.plays += 1;
      day.listeners += 1;
    } else {
      this.playDays.push({ trackId: play.trackId, day: this.today, plays: 1, listeners: 1 });
    }
  }

  /** The user's history, newest first, as the server presents it (deleted tracks gone, hidden ones unavailable). */
  historyOf(userId: string): HistoryEntry[] {
    return this.history
      .filter((entry) => entry.userId === userId)
      .sort((a, b) => b.playedAt.localeCompare(a.playedAt))
      .flatMap((entry) => {
        const track = this.tracks.find(entry.trackId);
        if (!track) return [];
        const visible = this.tracks.canSee(track);
        return [
          {
            id: entry.id,
            playedAt: entry.playedAt,
            listenedMs: entry.listenedMs,
            track: visible ? toSummary(track) : null,
          },
        ];
      });
  }

  period(days: StatsPeriod): MockPeriod {
    return { days, from: dayBefore(this.today, days - 1), to: this.today };
  }

  /** Every day of the period, oldest first. */
  daysOf(period: MockPeriod): string[] {
    return Array.from({ length: period.days }, (_, index) => dayBefore(this.today, period.days - 1 - index));
  }

  /** The track's counted plays per day in the period. */
  playDaysOf(trackId: string, period: MockPeriod): MockPlayDay[] {
    return this.playDays.filter((row) => row.trackId === trackId && row.day >= period.from && row.day <= period.to);
  }
}
