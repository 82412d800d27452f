import { randomUUID } from "node:crypto";
import type { NotificationPage, Track, TrackComment } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { auditOf, fileReport, moderate, queue, reported, resolve, resolved } from "../../../test/moderation.ts";
import { as, buildPerson, buildPlaylist, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

let moderator: Person;

beforeAll(async () => {
  moderator = await buildPerson(t, { role: "moderator" });
});

/** The lines someone's notifications show, of the moderation kinds, newest first. */
async function moderationNotices(who: Person) {
  const page = ok<NotificationPage>(await as(t.app, who, "GET", "/api/v1/me/notifications?limit=100"));
  return page.items
    .filter((item) => ["report_resolved", "content_taken_down", "content_restored"].includes(item.kind))
    .map((item) => ({ kind: item.kind, text: item.text, subject: item.subject, actor: item.actor }));
}

const reportRows = (subjectId: string) =>
  t.db.database.primary
    .selectFrom("reports")
    .select(["status", "outcome", "resolution_note", "resolver_id", "reporter_id"])
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .execute();

describe("POST /api/v1/admin/reports/:id/resolve", () => {
  it("takes the content down, closes every open report on it, and tells each reporter and the owner", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id, { title: "Stolen Song" });
    const reporters = [await buildPerson(t), await buildPerson(t), await buildPerson(t)];
    const reportIds = [];
    for (const reporter of reporters) reportIds.push(await reported(t, reporter, "track", trackId));

    const report = await resolved(t, moderator, reportIds[1] as string, {
      action: "take_down",
      note: "A copy of someone else's recording",
      copyright: true,
    });
    expect(report).toMatchObject({
      id: reportIds[1],
      status: "resolved",
      outcome: "taken_down",
      resolutionNote: "A copy of someone else's recording",
      resolver: { id: moderator.id },
      subject: { type: "track", id: trackId, takenDown: true, exists: true },
    });
    expect(await reportRows(trackId)).toEqual(
      reporters.map((reporter) => ({
        status: "resolved",
        outcome: "taken_down",
        resolution_note: "A copy of someone else's recording",
        resolver_id: moderator.id,
        reporter_id: reporter.id,
      })),
    );

    for (const reporter of reporters) {
      expect(await moderationNotices(reporter)).toEqual([
        {
          kind: "report_resolved",
          text: 'Thanks for your report: the track "Stolen Song" was taken down',
          subject: { type: "track", id: trackId },
          actor: null,
        },
      ]);
    }
    expect(await moderationNotices(owner)).toEqual([
      {
        kind: "content_taken_down",
        text: 'Your track "Stolen Song" was taken down by a moderator: A copy of someone else\'s recording',
        subject: { type: "track", id: trackId },
        actor: null,
      },
    ]);

    // Hidden from the reporters; its owner sees why.
    expect((await as(t.app, reporters[0] as Person, "GET", `/api/v1/tracks/${trackId}`)).statusCode).toBe(404);
    const seen = ok<{ track: Track }>(await as(t.app, owner, "GET", `/api/v1/tracks/${trackId}`)).track;
    expect(seen.status).toBe("hidden");
    expect(seen.takedown).toEqual({
      kind: "copyright",
      reason: "A copy of someone else's recording",
      at: expect.any(String),
    });

    const again = await resolve(t, moderator, reportIds[0] as string, { action: "restore", note: "Second thoughts" });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe("REPORT_ALREADY_CLOSED");

    const [closing] = await auditOf(t.db.database, "moderation.report_resolve", trackId);
    expect(closing).toMatchObject({
      actor_id: moderator.id,
      target_type: "track",
      user_agent: "lightMyRequest",
      metadata: { reportId: reportIds[1], action: "take_down", reason: "A copy of someone else's recording" },
    });
    expect([...((closing?.metadata.closedReportIds ?? []) as string[])].sort()).toEqual([...reportIds].sort());
    expect(await auditOf(t.db.database, "moderation.takedown", trackId)).toEqual([
      expect.objectContaining({
        actor_id: moderator.id,
        target_type: "track",
        metadata: expect.objectContaining({ kind: "copyright", reason: "A copy of someone else's recording" }),
      }),
    ]);
  });

  it("restores content a report is still open on, telling its owner and the reporter", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id, { title: "Misjudged" });
    const reporter = await buildPerson(t);
    const reportId = await reported(t, reporter, "track", trackId);
    ok(await moderate(t, moderator, "tracks", trackId, "takedown", { reason: "Looks like spam" }));
    const [open] = (await queue(t, moderator, "?subjectType=track&limit=100")).items.filter(
      (item) => item.id === reportId,
    );
    expect(open?.subject.takenDown).toBe(true);

    await resolved(t, moderator, reportId, { action: "restore", note: "It is a real song after all" });
    const track = ok<{ track: Track }>(await as(t.app, reporter, "GET", `/api/v1/tracks/${trackId}`)).track;
    expect(track.status).toBe("ready");
    expect(track.takedown).toBeUndefined();
    expect((await moderationNotices(owner)).map((notice) => notice.text)).toEqual([
      'Your track "Misjudged" was restored by a moderator',
      'Your track "Misjudged" was taken down by a moderator: Looks like spam',
    ]);
    expect((await moderationNotices(reporter)).map((notice) => notice.text)).toEqual([
      'Your report was reviewed: the track "Misjudged" was restored',
    ]);
    expect(await auditOf(t.db.database, "moderation.restore", trackId)).toHaveLength(1);
  });

  it("dismisses a report, or closes it with no action, leaving the content as it is", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const commentTrack = await buildTrack(t.db.database, owner.id);
    const commentId = ok<{ comment: TrackComment }>(
      await as(t.app, owner, "POST", `/api/v1/tracks/${commentTrack}/comments`, { body: "Buy cheap watches" }),
    ).comment.id;
    const reporter = await buildPerson(t);
    const dismissed = await resolved(t, moderator, await reported(t, reporter, "comment", commentId), {
      action: "dismiss",
      note: "Just a joke",
    });
    expect(dismissed).toMatchObject({ status: "dismissed", outcome: null, resolutionNote: "Just a joke" });
    const noAction = await resolved(t, moderator, await reported(t, reporter, "user", owner.id), {
      action: "no_action",
      note: "Nothing against the rules",
    });
    expect(noAction).toMatchObject({ status: "resolved", outcome: "no_action" });
    expect((await moderationNotices(reporter)).map((notice) => notice.text)).toEqual([
      `Your report on the account "${owner.username}" was reviewed; no action was taken`,
      "Your report on the comment was reviewed; no action was taken",
    ]);
    expect(await moderationNotices(owner)).toEqual([]);
    const comments = ok<{ items: TrackComment[] }>(
      await as(t.app, null, "GET", `/api/v1/tracks/${commentTrack}/comments`),
    ).items;
    expect(comments.map((comment) => comment.id)).toEqual([commentId]);
    expect(await auditOf(t.db.database, "moderation.report_dismiss", commentId)).toHaveLength(1);
    expect(await auditOf(t.db.database, "moderation.report_resolve", owner.id)).toHaveLength(1);
  });

  it("does not take down an account: that is a suspension, an admin's to make", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const reportId = await reported(t, await buildPerson(t), "user", owner.id);
    for (const action of ["take_down", "restore"]) {
      const response = await resolve(t, moderator, reportId, { action, note: "An impersonator" });
      expect(response.statusCode).toBe(422);
      expect(errorCode(response)).toBe("UNPROCESSABLE");
      expect(response.json().error.message).toMatch(/suspend/);
    }
    expect((await reportRows(owner.id)).map((row) => row.status)).toEqual(["open"]);
  });

  it("is for moderators and admins, on a report that exists, with a note", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const reportId = await reported(t, await buildPerson(t), "track", await buildTrack(t.db.database, owner.id));
    for (const role of ["user", "creator"] as const) {
      const response = await resolve(t, await buildPerson(t, { role }), reportId, {
        action: "dismiss",
        note: "Not allowed",
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await resolve(t, moderator, randomUUID(), { action: "dismiss", note: "Gone" })).statusCode).toBe(404);
    expect((await resolve(t, moderator, reportId, { action: "dismiss", note: "" })).statusCode).toBe(400);
    expect((await resolve(t, moderator, reportId, { action: "ban", note: "Banned" })).statusCode).toBe(400);
    const admin = await buildPerson(t, { role: "admin" });
    expect((await resolve(t, admin, reportId, { action: "dismiss", note: "Fine by me" })).statusCode).toBe(200);
  });

  it("does not tell a reporter the title of content made private since they reported it", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id, { title: "Open Demo" });
    const playlistId = await buildPlaylist(t.db.database, owner.id);
    const reporter = await buildPerson(t);
    const trackReport = await reported(t, reporter, "track", trackId);
    const playlistReport = await reported(t, reporter, "playlist", playlistId);
    const edit = { title: "Secret Album Name", visibility: "private" };
    ok(
      await t.app.inject({
        method: "PATCH",
        url: `/api/v1/tracks/${trackId}`,
        headers: owner.session.headers,
        payload: edit,
      }),
    );
    await t.db.database.primary
      .updateTable("playlists")
      .set({ title: "Secret Playlist", visibility: "private" })
      .where("id", "=", playlistId)
      .execute();

    await resolved(t, moderator, trackReport, { action: "no_action", note: "Nothing wrong" });
    await resolved(t, moderator, playlistReport, { action: "dismiss", note: "Nothing wrong" });
    expect((await moderationNotices(reporter)).map((notice) => notice.text)).toEqual([
      "Your report on the playlist was reviewed; no action was taken",
      "Your report on the track was reviewed; no action was taken",
    ]);
  });

  it("refuses to restore content that is not taken down, leaving the report open", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id, { title: "Never Down" });
    const reporter = await buildPerson(t);
    const reportId = await reported(t, reporter, "track", trackId);
    const response = await resolve(t, moderator, reportId, { action: "restore", note: "Nothing to lift" });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("CONFLICT");
    expect(response.json().error.message).toMatch(/not taken down/);
    expect((await reportRows(trackId)).map((row) => row.status)).toEqual(["open"]);
    expect(await moderationNotices(reporter)).toEqual([]);
    expect(await auditOf(t.db.database, "moderation.restore", trackId)).toEqual([]);
  });

  it("lets two moderators resolve two reports on the same thing at once: one closes both, the other hears 409", async () => {
    const second = await buildPerson(t, { role: "moderator" });
    const owner = await buildPerson(t, { role: "creator" });
    for (const action of ["dismiss", "take_down"]) {
      const trackId = await buildTrack(t.db.database, owner.id);
      const first = await reported(t, await buildPerson(t), "track", trackId);
      const other = await reported(t, await buildPerson(t), "track", trackId);
      const responses = await Promise.all([
        resolve(t, moderator, first, { action, note: "Handled" }),
        resolve(t, second, other, { action, note: "Handled" }),
      ]);
      expect(responses.map((response) => response.statusCode).sort(), action).toEqual([200, 409]);
      const refused = responses.find((response) => response.statusCode === 409);
      expect(refused && errorCode(refused)).toBe("REPORT_ALREADY_CLOSED");
      expect((await reportRows(trackId)).map((row) => row.status)).toEqual(
        Array(2).fill(action === "dismiss" ? "dismissed" : "resolved"),
      );
    }
  });

  it("lets a report on content gone since close only without an action on it", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id);
    const reportId = await reported(t, await buildPerson(t), "track", trackId);
    expect((await as(t.app, owner, "DELETE", `/api/v1/tracks/${trackId}`)).statusCode).toBe(204);
    const response = await resolve(t, moderator, reportId, { action: "take_down", note: "Too late" });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("CONFLICT");
    expect(
      (await resolved(t, moderator, reportId, { action: "no_action", note: "Deleted by its owner" })).subject,
    ).toMatchObject({ exists: false });
    expect((await fileReport(t, moderator, "track", trackId)).statusCode).toBe(404);
  });
});
