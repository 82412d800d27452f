import type { NotificationPage, UserEvent } from "@stave/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestServices, useTestApp } from "../../../test/app.ts";
import { silentLogger } from "../../../test/database.ts";
import { moderate } from "../../../test/moderation.ts";
import { as, buildPerson, buildPlaylist, buildTrack, notificationsOf, ok, type Person } from "../../../test/social.ts";
import { readEvents } from "../../../test/sse.ts";
import { publishUserEvent } from "../../platform/events/user-events.ts";
import type { JobContext } from "../../platform/jobs/index.ts";
import type { Services } from "../../services.ts";
import { notify } from "../notifications/notifications.service.ts";
import type { SocialContext } from "./social.context.ts";
import { announceTrack, socialJobs } from "./social.jobs.ts";

const t = useTestApp();

let creator: Person;
let fan: Person;
// What a worker process has: the jobs run here directly, as its worker would run them.
let services: Services;
let ctx: SocialContext;

beforeAll(async () => {
  creator = await buildPerson(t, { role: "creator" });
  fan = await buildPerson(t);
  services = (await buildTestServices(t.db.database)).services;
  ctx = services.social;
});
afterAll(() => services?.close());

const jobContext = (): JobContext => ({
  jobId: "00000000-0000-4000-8000-000000000000",
  attempt: 1,
  logger: silentLogger,
  signal: new AbortController().signal,
});

