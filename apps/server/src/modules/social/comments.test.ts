import type { CommentPage, TrackComment, TrackSocial } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { as, buildPerson, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

let creator: Person;
let fan: Person;
let trackId: string;

beforeAll(async () => {
  creator = await buildPerson(t, { role: "creator" });
  fan = await buildPerson(t);
  trackId = await buildTrack(t.db.database, creator.id, { durationMs: 120_000 });
});

const comment = (who: Person | null, track: string, body: unknown) =>
  as(t.app, who, "POST", `/api/v1/tracks/${track}/comments`, body);

const created = async (who: Person, track: string, body: unknown): Promise<TrackComment> => {
  const response = await comment(who, track, body);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { comment: TrackComment }).comment;
};

const listed = async (who: Person | null, track: string) =>
  ok<CommentPage>(await as(t.app, who, "GET", `/api/v1/tracks/${track}/comments?limit=100`)).items.map(
    (item) => item.body,
  );

describe("comments", () => {
  it("adds a comment, optionally at a moment within the track, and counts it", async () => {
    const whole = await created(fan, trackId, { body: "  Lovely from start to end  " });
    expect(whole).toEqual({
      id: expect.any(String),
      trackId,
      author: { id: fan.id, username: fan.username, displayName: null },
      body: "Lovely from start to end",
      timestampMs: null,
      createdAt: expect.any(String),
      canDelete: true,
    });
    const timed = await created(fan, trackId, { body: "That <b>drop</b>", timestampMs: 61_500 });
    expect(timed.timestampMs).toBe(61_500);
    expect((await created(fan, trackId, { body: "The very end", timestampMs: 120_000 })).timestampMs).toBe(120_000);

    const page = ok<CommentPage>(await as(t.app, null, "GET", `/api/v1/tracks/${trackId}/comments`));
    expect(page.items.map((item) => item.body).slice(0, 3)).toEqual([
      "The very end",
      "That <b>drop</b>",
      "Lovely from start to end",
    ]);
    expect(page.items.every((item) => item.canDelete === false)).toBe(true);
    const social = ok<TrackSocial>(await as(t.app, null, "GET", `/api/v1/tracks/${trackId}/social`));
    expect(social.commentCount).toBe(3);
  });

  it("refuses a timestamp outside the track, an empty or overlong body, and a track still processing", async () => {
    for (const body of [
      { body: "Too late", timestampMs: 120_001 },
      { body: "Before it began", timestampMs: -1 },
      { body: "Not whole", timestampMs: 1.5 },
      { body: "   " },
      { body: "" },
      { body: "x".repeat(1001) },
      { body: "nul\u0000byte" },
      {},
    ]) {
      const response = await comment(fan, trackId, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    const late = await comment(fan, trackId, { body: "Too late", timestampMs: 120_001 });
    expect(late.json().error.details).toEqual([{ path: "body.timestampMs", message: expect.any(String) }]);
    expect((await created(fan, trackId, { body: "x".repeat(1000) })).body).toHaveLength(1000);

    const unfinished = await buildTrack(t.db.database, creator.id);
    await t.db.database.primary
      .updateTable("tracks")
      .set({ status: "processing", duration_ms: null })
      .where("id", "=", unfinished)
      .execute();
    // Others cannot see it yet; its owner can, but it has no length to place a moment in.
    expect(errorCode(await comment(fan, unfinished, { body: "Early" }))).toBe("NOT_FOUND");
    expect(errorCode(await comment(creator, unfinished, { body: "Note", timestampMs: 10 }))).toBe("TRACK_NOT_READY");
    expect((await comment(creator, unfinished, { body: "Note to self" })).statusCode).toBe(201);
  });

  it("answers 404 to comments on, and the comments of, a track the caller may not see", async () => {
    const hidden = await buildTrack(t.db.database, creator.id, { visibility: "private" });
    await created(creator, hidden, { body: "Private note" });
    expect(errorCode(await comment(fan, hidden, { body: "Hi" }))).toBe("NOT_FOUND");
    expect((await as(t.app, fan, "GET", `/api/v1/tracks/${hidden}/comments`)).statusCode).toBe(404);
    expect((await as(t.app, null, "GET", `/api/v1/tracks/${hidden}/comments`)).statusCode).toBe(404);
    expect(await listed(creator, hidden)).toEqual(["Private note"]);
    expect((await comment(null, trackId, { body: "Anonymous" })).statusCode).toBe(401);
  });

  it("needs a verified email address", async () => {
    const unverified = await buildPerson(t, { isVerified: false });
    expect(errorCode(await comment(unverified, trackId, { body: "Hello" }))).toBe("EMAIL_NOT_VERIFIED");
  });

  it("hides comments between people when either blocked the other", async () => {
    const track = await buildTrack(t.db.database, creator.id);
    const troll = await buildPerson(t);
    const victim = await buildPerson(t);
    await created(troll, track, { body: "From the troll" });
    await created(victim, track, { body: "From the victim" });
    expect((await as(t.app, victim, "PUT", `/api/v1/me/blocks/${troll.username}`)).statusCode).toBe(204);

    expect(await listed(victim, track)).toEqual(["From the victim"]);
    expect(await listed(troll, track)).toEqual(["From the troll"]);
    expect(await listed(fan, track)).toEqual(["From the victim", "From the troll"]);
    expect(await listed(null, track)).toEqual(["From the victim", "From the troll"]);

    expect((await as(t.app, victim, "DELETE", `/api/v1/me/blocks/${troll.username}`)).statusCode).toBe(204);
    expect(await listed(victim, track)).toEqual(["From the victim", "From the troll"]);
  });

  it("lets the author and the track's owner delete a comment, and nobody else", async () => {
    const track = await buildTrack(t.db.database, creator.id);
    const stranger = await buildPerson(t);
    const author = await buildPerson(t);
    const mine = await created(author, track, { body: "Mine" });
    const onTheirTrack = await created(author, track, { body: "Owner removes this" });
    const kept = await created(author, track, { body: "Stays" });

    const remove = (who: Person | null, id: string, on: string = track) =>
      as(t.app, who, "DELETE", `/api/v1/tracks/${on}/comments/${id}`);
    expect(errorCode(await remove(stranger, kept.id))).toBe("FORBIDDEN");
    expect((await remove(null, kept.id)).statusCode).toBe(401);
    expect(errorCode(await remove(author, kept.id, trackId))).toBe("NOT_FOUND");
    expect(errorCode(await remove(author, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");

    expect((await remove(author, mine.id)).statusCode).toBe(204);
    expect((await remove(creator, onTheirTrack.id)).statusCode).toBe(204);
    expect(errorCode(await remove(author, mine.id))).toBe("NOT_FOUND");

    const forOwner = ok<CommentPage>(await as(t.app, creator, "GET", `/api/v1/tracks/${track}/comments`));
    expect(forOwner.items).toEqual([expect.objectContaining({ body: "Stays", canDelete: true })]);
    const social = ok<TrackSocial>(await as(t.app, null, "GET", `/api/v1/tracks/${track}/social`));
    expect(social.commentCount).toBe(1);
  });

  it("refuses moderators and admins a delete: they take the comment down, reversibly and audited", async () => {
    const track = await buildTrack(t.db.database, creator.id);
    const author = await buildPerson(t);
    const target = await created(author, track, { body: "Reported by someone" });
    const remove = (who: Person) => as(t.app, who, "DELETE", `/api/v1/tracks/${track}/comments/${target.id}`);

    for (const role of ["moderator", "admin"] as const) {
      const staff = await buildPerson(t, { role });
      const refused = await remove(staff);
      expect(refused.statusCode, role).toBe(403);
      expect(errorCode(refused)).toBe("FORBIDDEN");
      // Nor does the page offer them a delete button.
      const seen = ok<CommentPage>(await as(t.app, staff, "GET", `/api/v1/tracks/${track}/comments`));
      expect(seen.items).toEqual([expect.objectContaining({ id: target.id, canDelete: false })]);
    }
    expect(await listed(null, track)).toEqual(["Reported by someone"]);

    const moderator = await buildPerson(t, { role: "moderator" });
    const takedown = await as(t.app, moderator, "POST", `/api/v1/admin/comments/${target.id}/takedown`, {
      reason: "Off-topic abuse",
    });
    expect(takedown.statusCode, takedown.body).toBe(200);
    expect(await listed(null, track)).toEqual([]);
    const audited = await t.db.database.primary
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("target_id", "=", target.id)
      .execute();
    expect(audited).toEqual([{ action: "moderation.takedown", actor_id: moderator.id }]);
  });

  it("pages through comments newest first", async () => {
    const track = await buildTrack(t.db.database, creator.id);
    const writers = await Promise.all(Array.from({ length: 5 }, () => buildPerson(t)));
    for (const [i, writer] of writers.entries()) await created(writer, track, { body: `Comment ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: CommentPage = ok(await as(t.app, null, "GET", `/api/v1/tracks/${track}/comments?limit=2${query}`));
      seen.push(...page.items.map((item) => item.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Comment 4", "Comment 3", "Comment 2", "Comment 1", "Comment 0"]);
  });

  it("limits how fast one person comments", async () => {
    const chatty = await buildPerson(t);
    const track = await buildTrack(t.db.database, creator.id);
    for (let i = 0; i < 10; i += 1) await created(chatty, track, { body: `Message ${i}` });
    const refused = await comment(chatty, track, { body: "One too many" });
    expect(refused.statusCode).toBe(429);
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });
});
