import type { Track, TrackStatusEvent } from "@stave/contracts";
import type { MockAccountsState } from "../accounts/state.ts";
import { buildLatestTracks, buildWaveform } from "./factories.ts";

/** What a mocked tracks API starts from. */
export type MockTracksSeed = {
  /** Every track on the instance, any owner and state (default: a few public ones by Mira and Theo). */
  tracks?: Track[];
  /** Who is signed in comes from here (default: the app's default mocked accounts). */
  accounts?: MockAccountsState;
  /** Larger files get 413 FILE_TOO_LARGE (default 200 MB). */
  maxUploadBytes?: number;
  /** A creator's total storage; going over it gets 413 QUOTA_EXCEEDED (default 1 GB). */
  quotaBytes?: number;
  /** How long the mocked worker takes to process an upload (default 4 s). */
  processingMs?: number;
};

type Processing = { startedAt: number; outcome: "ready" | "failed" };

/** A resumable (tus) upload the mocked server is receiving. */
export type MockResumableUpload = {
  id: string;
  ownerId: string;
  /** Upload-Length. */
  size: number;
  /** Bytes received so far (Upload-Offset). */
  offset: number;
  /** Upload-Metadata, decoded: `filename` and the track's text fields. */
  metadata: Record<string, string>;
  /** The first bytes, kept while the file is small enough for the mock to read its tags. */
  head: Uint8Array[];
};

const MB = 1024 * 1024;
export const FAILED_DECODE_REASON = "The file could not be decoded: it may be damaged or not audio at all.";

/** The mocked server's tracks and the pretend worker that processes uploads over time. */
export class MockTracksState {
  tracks: Track[] = [];
  /** Bytes stored per track, for the quota. */
  readonly sizes = new Map<string, number>();
  /** Uploaded artwork per track, served back at its artworkUrl. */
  readonly artwork = new Map<string, Blob>();
  private readonly processing = new Map<string, Processing>();
  /** Resumable uploads not finished yet, by id. */
  readonly resumable = new Map<string, MockResumableUpload>();
  readonly maxUploadBytes: number;
  readonly quotaBytes: number;
  readonly processingMs: number;
  /** Built once, so ids stay the same across resets. */
  private readonly initial: Track[];

  constructor(
    seed: MockTracksSeed,
    readonly accounts: MockAccountsState,
  ) {
    this.maxUploadBytes = seed.maxUploadBytes ?? 200 * MB;
    this.quotaBytes = seed.quotaBytes ?? 1024 * MB;
    this.processingMs = seed.processingMs ?? 4000;
    this.initial = seed.tracks ?? buildLatestTracks();
    this.reset();
  }

  reset(): void {
    this.tracks = structuredClone(this.initial);
    this.sizes.clear();
    this.artwork.clear();
    this.processing.clear();
    this.resumable.clear();
    for (const track of this.tracks) this.sizes.set(track.id, 8 * MB);
  }

  get currentUserId(): string | null {
    return this.accounts.currentUserId;
  }

  find(id: string): Track | undefined {
    this.advance();
    return this.tracks.find((track) => track.id === id);
  }

  /**
   * As the server decides: the owner sees everything; others, finished public or unlisted
   * tracks; moderators also those taken down.
   */
  canSee(track: Track): boolean {
    if (track.owner.id === this.currentUserId) return true;
    if (track.status === "hidden" && track.visibility !== "private" && this.viewerIsModerator()) return true;
    return track.status === "ready" && track.visibility !== "private";
  }

  /** The signed-in user moderates (moderators and admins see what was taken down). */
  viewerIsModerator(): boolean {
    const role = this.accounts.current?.me.role;
    return role === "admin" || role === "moderator";
  }

  usedBytes(ownerId: string): number {
    return this.tracks
      .filter((track) => track.owner.id === ownerId)
      .reduce((sum, track) => sum + (this.sizes.get(track.id) ?? 0), 0);
  }

  /** Hands a fresh upload (or a retried one) to the pretend worker. */
  startProcessing(track: Track, outcome: Processing["outcome"]): void {
    this.processing.set(track.id, { startedAt: Date.now(), outcome });
  }

  remove(id: string): void {
    this.tracks = this.tracks.filter((track) => track.id !== id);
    this.sizes.delete(id);
    this.artwork.delete(id);
    this.processing.delete(id);
  }

  /** Moves every track in the pretend worker's hands along to where the clock says it is. */
  advance(now = Date.now()): void {
    for (const [id, job] of this.processing) {
      const track = this.tracks.find((candidate) => candidate.id === id);
      if (!track) {
        this.processing.delete(id);
        continue;
      }
      const done = (now - job.startedAt) / this.processingMs;
      if (done < 0.1) continue;
      if (done < 1) {
        Object.assign(track, { status: "processing", progress: Math.min(99, Math.floor(done * 100)) });
        continue;
      }
      this.processing.delete(id);
      if (job.outcome === "failed") {
        Object.assign(track, { status: "failed", progress: 0, failureReason: FAILED_DECODE_REASON });
      } else {
        Object.assign(track, {
          status: "ready",
          progress: 100,
          failureReason: null,
          durationMs: 180_000 + (track.title.length % 7) * 11_000,
          loudness: { integratedLufs: -11.2, truePeakDbtp: -1.1, normalizationGainDb: -2.8 },
          waveform: buildWaveform(track.title.length),
        });
      }
      track.updatedAt = new Date(now).toISOString();
    }
  }

  statusOf(track: Track): TrackStatusEvent {
    return { status: track.status, progress: track.progress, failureReason: track.failureReason };
  }
}
