import {
  type PlayProgress,
  type PlayStarted,
  playProgressSchema,
  playStartedSchema,
  type Role,
  type Visibility,
} from "@stave/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import type { Database } from "../src/platform/db/database.ts";
import { buildUser, signIn } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";
import { insertReadyTrack } from "./catalog.ts";

/** Who makes a request: a signed-in user's session, or an anonymous browser (its address and user agent). */
export interface Caller {
  headers: Record<string, string>;
  remoteAddress: string;
}

let anonymousCount = 0;

/** An anonymous browser at an address of its own (or the one given). */
export function anonymous(ip?: string, userAgent = "Mozilla/5.0 (StaveTest)"): Caller {
  anonymousCount += 1;
  return {
    headers: { "user-agent": userAgent },
    remoteAddress: ip ?? `192.0.2.${anonymousCount % 250}`,
  };
}

export type Member = Caller & { id: string; username: string; cookie: string };

let members = 0;

/** A verified user, signed in from an address of their own (the per-IP login limit never bites). */
export async function buildMember(app: FastifyInstance, database: Database, role: Role = "user"): Promise<Member> {
  const user = await buildUser(database, { role });
  members += 1;
  const remoteAddress = `198.51.100.${members % 250}`;
  const session = await signIn(app, user, remoteAddress);
  return {
    id: user.id,
    username: user.username,
    cookie: session.cookie,
    headers: { ...session.headers, "user-agent": "StaveTest/1.0" },
    remoteAddress,
  };
}

export interface ListeningTrackOptions {
  title?: string;
  durationMs?: number;
  visibility?: Visibility;
  status?: "processing" | "ready";
}

/** A processed track of `durationMs` (default 3 minutes), straight into the database. */
export async function buildListeningTrack(
  database: Database,
  ownerId: string,
  options: ListeningTrackOptions = {},
): Promise<string> {
  return insertReadyTrack(database, ownerId, {
    title: options.title ?? "Listening test",
    visibility: options.visibility ?? "public",
    status: options.status ?? "ready",
    durationMs: options.durationMs ?? 180_000,
  });
}

export function request(
  app: FastifyInstance,
  who: Caller,
  method: "GET" | "POST" | "DELETE",
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    remoteAddress: who.remoteAddress,
    headers: who.headers,
    ...(payload !== undefined && { payload }),
  });
}

export async function startPlay(app: FastifyInstance, who: Caller, trackId: string): Promise<PlayStarted> {
  const response = await request(app, who, "POST", `/api/v1/tracks/${trackId}/plays`);
  if (response.statusCode !== 201) throw new Error(`play failed: ${response.statusCode} ${response.body}`);
  return playStartedSchema.parse(response.json());
}

export const reportProgress = (app: FastifyInstance, who: Caller, playId: string, listenedMs: number) =>
  request(app, who, "POST", `/api/v1/plays/${playId}/progress`, { listenedMs });

export async function progressOf(response: LightMyRequestResponse): Promise<PlayProgress> {
  if (response.statusCode !== 200) throw new Error(`progress failed: ${response.statusCode} ${response.body}`);
  return playProgressSchema.parse(response.json());
}

/** As if the play had started `ms` earlier, so a report of that much listening is plausible. */
export async function backdatePlay(database: Database, playId: string, ms = 3_600_000) {
  await database.primary
    .updateTable("play_sessions")
    .set({ started_at: sql<Date>`started_at - make_interval(secs => ${ms / 1000})` })
    .where("id", "=", playId)
    .execute();
}

/** Starts a play and makes it old enough for any report (as if the listener had started long ago). */
export async function startOldPlay(app: FastifyInstance, database: Database, who: Caller, trackId: string) {
  const play = await startPlay(app, who, trackId);
  await backdatePlay(database, play.playId);
  return play;
}

/** A play heard for `listenedMs`, reported in one go. */
export async function listen(
  app: FastifyInstance,
  database: Database,
  who: Caller,
  trackId: string,
  listenedMs = 30_000,
) {
  const play = await startOldPlay(app, database, who, trackId);
  return progressOf(await reportProgress(app, who, play.playId, listenedMs));
}

/** Moves every counted play of the track `minutes` into the past (the 10-minute window, without waiting). */
export async function ageCounts(database: Database, trackId: string, minutes: number) {
  await database.primary
    .updateTable("track_listeners")
    .set({ last_counted_at: sql<Date>`last_counted_at - make_interval(mins => ${minutes})` })
    .where("track_id", "=", trackId)
    .execute();
}

export async function playCountOf(database: Database, trackId: string): Promise<number> {
  const row = await database.primary
    .selectFrom("tracks")
    .select("play_count")
    .where("id", "=", trackId)
    .executeTakeFirstOrThrow();
  return Number(row.play_count);
}

/**
 * The helpers above bound to a test file's app and database (read when called, once
 * `useTestApp` has made them), so the listening tests name only who does what.
 */
export function listeningKit(t: TestAppContext) {
  return {
    member: (role?: Role) => buildMember(t.app, t.db.database, role),
    track: (ownerId: string, options?: ListeningTrackOptions) => buildListeningTrack(t.db.database, ownerId, options),
    request: (who: Caller, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
      request(t.app, who, method, url, payload),
    startPlay: (who: Caller, trackId: string) => startPlay(t.app, who, trackId),
    startOldPlay: (who: Caller, trackId: string) => startOldPlay(t.app, t.db.database, who, trackId),
    reportProgress: (who: Caller, playId: string, listenedMs: number) => reportProgress(t.app, who, playId, listenedMs),
    listen: (who: Caller, trackId: string, listenedMs?: number) =>
      listen(t.app, t.db.database, who, trackId, listenedMs),
    ageCounts: (trackId: string, minutes: number) => ageCounts(t.db.database, trackId, minutes),
    playCountOf: (trackId: string) => playCountOf(t.db.database, trackId),
  };
}
