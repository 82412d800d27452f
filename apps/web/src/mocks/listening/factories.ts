import { minutesAgo, mockId } from "../accounts/factories.ts";

/** The mocked instance's "today" (UTC), the day the fixtures' clock reads. */
export const MOCK_TODAY = "2025-05-01";

/** One play in someone's history, as the mocked server keeps it. */
export type MockHistoryEntry = {
  id: string;
  userId: string;
  trackId: string;
  playedAt: string;
  listenedMs: number;
  /** The play this entry follows, while it goes on. */
  playId?: string;
};

/** Counted plays of a track on one UTC day. */
export type MockPlayDay = { trackId: string; day: string; plays: number; listeners: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `n` days before `today`. */
export function dayBefore(today: string, n: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}

export function buildHistoryEntry(overrides: Partial<MockHistoryEntry> & Pick<MockHistoryEntry, "userId" | "trackId">) {
  return { id: mockId(), playedAt: minutesAgo(5), listenedMs: 95_000, ...overrides } satisfies MockHistoryEntry;
}

/**
 * `count` plays by `userId`, newest first, cycling through `trackIds`, spread over the last
 * days: a history long enough to page through.
 */
export function buildListeningHistory(userId: string, trackIds: readonly string[], count: number): MockHistoryEntry[] {
  return Array.from({ length: count }, (_, index) =>
    buildHistoryEntry({
      userId,
      trackId: trackIds[index % trackIds.length] ?? "",
      playedAt: minutesAgo(7 + index * 47),
      listenedMs: index % 4 === 3 ? 12_000 : 60_000 + ((index * 37_000) % 150_000),
    }),
  );
}

type PlayDaysOptions = {
  /** How many days back from `today` (default a year). */
  days?: number;
  today?: string;
  /** Plays on a good day, at the end of the period (default 40). */
  peak?: number;
  /** Varies the pattern between tracks. */
  seed?: number;
};

/**
 * A believable year of a track's plays: growing towards today, busier at weekends, with
 * some noise; deterministic per `seed`. Days without plays are left out, as the server does.
 */
export function buildPlayDays(trackId: string, options: PlayDaysOptions = {}): MockPlayDay[] {
  const { days = 365, today = MOCK_TODAY, peak = 40, seed = 1 } = options;
  let noise = seed * 7919 + 13;
  const random = () => {
    noise = (noise * 9301 + 49297) % 233280;
    return noise / 233280;
  };
  const result: MockPlayDay[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const day = dayBefore(today, back);
    const growth = 0.15 + 0.85 * ((days - back) / days) ** 1.5;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.35 : 1;
    const plays = Math.round(peak * growth * weekend * (0.55 + 0.45 * random()));
    if (plays > 0) result.push({ trackId, day, plays, listeners: Math.max(1, Math.round(plays * 0.7)) });
  }
  return result;
}