describe("notifications of social actions", () => {
  it("tells a creator of a new follower, a like, a repost and a comment, once each", async () => {
    const trackId = await buildTrack(t.db.database, creator.id, { title: "Harbour Lights" });
    const playlistId = await buildPlaylist(t.db.database, creator.id);
    for (let i = 0; i < 2; i += 1) {
      ok(await as(t.app, fan, "PUT", `/api/v1/users/${creator.username}/follow`));
      ok(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/like`));
      ok(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/repost`));
      ok(await as(t.app, fan, "PUT", `/api/v1/playlists/${playlistId}/like`));
    }
    ok(await as(t.app, fan, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Wonderful", timestampMs: 1000 }));

    expect(await notificationsOf(t.db.database, creator.id, "follow")).toEqual([
      { kind: "follow", actor_id: fan.id, subject_type: null, subject_id: null, data: {} },
    ]);
    expect(await notificationsOf(t.db.database, creator.id, "like")).toEqual([
      { kind: "like", actor_id: fan.id, subject_type: "track", subject_id: trackId, data: { title: "Harbour Lights" } },
      { kind: "like", actor_id: fan.id, subject_type: "playlist", subject_id: playlistId, data: expect.any(Object) },
    ]);
    expect(await notificationsOf(t.db.database, creator.id, "repost")).toEqual([
      {
        kind: "repost",
        actor_id: fan.id,
        subject_type: "track",
        subject_id: trackId,
        data: { title: "Harbour Lights" },
      },
    ]);
    expect(await notificationsOf(t.db.database, creator.id, "comment")).toEqual([
      {
        kind: "comment",
        actor_id: fan.id,
        subject_type: "track",
        subject_id: trackId,
        data: { title: "Harbour Lights", commentId: expect.any(String) },
      },
    ]);

    // The text the notifications menu shows.
    const page = ok<{ items: { text: string }[] }>(await as(t.app, creator, "GET", "/api/v1/me/notifications"));
    expect(page.items.map((item) => item.text)).toContain(`${fan.username} liked "Harbour Lights"`);
  });

  it("does not tell me of my own likes and comments", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const before = (await notificationsOf(t.db.database, creator.id, "like")).length;
    ok(await as(t.app, creator, "PUT", `/api/v1/tracks/${trackId}/like`));
    ok(await as(t.app, creator, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Liner notes" }));
    expect(await notificationsOf(t.db.database, creator.id, "like")).toHaveLength(before);
  });
});

describe("new track fan-out", () => {
  it("tells every follower once, however often the job runs", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const followers = await Promise.all(Array.from({ length: 5 }, () => buildPerson(t)));
    for (const follower of followers) ok(await as(t.app, follower, "PUT", `/api/v1/users/${star.username}/follow`));
    const trackId = await buildTrack(t.db.database, star.id, { title: "Night Ferry" });

    const job = socialJobs(ctx)["social.announce_track"];
    await job.handle({ trackId }, jobContext());
    await job.handle({ trackId }, jobContext());
    for (const follower of followers) {
      expect(await notificationsOf(t.db.database, follower.id, "new_track")).toEqual([
        {
          kind: "new_track",
          actor_id: star.id,
          subject_type: "track",
          subject_id: trackId,
          data: { title: "Night Ferry" },
        },
      ]);
    }
    const state = await t.db.database.primary
      .selectFrom("track_announcements")
      .select(["told", "finished_at"])
      .where("track_id", "=", trackId)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ told: 5, finished_at: expect.any(Date) });
  });

  it("resumes after the last follower told when a run dies between batches", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const followers = await Promise.all(Array.from({ length: 5 }, () => buildPerson(t)));
    for (const follower of followers) ok(await as(t.app, follower, "PUT", `/api/v1/users/${star.username}/follow`));
    const trackId = await buildTrack(t.db.database, star.id);

    // A worker that dies after its first batch of two has committed.
    let checks = 0;
    const dying = {
      throwIfAborted() {
        checks += 1;
        if (checks > 1) throw new Error("worker killed");
      },
    } as AbortSignal;
    await expect(announceTrack(ctx, trackId, { batchSize: 2, signal: dying })).rejects.toThrow("worker killed");
    const toldFirst = await Promise.all(
      followers.map(async (follower) => (await notificationsOf(t.db.database, follower.id, "new_track")).length),
    );
    expect(toldFirst.reduce((sum, n) => sum + n, 0)).toBe(2);

    expect(await announceTrack(ctx, trackId, { batchSize: 2 })).toBe(3);
    expect(await announceTrack(ctx, trackId, { batchSize: 2 })).toBe(0);
    for (const follower of followers) {
      expect(await notificationsOf(t.db.database, follower.id, "new_track")).toHaveLength(1);
    }
  });

  it("announces only public tracks, and not to followers who blocked the creator", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const [friend, blocker] = await Promise.all([buildPerson(t), buildPerson(t)]);
    for (const follower of [friend, blocker])
      ok(await as(t.app, follower, "PUT", `/api/v1/users/${star.username}/follow`));
    const unlisted = await buildTrack(t.db.database, star.id, { visibility: "unlisted" });
    expect(await announceTrack(ctx, unlisted)).toBe(0);
    expect(await notificationsOf(t.db.database, friend.id, "new_track")).toEqual([]);

    // A block made after following (the block ends the follow; a stale one is skipped too).
    await t.db.database.primary
      .insertInto("user_blocks")
      .values({ blocker_id: blocker.id, blocked_id: star.id })
      .execute();
    const open = await buildTrack(t.db.database, star.id);
    await announceTrack(ctx, open);
    expect(await notificationsOf(t.db.database, friend.id, "new_track")).toHaveLength(1);
    expect(await notificationsOf(t.db.database, blocker.id, "new_track")).toEqual([]);
  });
});

