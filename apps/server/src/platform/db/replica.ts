import pg from "pg";
import type { Logger } from "../logger.ts";

/**
 * `starting` until the first check answers (reads go to the primary, uncounted);
 * then `healthy` (reads go to the replica), `lagging` or `down` (reads fall back).
 */
export type ReplicaState = "starting" | "healthy" | "lagging" | "down";
export type FallbackReason = "down" | "lagging";

export interface ReplicaStatus {
  state: ReplicaState;
  /** Seconds the replica is behind, as of the last check; 0 when it has replayed all it received; null when unknown. */
  lagSeconds: number | null;
  checkedAt: Date | null;
  /** Why the last check found it down (connection error, "not a standby", …). */
  problem: string | null;
}

/** What a Database exposes about its read replica: health, and how often reads fell back. */
export interface ReplicaHealth {
  status(): ReplicaStatus;
  /** Reads that wanted the replica but went to the primary, by reason, since start. */
  readonly fallbacks: Readonly<Record<FallbackReason, number>>;
  /** Checks the replica now (tests, diagnostics); the background checks go on regardless. */
  check(): Promise<ReplicaStatus>;
}

export interface ReplicaMonitorOptions {
  url: string;
  maxLagSeconds: number;
  intervalMs: number;
  logger: Logger;
}

interface Probe {
  in_recovery: boolean;
  replayed_all_received: boolean;
  receiving: boolean;
  replay_age_seconds: number | null;
}

/*
 * The replay timestamp is the commit time of the last transaction replayed, so on an idle
 * primary it grows without the replica being behind at all. A standby that is streaming
 * and has replayed everything it received is as fresh as the primary's last commit, so it
 * counts as 0 s behind. (pg_stat_wal_receiver shows its row, pid only, to every role.)
 */
const probeSql = `
  SELECT pg_is_in_recovery() AS in_recovery,
         pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AS replayed_all_received,
         EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS receiving,
         extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS replay_age_seconds`;

/**
 * Errors that mean the connection (or the server behind it) is gone, as opposed to an
 * error in the query: network errors, SQLSTATE class 08, and the shutdown codes 57P01-03.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return true;
    if (/^E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN)$/.test(code)) return true;
  }
  return /Connection terminated|connection timeout|connection error|not queryable|Query read timeout/i.test(
    error.message,
  );
}

/**
 * Checks the read replica in the background (never on a request's path) about once per
 * `intervalMs`, on a connection of its own, and keeps its state for `forRead()` to consult.
 * Logs each change of state once, not per request.
 */
export class ReplicaMonitor implements ReplicaHealth {
  readonly fallbacks: Record<FallbackReason, number> = { down: 0, lagging: 0 };
  #status: ReplicaStatus = { state: "starting", lagSeconds: null, checkedAt: null, problem: null };
  // A lag seen once may be the instant between receiving WAL and replaying it after a
  // quiet spell; two checks in a row make it real.
  #lagStreak = 0;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<ReplicaStatus> | null = null;
  #stopped = false;
  readonly #pool: pg.Pool;
  readonly options: ReplicaMonitorOptions;

  constructor(options: ReplicaMonitorOptions) {
    this.options = options;
    const timeout = Math.max(1000, Math.min(5000, options.intervalMs * 2));
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: 1,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      idleTimeoutMillis: 60_000,
      allowExitOnIdle: true,
      application_name: "stave-replica-monitor",
    });
    this.#pool.on("error", (error) => this.reportFailure(error));
  }

  status(): ReplicaStatus {
    return { ...this.#status };
  }

  get state(): ReplicaState {
    return this.#status.state;
  }

  start() {
    this.#schedule(0);
  }

  async stop() {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#inFlight?.catch(() => undefined);
    await this.#pool.end();
  }

  /** Counts one read sent to the primary because the replica is not usable. */
  countFallback(reason: FallbackReason) {
    this.fallbacks[reason] += 1;
  }

  /**
   * A read on the replica failed with a connection error: mark it down now rather than
   * at the next check, so the requests that follow go to the primary straight away.
   */
  reportFailure(error: unknown) {
    if (this.#stopped || !isConnectionError(error)) return;
    this.#transition({
      state: "down",
      lagSeconds: null,
      checkedAt: new Date(),
      problem: error instanceof Error ? error.message : String(error),
    });
  }

  check(): Promise<ReplicaStatus> {
    this.#inFlight ??= this.#probe().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  #schedule(delayMs: number) {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.check().finally(() => this.#schedule(this.options.intervalMs));
    }, delayMs);
    // Monitoring never keeps the process alive.
    this.#timer.unref();
  }

  async #probe(): Promise<ReplicaStatus> {
    let next: ReplicaStatus;
    try {
      const { rows } = await this.#pool.query<Probe>(probeSql);
      next = this.#judge(rows[0]);
    } catch (error) {
      next = {
        state: "down",
        lagSeconds: null,
        checkedAt: new Date(),
        problem: error instanceof Error ? error.message : String(error),
      };
    }
    if (!this.#stopped) this.#transition(next);
    return this.status();
  }

  #judge(probe: Probe | undefined): ReplicaStatus {
    const checkedAt = new Date();
    if (!probe?.in_recovery) {
      // Promoted, or pointed at a primary: not the replica of our primary any more.
      return { state: "down", lagSeconds: null, checkedAt, problem: "the server is not a standby (not in recovery)" };
    }
    const lagSeconds = probe.receiving && probe.replayed_all_received ? 0 : (probe.replay_age_seconds ?? null);
    const tooFarBehind = lagSeconds === null || lagSeconds > this.options.maxLagSeconds;
    this.#lagStreak = tooFarBehind ? this.#lagStreak + 1 : 0;
    if (tooFarBehind && this.#lagStreak >= 2) return { state: "lagging", lagSeconds, checkedAt, problem: null };
    // A first lagging sighting keeps the state it had (healthy stays healthy one more check).
    const state = tooFarBehind ? this.#status.state : "healthy";
    return { state, lagSeconds, checkedAt, problem: state === "down" ? this.#status.problem : null };
  }

  #transition(next: ReplicaStatus) {
    const previous = this.#status.state;
    this.#status = next;
    if (next.state === previous) return;
    const log = this.options.logger;
    const details = { replicaState: next.state, previousState: previous };
    if (next.state === "down") {
      log.warn({ ...details, reason: next.problem }, "read replica unreachable: reads fall back to the primary");
    } else if (next.state === "lagging") {
      log.warn(
        { ...details, lagSeconds: next.lagSeconds, maxLagSeconds: this.options.maxLagSeconds },
        "read replica lagging past the bound: reads fall back to the primary",
      );
    } else if (next.state === "healthy") {
      log.info({ ...details, lagSeconds: next.lagSeconds }, "read replica healthy: reads go to it");
    }
  }
}
