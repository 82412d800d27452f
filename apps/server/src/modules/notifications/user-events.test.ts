import { MAX_STREAMS_PER_USER, type Role } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { startTwoApiProcesses, type TwoApiProcesses } from "../../../test/app.ts";
import { changePassword, createAccessToken } from "../../../test/credentials.ts";
import type { TestDatabase } from "../../../test/database.ts";
import { buildTrack } from "../../../test/playlists.ts";
import { type EventReader, readEvents, type ServerSentEvent } from "../../../test/sse.ts";
import { TRACK_STATUS_CHANNEL } from "../tracks/tracks.repo.ts";
import { REPLACED_STREAM_RECONNECT_MS } from "./user-streams.ts";

/**
 * `GET /api/v1/me/events` over real HTTP, on two API processes over one database (each its own
 * pool and LISTEN connection), as two `stave serve` processes behind a proxy would be.
 */
let testDb: TestDatabase;
let processes: TwoApiProcesses;
let apiA: FastifyInstance;
let addressA: string;
let addressB: string;
let admin: SignedIn;
let ipCounter = 0;

beforeAll(async () => {
  processes = await startTwoApiProcesses();
  ({ db: testDb, apiA, addressA, addressB } = processes);
  admin = await signIn(apiA, await buildUser(testDb.database, { role: "admin" }), "198.51.100.1");
});

afterAll(async () => {
  await processes?.close();
});

/** Each sign-in from its own address, so the per-address login limit never gets in the way. */
function signInAgain(user: TestUser) {
  ipCounter += 1;
  return signIn(apiA, user, `198.51.100.${ipCounter + 1}`);
}

/** A user signed in twice, as in two browsers. */
async function signedInTwice(role?: Role) {
  const user = await buildUser(testDb.database, role && { role });
  return { user, first: await signInAgain(user), second: await signInAgain(user) };
}

const open: EventReader[] = [];
/** Opens a stream and waits for its first event (the current counts), so it is registered. */
async function openStream(address: string, headers: Record<string, string>) {
  const reader = await readEvents(`${address}/api/v1/me/events`, headers);
  open.push(reader);
  await reader.next((event) => event.event === "read");
  return reader;
}
const streamOf = (session: SignedIn, address = addressA) => openStream(address, { cookie: session.cookie });

const closedEvent = (reader: EventReader) => reader.events.find((event) => event.event === "closed");

/** The stream ends, from the server's side, after a last `closed` event with this reason. */
async function expectEnded(reader: EventReader, reason: string) {
  const ended = await Promise.race([
    reader.ended,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
  ]);
  expect(ended, "the stream to end").toEqual({ byServer: true });
  expect(closedEvent(reader)?.data).toEqual({ reason });
}

/** The stream is still open and delivering: it hears a `read` event made after `since` events. */
async function expectLive(reader: EventReader, since: number) {
  await reader.next((event: ServerSentEvent) => event.event === "read" && reader.events.indexOf(event) >= since);
  expect(closedEvent(reader)).toBeUndefined();
}

/** The stream survived what just happened: it still hears an event made now. */
async function expectStillLive(reader: EventReader, session: SignedIn) {
  const mark = reader.events.length;
  await pokeStreams(session);
  await expectLive(reader, mark);
}

async function revokeToken(session: SignedIn, id: string) {
  const revoked = await apiA.inject({
    method: "DELETE",
    url: `/api/v1/users/me/tokens/${id}`,
    headers: session.headers,
  });
  expect(revoked.statusCode, revoked.body).toBe(204);
}

/** Marks all notifications read: every open stream of the user hears a `read` event. */
async function pokeStreams(session: SignedIn) {
  const response = await apiA.inject({
    method: "POST",
    url: "/api/v1/me/notifications/read",
    headers: session.headers,
    payload: {},
  });
  expect(response.statusCode, response.body).toBe(200);
}

afterAll(() => {
  for (const reader of open) reader.close();
});

