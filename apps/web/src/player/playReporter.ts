/** What the reporter needs from the API (the real one, or a stand-in in unit tests). */
export type PlayReportingApi = {
  startPlay: (trackId: string) => Promise<{ playId: string }>;
  reportProgress: (playId: string, listenedMs: number) => Promise<unknown>;
};

/**
 * Between two time updates the clock moves about a quarter of a second; a bigger jump is
 * a seek (or the tab waking up), which is not listening.
 */
const MAX_STEP_SECONDS = 2;

type Session = {
  trackId: string;
  /** The player's load this play belongs to: every (re)load of a track is a new play. */
  loadId: number;
  /** The server's id for this play, or null when it refused to start one. */
  playId: Promise<string | null>;
  listenedMs: number;
  reportedMs: number;
};

/**
 * Turns what the <audio> element does into play reports: a play starts when a track
 * starts sounding, and its progress is the time actually heard (seeks add nothing).
 * Reporting never gets in the way of playback: a refused or failed report is dropped.
 */
export class PlayReporter {
  private session: Session | null = null;
  /** Where the clock was at the last update while playing; null when paused or seeking. */
  private lastTime: number | null = null;

  constructor(
    private readonly api: PlayReportingApi,
    private readonly onStarted: () => void = () => {},
  ) {}

  /** The audio is sounding `trackId` (load `loadId`) from `currentTime`: a new play unless this one goes on. */
  playing(trackId: string, loadId: number, currentTime: number): void {
    if (this.session?.trackId !== trackId || this.session.loadId !== loadId) {
      this.end();
      const playId = this.api.startPlay(trackId).then(
        ({ playId }) => {
          this.onStarted();
          return playId;
        },
        () => null,
      );
      this.session = { trackId, loadId, playId, listenedMs: 0, reportedMs: 0 };
    }
    this.lastTime = currentTime;
  }

  /** The clock moved; counted as heard when it moved by a normal step while playing. */
  timeUpdate(currentTime: number, playing: boolean): void {
    if (this.session && playing && this.lastTime !== null) {
      const step = currentTime - this.lastTime;
      if (step > 0 && step <= MAX_STEP_SECONDS) this.session.listenedMs += step * 1000;
    }
    this.lastTime = playing ? currentTime : null;
  }

  /** A seek: the next update measures from the new position. */
  seeked(currentTime: number): void {
    if (this.lastTime !== null) this.lastTime = currentTime;
  }

  paused(): void {
    this.lastTime = null;
    this.flush();
  }

  /** The player loaded something else: the play of an earlier load is over. */
  loaded(loadId: number): void {
    if (this.session && this.session.loadId !== loadId) this.end();
  }

  /** The play is over (the track ended, or another one is loading): a last report, then a fresh start next time. */
  end(): void {
    this.flush();
    this.session = null;
    this.lastTime = null;
  }

  /** Reports the time heard, if it grew since the last report. */
  flush(): void {
    const session = this.session;
    if (!session) return;
    const listenedMs = Math.floor(session.listenedMs);
    if (listenedMs <= session.reportedMs) return;
    session.reportedMs = listenedMs;
    void session.playId.then((playId) => {
      if (playId) return this.api.reportProgress(playId, listenedMs).catch(() => undefined);
    });
  }
}
