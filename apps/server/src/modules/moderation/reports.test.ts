import { randomUUID } from "node:crypto";
import type { TrackComment, Visibility } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { fileReport, queue, reported, resolved } from "../../../test/moderation.ts";
import { as, buildPerson, buildPlaylist, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

let creator: Person;
let listener: Person;
let moderator: Person;

beforeAll(async () => {
  creator = await buildPerson(t, { role: "creator" });
  listener = await buildPerson(t);
  moderator = await buildPerson(t, { role: "moderator" });
});

const commentOn = async (who: Person, trackId: string, body = "A comment") =>
  ok<{ comment: TrackComment }>(await as(t.app, who, "POST", `/api/v1/tracks/${trackId}/comments`, { body })).comment
    .id;

/** A track of the creator's, a comment of theirs on it, and a playlist of theirs: one of each reportable content. */
async function contentOfCreator(visibility: { track?: Visibility; playlist: Visibility }) {
  const trackId = await buildTrack(t.db.database, creator.id, { visibility: visibility.track ?? "public" });
  const commentId = await commentOn(creator, trackId);
  const playlistId = await buildPlaylist(t.db.database, creator.id, visibility.playlist);
  return [
    ["track", trackId],
    ["comment", commentId],
    ["playlist", playlistId],
  ] as const;
}

describe("POST /api/v1/reports", () => {
  it("files a report on a track, comment, playlist or user anyone may see, with whose it is", async () => {
    const content = await contentOfCreator({ playlist: "unlisted" });
    const reporter = await buildPerson(t);
    for (const [type, id] of [...content, ["user", creator.id] as const]) {
      const response = await fileReport(t, reporter, type, id, { category: "harassment", details: "  Look at it  " });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toEqual({ id: expect.any(String), status: "open" });
      const row = await t.db.database.primary
        .selectFrom("reports")
        .selectAll()
        .where("id", "=", response.json().id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        reporter_id: reporter.id,
        subject_type: type,
        subject_id: id,
        subject_owner_id: creator.id,
        category: "harassment",
        details: "Look at it",
        status: "open",
      });
    }
  });

  it("refuses to report one's own content or oneself with 422 CANNOT_REPORT_OWN", async () => {
    const content = await contentOfCreator({ track: "private", playlist: "private" });
    for (const [type, id] of [...content, ["user", creator.id] as const]) {
      const response = await fileReport(t, creator, type, id);
      expect(response.statusCode, `${type}: ${response.body}`).toBe(422);
      expect(errorCode(response)).toBe("CANNOT_REPORT_OWN");
    }
  });

  it("answers 404 for what the reporter cannot see, as for what does not exist", async () => {
    const privateContent = await contentOfCreator({ track: "private", playlist: "private" });
    const reporter = await buildPerson(t);
    for (const [type, id] of [
      ...privateContent,
      ["track", randomUUID()],
      ["comment", randomUUID()],
      ["playlist", randomUUID()],
      ["user", randomUUID()],
    ] as const) {
      const response = await fileReport(t, reporter, type, id);
      expect(response.statusCode, `${type}: ${response.body}`).toBe(404);
    }
    expect(
      await t.db.database.primary.selectFrom("reports").select("id").where("reporter_id", "=", reporter.id).execute(),
    ).toEqual([]);
  });

  it("answers 409 ALREADY_REPORTED while the reporter's report is open, and takes a new one once it is closed", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const reporter = await buildPerson(t);
    const first = await reported(t, reporter, "track", trackId);
    const again = await fileReport(t, reporter, "track", trackId, { category: "hate" });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe("ALREADY_REPORTED");
    // Someone else may report it too.
    await reported(t, listener, "track", trackId);

    await resolved(t, moderator, first, { action: "no_action", note: "Nothing wrong with it" });
    expect((await fileReport(t, reporter, "track", trackId)).statusCode).toBe(201);
  });

  it("refuses an unverified account with 403 EMAIL_NOT_VERIFIED, filing nothing", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const unverified = await buildPerson(t, { isVerified: false });
    const response = await fileReport(t, unverified, "track", trackId);
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("EMAIL_NOT_VERIFIED");
    const filed = await t.db.database.primary
      .selectFrom("reports")
      .select("id")
      .where("reporter_id", "=", unverified.id)
      .execute();
    expect(filed).toEqual([]);
  });

  it("takes 10 reports an hour per user, then answers 429 RATE_LIMITED with Retry-After", async () => {
    const reporter = await buildPerson(t);
    for (let n = 0; n < 10; n += 1) {
      const trackId = await buildTrack(t.db.database, creator.id);
      expect((await fileReport(t, reporter, "track", trackId)).statusCode).toBe(201);
    }
    const response = await fileReport(t, reporter, "track", await buildTrack(t.db.database, creator.id));
    expect(response.statusCode).toBe(429);
    expect(errorCode(response)).toBe("RATE_LIMITED");
    expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    // Others are not held back by it.
    expect((await fileReport(t, listener, "user", reporter.id)).statusCode).toBe(201);
  });

  it("refuses anonymous callers and bad input", async () => {
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: { subjectType: "user", subjectId: creator.id, category: "spam" },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const body of [
      { subjectType: "album", subjectId: creator.id, category: "spam" },
      { subjectType: "user", subjectId: "not-a-uuid", category: "spam" },
      { subjectType: "user", subjectId: creator.id, category: "boring" },
      { subjectType: "user", subjectId: creator.id, category: "spam", details: "x".repeat(2001) },
    ]) {
      const response = await as(t.app, listener, "POST", "/api/v1/reports", body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });
});