describe("live event streams per user", () => {
  it(`keeps at most ${MAX_STREAMS_PER_USER} per user across API processes, ending the oldest, which comes back later`, async () => {
    const user = await buildUser(testDb.database);
    const session = await signInAgain(user);
    const tabs: EventReader[] = [];
    // Spread over both processes: the limit is the user's, not one process's.
    for (let n = 0; n < MAX_STREAMS_PER_USER; n += 1) tabs.push(await streamOf(session, n % 2 ? addressB : addressA));
    const newest = await streamOf(session, addressB);

    const [oldest, ...kept] = tabs as [EventReader, ...EventReader[]];
    await expectEnded(oldest, "replaced");
    // EventSource reconnects after the `retry` hint: a minute, not at once (no tab ping-pong).
    expect(oldest.retryMs).toBe(REPLACED_STREAM_RECONNECT_MS);

    // The others and the newest go on hearing events.
    const marks = [...kept, newest].map((reader) => reader.events.length);
    await pokeStreams(session);
    for (const [index, reader] of [...kept, newest].entries()) await expectLive(reader, marks[index] as number);
  });

  it("counts only the streams still open: one that ended frees its place", async () => {
    const { first: session, second: leaving } = await signedInTwice();
    const first = await streamOf(session);
    const second = await streamOf(session, addressB);
    const other = await streamOf(leaving, addressB);
    const rest = [await streamOf(session), await streamOf(session, addressB)];
    // Five open; the third ends (its session signs out), so a sixth fits.
    const logout = await apiA.inject({ method: "POST", url: "/api/v1/auth/logout", headers: leaving.headers });
    expect(logout.statusCode, logout.body).toBe(204);
    await expectEnded(other, "signed_out");
    const sixth = await streamOf(session);
    const open = [first, second, ...rest, sixth];
    const marks = open.map((reader) => reader.events.length);
    await pokeStreams(session);
    for (const [index, reader] of open.entries()) await expectLive(reader, marks[index] as number);

    // A seventh is one too many: the oldest goes.
    await streamOf(session, addressB);
    await expectEnded(first, "replaced");
    expect(closedEvent(second)).toBeUndefined();
  });
});

