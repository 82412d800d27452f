import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../jobs/index.ts";
import { AppError } from "./errors.ts";

export interface RateRule {
  /** Distinguishes what is limited: `login:ip`, `register:ip`… */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * The stored key: the subject (an email, a username, an address) only as a hash, so the
 * counters hold no personal data and an erased account leaves nothing behind in them.
 * An address subject is `countedAddress(ip)` from client-address.ts, so an IPv6 client
 * cannot escape a limit by rotating addresses inside its /64.
 */
const keyOf = (rule: RateRule, subject: string) =>
  `${rule.name}:${createHash("sha256").update(subject).digest("base64url")}`;

/**
 * Fixed-window counters in PostgreSQL, exact across every API process and restart.
 * Rejects with 429 RATE_LIMITED and a Retry-After when the window's limit is passed.
 */
export class RateLimiter {
  constructor(private readonly db: Executor) {}

  async hit(rule: RateRule, subject: string): Promise<void> {
    const { rows } = await sql<{ count: number; retry_after: number }>`
      INSERT INTO rate_limits AS r (key, window_start, count)
      VALUES (${keyOf(rule, subject)},
              to_timestamp(floor(extract(epoch FROM now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}), 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + 1
      RETURNING count,
        ceil(extract(epoch FROM window_start + make_interval(secs => ${rule.windowSeconds}) - now()))::int AS retry_after`.execute(
      this.db,
    );
    const row = rows[0];
    if (row && row.count > rule.limit) {
      const retryAfter = Math.max(1, row.retry_after);
      throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
        "retry-after": String(retryAfter),
      });
    }
  }

  /** Forgets a subject's count (a successful login clears its failures). */
  async reset(rule: RateRule, subject: string): Promise<void> {
    await this.db.deleteFrom("rate_limits").where("key", "=", keyOf(rule, subject)).execute();
  }

  async prune(): Promise<number> {
    const result = await this.db
      .deleteFrom("rate_limits")
      .where("window_start", "<", sql<Date>`now() - interval '2 days'`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