describe("notifications of content that turned private", () => {
  const myNotifications = async (who: Person) =>
    ok<NotificationPage>(await as(t.app, who, "GET", "/api/v1/me/notifications?limit=100"));
  const setVisibility = async (owner: Person, trackId: string, visibility: string) =>
    ok(
      await t.app.inject({
        method: "PATCH",
        url: `/api/v1/tracks/${trackId}`,
        headers: owner.session.headers,
        payload: { visibility },
      }),
    );

  it("hides a new track's notification, and its unread count, while the track is private", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const alice = await buildPerson(t);
    ok(await as(t.app, alice, "PUT", `/api/v1/users/${star.username}/follow`));
    const trackId = await buildTrack(t.db.database, star.id, { title: "Before The Curtain" });
    await announceTrack(ctx, trackId);

    const told = await myNotifications(alice);
    expect(told.items.map((item) => [item.text, item.subject])).toEqual([
      [`${star.username} released "Before The Curtain"`, { type: "track", id: trackId }],
    ]);
    expect(told.unreadCount).toBe(1);

    await setVisibility(star, trackId, "private");
    const hidden = await myNotifications(alice);
    expect(hidden.items.filter((item) => item.kind === "new_track")).toEqual([]);
    expect(hidden.unreadCount).toBe(0);
    const unread = ok<NotificationPage>(await as(t.app, alice, "GET", "/api/v1/me/notifications?unread=true"));
    expect(unread.items).toEqual([]);

    // Checked when read: it comes back with the track.
    await setVisibility(star, trackId, "public");
    expect((await myNotifications(alice)).unreadCount).toBe(1);
  });

  it("does not send a live event for a notification whose track turned private before it went out", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const alice = await buildPerson(t);
    ok(await as(t.app, alice, "PUT", `/api/v1/users/${star.username}/follow`));
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const tab = await readEvents(`${address}/api/v1/me/events`, { cookie: alice.session.cookie });
    try {
      await tab.next((event) => event.event === "read");
      const hiddenTrack = await buildTrack(t.db.database, star.id, { title: "Withdrawn Demo" });
      await announceTrack(ctx, hiddenTrack);
      const [recorded] = await t.db.database.primary
        .selectFrom("notifications")
        .select("id")
        .where("user_id", "=", alice.id)
        .where("subject_id", "=", hiddenTrack)
        .execute();
      await tab.next((event) => event.event === "notification");
      await setVisibility(star, hiddenTrack, "private");
      // Its event again, as if it were delivered only now; then a notification she may see.
      await publishUserEvent(t.db.database.primary, { userId: alice.id, type: "notification", id: recorded?.id ?? "" });
      const openTrack = await buildTrack(t.db.database, star.id, { title: "Open Demo" });
      await announceTrack(ctx, openTrack);
      await tab.next(
        (event) =>
          event.event === "notification" &&
          (event.data as Extract<UserEvent, { type: "notification" }>).notification.subject?.id === openTrack,
      );
      const told = tab.events
        .filter((event) => event.event === "notification")
        .map((event) => event.data as Extract<UserEvent, { type: "notification" }>)
        .map((event) => [event.notification.text, event.unreadCount]);
      expect(told).toEqual([
        [`${star.username} released "Withdrawn Demo"`, 1],
        [`${star.username} released "Open Demo"`, 1],
      ]);
    } finally {
      tab.close();
    }
  });

  it("hides a comment's notification once the comment is taken down, but tells the moderation decisions", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const troll = await buildPerson(t);
    const moderator = await buildPerson(t, { role: "moderator" });
    const trackId = await buildTrack(t.db.database, star.id, { title: "Quiet Room" });
    const commentId = ok<{ comment: { id: string } }>(
      await as(t.app, troll, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Rubbish" }),
    ).comment.id;
    expect((await myNotifications(star)).items.map((item) => item.text)).toEqual([
      `${troll.username} commented on "Quiet Room"`,
    ]);

    ok(await moderate(t, moderator, "comments", commentId, "takedown", { reason: "Abuse" }));
    expect((await myNotifications(star)).items).toEqual([]);
    // The author still hears that their comment was taken down.
    expect((await myNotifications(troll)).items.map((item) => item.text)).toEqual([
      "Your comment was taken down by a moderator: Abuse",
    ]);
  });

  it("does not record, announce or mail a notification of a track its recipient may not see", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const alice = await buildPerson(t);
    ok(await as(t.app, alice, "PUT", "/api/v1/me/notification-settings", { emailKinds: ["new_track"] }));
    const trackId = await buildTrack(t.db.database, star.id, { title: "Secret Sketch", visibility: "private" });
    // What a fan-out that read the track before it turned private would still send.
    const newTrack = {
      userId: alice.id,
      kind: "new_track" as const,
      actorId: star.id,
      subject: { type: "track", id: trackId },
      data: { title: "Secret Sketch" },
    };
    await notify(t.db.database.primary, newTrack, ctx);
    expect(await notificationsOf(t.db.database, alice.id, "new_track")).toEqual([]);
    const mails = () =>
      t.db.database.primary.selectFrom("mail_outbox").select("subject").where("to_address", "=", alice.email).execute();
    expect(await mails()).toEqual([]);

    // The same once it is public: recorded and mailed.
    await setVisibility(star, trackId, "public");
    await notify(t.db.database.primary, newTrack, ctx);
    expect(await notificationsOf(t.db.database, alice.id, "new_track")).toHaveLength(1);
    expect(await mails()).toEqual([{ subject: `${star.username} released "Secret Sketch"` }]);
  });
});
