import type { Conversation, ConversationPage, MessagePage, NotificationPage, UserEvent } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, latestMailTo, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { errorCode, startTwoApiProcesses, type TwoApiProcesses } from "../../../test/app.ts";
import type { TestDatabase } from "../../../test/database.ts";
import { readEvents, type ServerSentEvent } from "../../../test/sse.ts";

// Two API processes' worth of app: each its own pool and its own LISTEN connection, over
// one database, as two `stave serve` processes behind a proxy would be.
let testDb: TestDatabase;
let processes: TwoApiProcesses;
let apiA: FastifyInstance;
let apiB: FastifyInstance;
let addressA: string;
let addressB: string;

let alice: TestUser;
let bob: TestUser;
let aliceSession: SignedIn;
let bobSession: SignedIn;

beforeAll(async () => {
  processes = await startTwoApiProcesses();
  ({ db: testDb, apiA, apiB, addressA, addressB } = processes);
  alice = await buildUser(testDb.database, { username: `alice_${Date.now()}` });
  bob = await buildUser(testDb.database, { username: `bob_${Date.now()}` });
  aliceSession = await signIn(apiA, alice);
  bobSession = await signIn(apiA, bob);
});

afterAll(async () => {
  await processes?.close();
});

async function startConversation(session: SignedIn, username: string, body?: string) {
  const response = await apiB.inject({
    method: "POST",
    url: "/api/v1/conversations",
    headers: session.headers,
    payload: body === undefined ? { username } : { username, body },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { conversation: Conversation }).conversation;
}

const send = (api: FastifyInstance, session: SignedIn, conversationId: string, body: string) =>
  api.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/messages`,
    headers: session.headers,
    payload: { body },
  });

const get = async <T>(session: SignedIn, url: string, api = apiA): Promise<T> => {
  const response = await api.inject({ url, headers: { cookie: session.cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
};

const isEvent =
  (type: UserEvent["type"], match: (event: UserEvent) => boolean = () => true) =>
  (event: ServerSentEvent) =>
    event.event === type && match(event.data as UserEvent);

describe("messages, live", () => {
  it("reaches the other person's open pages on another API process, and the sender's other tabs", async () => {
    const bobTabOnA = await readEvents(`${addressA}/api/v1/me/events`, { cookie: bobSession.cookie });
    const bobTabOnB = await readEvents(`${addressB}/api/v1/me/events`, { cookie: bobSession.cookie });
    const aliceTab = await readEvents(`${addressA}/api/v1/me/events`, { cookie: aliceSession.cookie });
    try {
      // Each stream starts with the current counts.
      await bobTabOnA.next(isEvent("read"));
      await bobTabOnB.next(isEvent("read"));
      await aliceTab.next(isEvent("read"));

      const conversation = await startConversation(aliceSession, bob.username);
      const sent = await send(apiB, aliceSession, conversation.id, "Hi Bob <b>not bold</b> 👋");
      expect(sent.statusCode, sent.body).toBe(201);

      for (const tab of [bobTabOnA, bobTabOnB]) {
        const { data } = await tab.next(isEvent("message"));
        expect(data).toMatchObject({
          type: "message",
          conversationId: conversation.id,
          message: { body: "Hi Bob <b>not bold</b> 👋", senderId: alice.id },
          unreadMessages: 1,
        });
        const notification = await tab.next(isEvent("notification"));
        expect(notification.data).toMatchObject({
          notification: { kind: "message", text: expect.stringContaining("sent you a message") },
          unreadCount: 1,
        });
      }
      expect((await aliceTab.next(isEvent("message"))).data).toMatchObject({ unreadMessages: 0 });

      // Reading in one tab updates the badges in the others.
      const read = await apiA.inject({
        method: "POST",
        url: `/api/v1/conversations/${conversation.id}/read`,
        headers: bobSession.headers,
      });
      expect(read.statusCode).toBe(204);
      const readEvent = await bobTabOnB.next(
        isEvent("read", (event) => event.type === "read" && event.unreadMessages === 0),
      );
      expect(readEvent.data).toMatchObject({ unreadMessages: 0 });
    } finally {
      for (const tab of [bobTabOnA, bobTabOnB, aliceTab]) tab.close();
    }
  });
});

describe("conversations", () => {
  let carol: TestUser;
  let carolSession: SignedIn;
  let conversation: Conversation;

  beforeAll(async () => {
    carol = await buildUser(testDb.database, { username: `carol_${Date.now()}` });
    carolSession = await signIn(apiA, carol);
    conversation = await startConversation(carolSession, alice.username, "first");
  });

  it("is one per pair, whoever opens it, and lists the latest first with unread counts", async () => {
    expect((await startConversation(aliceSession, carol.username)).id).toBe(conversation.id);
    for (const body of ["second", "third"])
      expect((await send(apiA, carolSession, conversation.id, body)).statusCode).toBe(201);

    const page = await get<ConversationPage>(aliceSession, "/api/v1/conversations");
    expect(page.items[0]).toMatchObject({
      id: conversation.id,
      with: { username: carol.username },
      lastMessage: { body: "third" },
      unreadCount: 3,
    });
    expect(page.unreadCount).toBeGreaterThanOrEqual(3);
    const carolsView = await get<ConversationPage>(carolSession, "/api/v1/conversations");
    expect(carolsView.items[0]).toMatchObject({ id: conversation.id, unreadCount: 0 });
  });

  it("pages messages newest first, back in time", async () => {
    const first = await get<MessagePage>(aliceSession, `/api/v1/conversations/${conversation.id}/messages?limit=2`);
    expect(first.items.map((m) => m.body)).toEqual(["third", "second"]);
    const older = await get<MessagePage>(
      aliceSession,
      `/api/v1/conversations/${conversation.id}/messages?limit=2&cursor=${first.nextCursor}`,
    );
    expect(older.items.map((m) => m.body)).toEqual(["first"]);
    expect(older.nextCursor).toBeNull();
  });

  it("is invisible to anyone outside it", async () => {
    const outsider = await signIn(apiA, await buildUser(testDb.database));
    for (const url of [
      `/api/v1/conversations/${conversation.id}`,
      `/api/v1/conversations/${conversation.id}/messages`,
    ]) {
      const response = await apiA.inject({ url, headers: { cookie: outsider.cookie } });
      expect(response.statusCode).toBe(404);
    }
    expect((await send(apiA, outsider, conversation.id, "let me in")).statusCode).toBe(404);
    expect((await apiA.inject(`/api/v1/conversations/${conversation.id}/messages`)).statusCode).toBe(401);
  });

  it("deletes my copy of a message or of the whole conversation, not theirs", async () => {
    const messages = await get<MessagePage>(aliceSession, `/api/v1/conversations/${conversation.id}/messages`);
    const second = messages.items.find((m) => m.body === "second");
    const hidden = await apiA.inject({
      method: "DELETE",
      url: `/api/v1/conversations/${conversation.id}/messages/${second?.id}`,
      headers: aliceSession.headers,
    });
    expect(hidden.statusCode).toBe(204);
    const bodies = async (session: SignedIn) =>
      (await get<MessagePage>(session, `/api/v1/conversations/${conversation.id}/messages`)).items.map((m) => m.body);
    expect(await bodies(aliceSession)).toEqual(["third", "first"]);
    expect(await bodies(carolSession)).toEqual(["third", "second", "first"]);

    const cleared = await apiA.inject({
      method: "DELETE",
      url: `/api/v1/conversations/${conversation.id}`,
      headers: aliceSession.headers,
    });
    expect(cleared.statusCode).toBe(204);
    const ids = async () => (await get<ConversationPage>(aliceSession, "/api/v1/conversations")).items.map((c) => c.id);
    expect(await ids()).not.toContain(conversation.id);
    expect(await bodies(carolSession)).toHaveLength(3);
    // A new message brings the conversation back, with only what came after.
    expect((await send(apiA, carolSession, conversation.id, "still there?")).statusCode).toBe(201);
    expect(await ids()).toContain(conversation.id);
    expect(await bodies(aliceSession)).toEqual(["still there?"]);
  });

  it("refuses empty, oversized, self-addressed and unverified messages with clear errors", async () => {
    const empty = await send(apiA, carolSession, conversation.id, "   ");
    expect(empty.statusCode).toBe(400);
    const huge = await send(apiA, carolSession, conversation.id, "x".repeat(4001));
    expect(huge.statusCode).toBe(400);
    expect(JSON.stringify(huge.json().error.details)).toContain("at most 4000 characters");
    const self = await apiA.inject({
      method: "POST",
      url: "/api/v1/conversations",
      headers: carolSession.headers,
      payload: { username: carol.username },
    });
    expect(self.statusCode).toBe(400);
    const nobody = await apiA.inject({
      method: "POST",
      url: "/api/v1/conversations",
      headers: carolSession.headers,
      payload: { username: "no_such_person" },
    });
    expect(nobody.statusCode).toBe(404);
    const unverified = await signIn(apiA, await buildUser(testDb.database, { isVerified: false }));
    const refused = await apiA.inject({
      method: "POST",
      url: "/api/v1/conversations",
      headers: unverified.headers,
      payload: { username: carol.username, body: "hello" },
    });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("EMAIL_NOT_VERIFIED");
  });

  it("refuses a made-up cursor, or one from another list, with 400 on every list here", async () => {
    const crafted = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");
    const feedCursor = crafted(["f", "2024-05-01T12:00:00.000000Z", conversation.id]);
    for (const url of [
      "/api/v1/conversations",
      `/api/v1/conversations/${conversation.id}/messages`,
      "/api/v1/me/notifications",
    ]) {
      for (const cursor of [crafted(["not a date", "not an id"]), crafted([1, 2]), feedCursor]) {
        const response = await apiA.inject({
          url: `${url}?cursor=${cursor}`,
          headers: { cookie: aliceSession.cookie },
        });
        expect(response.statusCode, `${url} ${response.body}`).toBe(400);
        expect(errorCode(response)).toBe("VALIDATION_FAILED");
      }
    }
  });

  it("pages through messages sent within one millisecond without skipping any", async () => {
    const harry = await buildUser(testDb.database);
    const chat = await startConversation(await signIn(apiA, harry), carol.username);
    // Four messages a few microseconds apart, all in the same millisecond.
    await testDb.database.primary
      .insertInto("messages")
      .values(
        [100, 300, 500, 700].map((micros, index) => ({
          conversation_id: chat.id,
          sender_id: harry.id,
          body: `burst ${index}`,
          created_at: sql<Date>`${`2024-05-01T12:00:00.123${micros}Z`}::timestamptz`,
        })),
      )
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: MessagePage = await get<MessagePage>(
        carolSession,
        `/api/v1/conversations/${chat.id}/messages?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((m) => m.body));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(["burst 3", "burst 2", "burst 1", "burst 0"]);
  });

  it("refuses a message to someone who has deleted their account, and does not notify them", async () => {
    const ivy = await buildUser(testDb.database);
    const chat = await startConversation(carolSession, ivy.username, "hello ivy");
    await testDb.database.primary
      .updateTable("users")
      .set({ deleted_at: sql<Date>`now()` })
      .where("id", "=", ivy.id)
      .execute();
    await testDb.database.primary.deleteFrom("notifications").where("user_id", "=", ivy.id).execute();
    const refused = await send(apiA, carolSession, chat.id, "are you still there?");
    expect(refused.statusCode, refused.body).toBe(409);
    expect(errorCode(refused)).toBe("CONFLICT");
    expect(refused.json().error.message).toMatch(/deleted their account/);
    const bodies = (await get<MessagePage>(carolSession, `/api/v1/conversations/${chat.id}/messages`)).items;
    expect(bodies.map((m) => m.body)).toEqual(["hello ivy"]);
    const notified = await testDb.database.primary
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", ivy.id)
      .execute();
    expect(notified).toEqual([]);
  });

  it("limits a sender to 30 messages a minute", async () => {
    const chatty = await buildUser(testDb.database);
    const chattySession = await signIn(apiA, chatty);
    const chat = await startConversation(chattySession, carol.username);
    const statuses: number[] = [];
    for (let n = 0; n < 31; n += 1) statuses.push((await send(apiA, chattySession, chat.id, `msg ${n}`)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe("blocking", () => {
  it("stops messages both ways and says so, until unblocked", async () => {
    const dave = await buildUser(testDb.database);
    const daveSession = await signIn(apiA, dave);
    const chat = await startConversation(daveSession, alice.username, "hello alice");
    const block = await apiA.inject({
      method: "PUT",
      url: `/api/v1/me/blocks/${dave.username}`,
      headers: aliceSession.headers,
    });
    expect(block.statusCode).toBe(204);
    const blocked = await send(apiA, daveSession, chat.id, "are you there?");
    expect(blocked.statusCode).toBe(403);
    expect(errorCode(blocked)).toBe("MESSAGING_BLOCKED");
    expect(errorCode(await send(apiA, aliceSession, chat.id, "bye"))).toBe("MESSAGING_BLOCKED");
    const reopen = await apiA.inject({
      method: "POST",
      url: "/api/v1/conversations",
      headers: daveSession.headers,
      payload: { username: alice.username, body: "again" },
    });
    expect(errorCode(reopen)).toBe("MESSAGING_BLOCKED");
    const blocks = await get<{ items: { username: string }[] }>(aliceSession, "/api/v1/me/blocks");
    expect(blocks.items.map((u) => u.username)).toContain(dave.username);
    const conversation = await get<{ conversation: Conversation }>(aliceSession, `/api/v1/conversations/${chat.id}`);
    expect(conversation.conversation.blocked).toBe(true);

    await apiA.inject({ method: "DELETE", url: `/api/v1/me/blocks/${dave.username}`, headers: aliceSession.headers });
    expect((await send(apiA, daveSession, chat.id, "friends again?")).statusCode).toBe(201);
  });
});

describe("notifications", () => {
  it("lists mine with the unread count, marks some or all read", async () => {
    const erin = await buildUser(testDb.database);
    const erinSession = await signIn(apiA, erin);
    for (const sender of [alice, bob]) {
      const session = sender === alice ? aliceSession : bobSession;
      await startConversation(session, erin.username, `hi from ${sender.username}`);
    }
    const page = await get<NotificationPage>(erinSession, "/api/v1/me/notifications");
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((n) => n.actor?.username)).toEqual([bob.username, alice.username]);
    expect(page.items[0]).toMatchObject({ kind: "message", subject: { type: "conversation" }, readAt: null });

    const markOne = await apiA.inject({
      method: "POST",
      url: "/api/v1/me/notifications/read",
      headers: erinSession.headers,
      payload: { ids: [page.items[0]?.id] },
    });
    expect(markOne.json()).toEqual({ unreadCount: 1 });
    const unread = await get<NotificationPage>(erinSession, "/api/v1/me/notifications?unread=true");
    expect(unread.items.map((n) => n.actor?.username)).toEqual([alice.username]);
    const markAll = await apiA.inject({
      method: "POST",
      url: "/api/v1/me/notifications/read",
      headers: erinSession.headers,
      payload: {},
    });
    expect(markAll.json()).toEqual({ unreadCount: 0 });
  });

  it("pages through notifications made within one millisecond without skipping any", async () => {
    const jane = await buildUser(testDb.database);
    const janeSession = await signIn(apiA, jane);
    await testDb.database.primary
      .insertInto("notifications")
      .values(
        [100, 300, 500, 700].map((micros, index) => ({
          user_id: jane.id,
          kind: "track_ready",
          data: JSON.stringify({ title: `burst ${index}` }),
          created_at: sql<Date>`${`2024-05-01T12:00:00.123${micros}Z`}::timestamptz`,
        })),
      )
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: NotificationPage = await get<NotificationPage>(
        janeSession,
        `/api/v1/me/notifications?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((n) => n.text));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([3, 2, 1, 0].map((index) => `"burst ${index}" is processed and ready to play`));
  });

  it("hides notifications from someone I blocked, and from someone who blocked me, until unblocked", async () => {
    const kate = await buildUser(testDb.database);
    const kateSession = await signIn(apiA, kate);
    const troll = await buildUser(testDb.database);
    const trollSession = await signIn(apiA, troll);
    await startConversation(trollSession, kate.username, "you again");
    await startConversation(aliceSession, kate.username, "hi kate");
    const actors = async () => {
      const page = await get<NotificationPage>(kateSession, "/api/v1/me/notifications");
      return { actors: page.items.map((n) => n.actor?.username), unread: page.unreadCount };
    };
    expect(await actors()).toEqual({ actors: [alice.username, troll.username], unread: 2 });

    const block = (session: SignedIn, username: string, method: "PUT" | "DELETE") =>
      apiA.inject({ method, url: `/api/v1/me/blocks/${username}`, headers: session.headers });
    expect((await block(kateSession, troll.username, "PUT")).statusCode).toBe(204);
    expect(await actors()).toEqual({ actors: [alice.username], unread: 1 });
    expect((await block(kateSession, troll.username, "DELETE")).statusCode).toBe(204);
    expect(await actors()).toEqual({ actors: [alice.username, troll.username], unread: 2 });

    expect((await block(trollSession, kate.username, "PUT")).statusCode).toBe(204);
    expect(await actors()).toEqual({ actors: [alice.username], unread: 1 });
  });

  it("also mails the kinds a user opted into, and only those", async () => {
    const frank = await buildUser(testDb.database);
    const frankSession = await signIn(apiA, frank);
    const settings = await apiA.inject({
      method: "PUT",
      url: "/api/v1/me/notification-settings",
      headers: frankSession.headers,
      payload: { emailKinds: ["message"] },
    });
    expect(settings.json()).toEqual({ emailKinds: ["message"] });
    expect(await get(frankSession, "/api/v1/me/notification-settings")).toEqual({ emailKinds: ["message"] });
    const bad = await apiA.inject({
      method: "PUT",
      url: "/api/v1/me/notification-settings",
      headers: frankSession.headers,
      payload: { emailKinds: ["spam"] },
    });
    expect(bad.statusCode).toBe(400);

    await startConversation(aliceSession, frank.username, "a secret plan");
    const mail = await latestMailTo(testDb.database, frank.email);
    expect(mail?.subject).toContain("sent you a message");
    // The mail says who wrote, never what: the message stays in the app.
    expect(JSON.stringify(mail)).not.toContain("a secret plan");

    const george = await buildUser(testDb.database);
    await startConversation(aliceSession, george.username, "hello");
    expect(await latestMailTo(testDb.database, george.email)).toBeUndefined();
  });
});