describe("live event streams end when their sign-in is revoked", () => {
  it("ends a session's streams, in every process, when it signs out; other sessions' stay", async () => {
    const { first: leaving, second: staying } = await signedInTwice();
    const leavingTabs = [await streamOf(leaving), await streamOf(leaving, addressB)];
    const stayingTab = await streamOf(staying, addressB);

    const logout = await apiA.inject({ method: "POST", url: "/api/v1/auth/logout", headers: leaving.headers });
    expect(logout.statusCode, logout.body).toBe(204);
    for (const tab of leavingTabs) await expectEnded(tab, "signed_out");

    await expectStillLive(stayingTab, staying);
    // A reconnecting EventSource is refused, which stops it for good.
    const again = await fetch(`${addressA}/api/v1/me/events`, { headers: { cookie: leaving.cookie } });
    expect(again.status).toBe(401);
    await again.body?.cancel();
  });

  it("ends the streams of a session revoked from another one", async () => {
    const { first: lost, second: current } = await signedInTwice();
    const lostTab = await streamOf(lost, addressB);
    const currentTab = await streamOf(current);
    const sessions = await apiA.inject({ url: "/api/v1/users/me/sessions", headers: { cookie: current.cookie } });
    const other = (sessions.json().items as { id: string; current: boolean }[]).find((session) => !session.current);
    const revoked = await apiA.inject({
      method: "DELETE",
      url: `/api/v1/users/me/sessions/${other?.id}`,
      headers: current.headers,
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    await expectEnded(lostTab, "signed_out");
    await expectStillLive(currentTab, current);
  });

  it("ends the other sessions' streams on a password change, and keeps the current one's", async () => {
    const { user, first: elsewhere, second: here } = await signedInTwice();
    const elsewhereTab = await streamOf(elsewhere, addressB);
    const hereTab = await streamOf(here);
    const changed = await changePassword(apiA, here, {
      currentPassword: user.password,
      newPassword: "another-Long-passphrase-77",
    });
    expect(changed.statusCode, changed.body).toBe(204);
    await expectEnded(elsewhereTab, "signed_out");
    await expectStillLive(hereTab, here);
  });

  it("ends a stream opened with an access token when the token is revoked", async () => {
    const user = await buildUser(testDb.database);
    const session = await signInAgain(user);
    const { id, token } = await createAccessToken(apiA, user, session, { name: "desktop notifier" });
    const tokenTab = await openStream(addressB, { authorization: `Bearer ${token}` });
    const sessionTab = await streamOf(session);

    await revokeToken(session, id);
    await expectEnded(tokenTab, "signed_out");
    await expectStillLive(sessionTab, session);
  });

  it("ends a stream opened with an access token when the token expires", async () => {
    const user = await buildUser(testDb.database);
    const session = await signInAgain(user);
    const { id, token } = await createAccessToken(apiA, user, session, {
      name: "short-lived notifier",
      expiresInDays: 1,
    });
    // Expiry announces nothing: no revocation, no signal. Brought forward to a second from now.
    await testDb.database.primary
      .updateTable("personal_access_tokens")
      .set({ expires_at: sql<Date>`now() + interval '1500 milliseconds'` })
      .where("id", "=", id)
      .execute();
    const tokenTab = await openStream(addressB, { authorization: `Bearer ${token}` });
    const sessionTab = await streamOf(session);

    await expectEnded(tokenTab, "signed_out");
    await expectStillLive(sessionTab, session);
  });
});

/** A track's processing-status stream, over real HTTP; waits for its first `status` event. */
async function trackStreamOf(trackId: string, headers: Record<string, string>, address = addressB) {
  const reader = await readEvents(`${address}/api/v1/tracks/${trackId}/events`, headers);
  open.push(reader);
  await reader.next((event) => event.event === "status");
  return reader;
}

describe("a track's processing-status stream ends with its viewer's sign-in and account", () => {
  it("ends when its session signs out; another session's stays", async () => {
    const { user, first: leaving, second: staying } = await signedInTwice("creator");
    const trackId = await buildTrack(testDb.database, user.id, { status: "processing", visibility: "private" });
    const leavingTab = await trackStreamOf(trackId, { cookie: leaving.cookie });
    const stayingTab = await trackStreamOf(trackId, { cookie: staying.cookie }, addressA);

    const logout = await apiA.inject({ method: "POST", url: "/api/v1/auth/logout", headers: leaving.headers });
    expect(logout.statusCode, logout.body).toBe(204);
    await expectEnded(leavingTab, "signed_out");
    // The other session's stream goes on hearing the track's progress.
    await sql`SELECT pg_notify(${TRACK_STATUS_CHANNEL}, ${JSON.stringify({ trackId, status: "processing", progress: 40, failureReason: null })})`.execute(
      testDb.database.primary,
    );
    await stayingTab.next((event) => (event.data as { progress: number }).progress === 40);
    expect(closedEvent(stayingTab)).toBeUndefined();
  });

  it("ends when the access token it was opened with is revoked", async () => {
    const user = await buildUser(testDb.database, { role: "creator" });
    const session = await signInAgain(user);
    const { id, token } = await createAccessToken(apiA, user, session, { name: "upload script" });
    const trackId = await buildTrack(testDb.database, user.id, { status: "processing", visibility: "private" });
    const tokenTab = await trackStreamOf(trackId, { authorization: `Bearer ${token}` });

    await revokeToken(session, id);
    await expectEnded(tokenTab, "signed_out");
  });

  it("ends when the viewer's account is suspended", async () => {
    const user = await buildUser(testDb.database, { role: "creator" });
    const session = await signInAgain(user);
    const trackId = await buildTrack(testDb.database, user.id, { status: "processing", visibility: "private" });
    const tab = await trackStreamOf(trackId, { cookie: session.cookie });
    const suspended = await apiA.inject({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/suspend`,
      headers: admin.headers,
      payload: { reason: "Spam" },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    await expectEnded(tab, "account_closed");
  });
});

describe("live event streams end with the account", () => {
  it("ends every stream of a suspended user, in every process", async () => {
    const { user, first, second } = await signedInTwice("creator");
    const tabs = [await streamOf(first), await streamOf(first, addressB), await streamOf(second, addressB)];
    const suspended = await apiA.inject({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/suspend`,
      headers: admin.headers,
      payload: { reason: "Spam" },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    for (const tab of tabs) await expectEnded(tab, "account_closed");
  });

  it("ends every stream of a user who deletes their account", async () => {
    const user = await buildUser(testDb.database);
    const session = await signInAgain(user);
    const tabs = [await streamOf(session), await streamOf(session, addressB)];
    const deleted = await apiA.inject({
      method: "DELETE",
      url: "/api/v1/users/me",
      headers: session.headers,
      payload: { password: user.password },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    for (const tab of tabs) await expectEnded(tab, "account_closed");
  });
});