describe("GET /api/v1/admin/reports", () => {
  it("is for moderators and admins only", async () => {
    for (const role of ["user", "creator"] as const) {
      const response = await as(t.app, await buildPerson(t, { role }), "GET", "/api/v1/admin/reports");
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe("FORBIDDEN");
    }
    expect((await as(t.app, null, "GET", "/api/v1/admin/reports")).statusCode).toBe(401);
    for (const role of ["moderator", "admin"] as const) {
      const response = await as(t.app, await buildPerson(t, { role }), "GET", "/api/v1/admin/reports");
      expect(response.statusCode).toBe(200);
    }
  });

  it("describes each subject as it is now, open reports oldest first, page by page", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id, { title: "Queue Song" });
    const commentId = await commentOn(owner, trackId, "Queue comment");
    const playlistId = await buildPlaylist(t.db.database, owner.id);
    const reporter = await buildPerson(t);
    const ids = [
      await reported(t, reporter, "track", trackId),
      await reported(t, reporter, "comment", commentId),
      await reported(t, reporter, "playlist", playlistId),
      await reported(t, reporter, "user", owner.id),
    ];
    const ownerRef = { id: owner.id, username: owner.username, displayName: null };
    const mine = async (query: string) => {
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await queue(t, moderator, `${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items.filter((item) => item.reporter?.id === reporter.id);
    };
    const open = await mine("?status=open");
    expect(open.map((item) => item.id)).toEqual(ids);
    expect(open.map((item) => item.subject)).toEqual([
      {
        type: "track",
        id: trackId,
        label: "Queue Song",
        owner: ownerRef,
        path: `/tracks/${trackId}`,
        takenDown: false,
        exists: true,
      },
      {
        type: "comment",
        id: commentId,
        label: "Queue comment",
        owner: ownerRef,
        path: `/tracks/${trackId}#comments`,
        takenDown: false,
        exists: true,
      },
      {
        type: "playlist",
        id: playlistId,
        label: expect.any(String),
        owner: ownerRef,
        path: `/playlists/${playlistId}`,
        takenDown: false,
        exists: true,
      },
      {
        type: "user",
        id: owner.id,
        label: owner.username,
        owner: ownerRef,
        path: `/creators/${owner.username}`,
        takenDown: false,
        exists: true,
      },
    ]);
    expect(open[0]).toMatchObject({
      status: "open",
      category: "spam",
      details: "",
      reporter: { id: reporter.id, username: reporter.username, displayName: null },
      outcome: null,
      resolutionNote: null,
      resolver: null,
      resolvedAt: null,
    });
    expect((await mine("?status=open&subjectType=comment")).map((item) => item.id)).toEqual([ids[1]]);

    // Gone since: the queue still shows whose it was.
    await as(t.app, owner, "DELETE", `/api/v1/tracks/${trackId}`);
    const [gone] = await mine("?status=open&subjectType=track");
    expect(gone?.subject).toEqual({
      type: "track",
      id: trackId,
      label: null,
      owner: ownerRef,
      path: null,
      takenDown: false,
      exists: false,
    });

    // Closed ones, newest first.
    await resolved(t, moderator, ids[2] as string, { action: "dismiss", note: "Not a problem" });
    await resolved(t, moderator, ids[3] as string, { action: "no_action", note: "Nothing to do" });
    await resolved(t, moderator, ids[0] as string, { action: "no_action", note: "Deleted by its owner" });
    expect((await mine("?status=dismissed")).map((item) => item.id)).toEqual([ids[2]]);
    const closed = await mine("?status=resolved");
    expect(closed.map((item) => item.id)).toEqual([ids[3], ids[0]]);
    expect(closed[0]).toMatchObject({
      status: "resolved",
      outcome: "no_action",
      resolutionNote: "Nothing to do",
      resolver: { id: moderator.id, username: moderator.username },
      resolvedAt: expect.any(String),
    });
  });

  it("refuses a malformed cursor with 400", async () => {
    const response = await as(t.app, moderator, "GET", "/api/v1/admin/reports?cursor=bm9wZQ");
    expect(response.statusCode).toBe(400);
  });
});
