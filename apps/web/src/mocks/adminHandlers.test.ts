import {
  adminUserDetailSchema,
  adminUserPageSchema,
  auditPageSchema,
  createdInviteSchema,
  createdReportSchema,
  failedJobListSchema,
  instanceInfoSchema,
  instanceSettingsSchema,
  instanceStatsSchema,
  moderationReportSchema,
  reportPageSchema,
} from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildAdmin,
  buildComment,
  buildDirectory,
  buildMe,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  MOCK_INVITE_CODE,
  type MockAdminSeed,
  ownerOf,
} from "./handlers.ts";
import { server } from "./server.ts";

// The admin and moderation domains of the mocked API: replies parse with the contract's
// schemas and follow the server's rules, so stories and tests behave like the real thing.

const CSRF = "mock-csrf-token";
const people = buildDirectory(6);
const [bea, cyril] = people as [ReturnType<typeof buildMe>, ReturnType<typeof buildMe>];
const beaTrack = buildTrack({ title: "Bea's Song", owner: ownerOf(bea) });
const comment = buildComment({ trackId: beaTrack.id, author: ownerOf(cyril), body: "Spam!" });

function setUp(me = buildAdmin(), admin: Omit<MockAdminSeed, "social"> = {}) {
  const api = createMockApi({ me, users: people, tracks: [beaTrack], social: { comments: [comment] }, admin });
  server.use(...api.handlers);
  return { api, me };
}

describe("mock admin API: users", () => {
  it("lists, filters and pages accounts (admins only)", async () => {
    setUp();
    const page = adminUserPageSchema.parse((await call("GET", "/api/v1/admin/users?limit=3")).json);
    expect(page.items.map((user) => user.username)).toEqual(["bea", "cyril", "dana"]);
    expect(page.nextCursor).toBe("3");
    const creators = adminUserPageSchema.parse((await call("GET", "/api/v1/admin/users?role=creator")).json);
    expect(creators.items.map((user) => user.username)).toEqual(["bea"]);
    const unverified = adminUserPageSchema.parse((await call("GET", "/api/v1/admin/users?state=unverified&q=fe")).json);
    expect(unverified.items.map((user) => user.username)).toEqual(["fern"]);
  });

  it("refuses anyone but an admin", async () => {
    setUp(buildMe({ username: "morgan", role: "moderator" }));
    expectError(await call("GET", "/api/v1/admin/users"), 403, "FORBIDDEN");
    expectError(await call("GET", "/api/v1/admin/stats"), 403, "FORBIDDEN");
  });

  it("changes a role only when the expected role is still the user's (409 with the current one otherwise)", async () => {
    setUp();
    const path = `/api/v1/admin/users/${cyril.id}/role`;
    const stale = await call("PUT", path, { csrf: CSRF, body: { role: "moderator", expectedRole: "creator" } });
    expectError(stale, 409, "ROLE_CHANGED_CONCURRENTLY");
    expect(stale.json).toMatchObject({ error: { details: { currentRole: "user" } } });

    const changed = await call("PUT", path, { csrf: CSRF, body: { role: "moderator", expectedRole: "user" } });
    expect(changed).toEqual({ status: 200, json: { id: cyril.id, role: "moderator", previousRole: "user" } });
  });

  it("suspends with a reason (hiding the user's tracks) and lifts it again", async () => {
    const { api } = setUp();
    const path = `/api/v1/admin/users/${bea.id}`;
    expectError(await call("POST", `${path}/suspend`, { csrf: CSRF, body: { reason: "" } }), 400, "VALIDATION_FAILED");

    const suspended = await call("POST", `${path}/suspend`, { csrf: CSRF, body: { reason: "Spam, again." } });
    expect(adminUserDetailSchema.parse(suspended.json)).toMatchObject({
      state: "suspended",
      suspensionReason: "Spam, again.",
    });
    expect(api.tracks.state.tracks[0]).toMatchObject({ status: "hidden", takedown: { kind: "owner_suspended" } });

    await call("POST", `${path}/unsuspend`, { csrf: CSRF });
    expect(api.tracks.state.tracks[0]).toMatchObject({ status: "ready", takedown: null });
  });
});

describe("mock admin API: settings, invites, stats, jobs, audit", () => {
  it("saves settings, which the instance info then serves", async () => {
    setUp();
    const saved = await call("PATCH", "/api/v1/admin/settings", {
      csrf: CSRF,
      body: { registrationMode: "invite", siteName: "Night Owl Radio" },
    });
    expect(instanceSettingsSchema.parse(saved.json)).toMatchObject({ registrationMode: "invite" });
    const info = instanceInfoSchema.parse((await call("GET", "/api/v1/instance")).json);
    expect(info).toMatchObject({ name: "Night Owl Radio", registrationMode: "invite" });
  });

  it("makes invites that registration then needs, and refuses sign-ups when closed", async () => {
    setUp(buildAdmin(), { settings: { registrationMode: "invite" } });
    const created = createdInviteSchema.parse(
      (await call("POST", "/api/v1/admin/invites", { csrf: CSRF, body: { note: "x", maxUses: 1 } })).json,
    );
    const body = { email: "new@example.com", username: "newbie2", password: "a long passphrase" };
    expectError(await call("POST", "/api/v1/auth/register", { body }), 403, "INVITE_CODE_INVALID");
    const registered = await call("POST", "/api/v1/auth/register", { body: { ...body, inviteCode: created.code } });
    expect(registered.status).toBe(201);
    // Single use: spent now.
    const again = await call("POST", "/api/v1/auth/register", {
      body: { ...body, email: "other@example.com", username: "other", inviteCode: created.code },
    });
    expectError(again, 403, "INVITE_CODE_INVALID");
    expect(created.code).not.toBe(MOCK_INVITE_CODE);

    await call("PATCH", "/api/v1/admin/settings", { csrf: CSRF, body: { registrationMode: "closed" } });
    expectError(await call("POST", "/api/v1/auth/register", { body }), 403, "REGISTRATION_CLOSED");
  });

  it("serves stats, failed jobs and their retry", async () => {
    setUp();
    const stats = instanceStatsSchema.parse((await call("GET", "/api/v1/admin/stats")).json);
    expect(stats.signupsPerDay).toHaveLength(30);
    const jobs = failedJobListSchema.parse((await call("GET", "/api/v1/admin/jobs/failed")).json).items;
    const retried = await call("POST", `/api/v1/admin/jobs/${jobs[0]?.id}/retry`, { csrf: CSRF });
    expect(retried).toEqual({ status: 202, json: { id: jobs[0]?.id, state: "queued" } });
    expectError(await call("POST", `/api/v1/admin/jobs/${jobs[0]?.id}/retry`, { csrf: CSRF }), 409, "JOB_NOT_FAILED");
  });

  it("records admin actions in the audit log, filtered by action prefix and actor", async () => {
    const { me } = setUp();
    await call("PUT", `/api/v1/admin/users/${cyril.id}/role`, {
      csrf: CSRF,
      body: { role: "creator", expectedRole: "user" },
    });
    const page = auditPageSchema.parse((await call("GET", "/api/v1/admin/audit?action=admin.&actor=root")).json);
    expect(page.items).toEqual([
      expect.objectContaining({
        action: "admin.role_change",
        actorId: me.id,
        actorUsername: "root",
        targetId: cyril.id,
      }),
    ]);
  });
});

describe("mock moderation API", () => {
  it("takes reports, refusing a second open report on the same thing", async () => {
    const reporter = buildVerifiedUser({ username: "lin" });
    setUp(reporter);
    const report = (subjectId: string, subjectType = "track") =>
      call("POST", "/api/v1/reports", { csrf: CSRF, body: { subjectType, subjectId, category: "spam" } });

    expect(createdReportSchema.parse((await report(beaTrack.id)).json).status).toBe("open");
    expectError(await report(beaTrack.id), 409, "ALREADY_REPORTED");
    expect((await report(comment.id, "comment")).status).toBe(201);
  });

  it("lists the queue for moderators and resolves a report with a takedown the owner sees", async () => {
    const moderator = buildMe({ username: "morgan", role: "moderator" });
    const { api } = setUp(moderator, {
      reports: [
        {
          id: "00000000-0000-4000-8000-0000000fee01",
          status: "open",
          category: "spam",
          details: "",
          subjectType: "comment",
          subjectId: comment.id,
          reporter: ownerOf(bea),
          outcome: null,
          resolutionNote: null,
          resolver: null,
          createdAt: "2025-05-01T10:00:00.000Z",
          resolvedAt: null,
        },
        {
          id: "00000000-0000-4000-8000-0000000fee02",
          status: "open",
          category: "copyright",
          details: "",
          subjectType: "track",
          subjectId: beaTrack.id,
          reporter: ownerOf(bea),
          outcome: null,
          resolutionNote: null,
          resolver: null,
          createdAt: "2025-04-01T10:00:00.000Z",
          resolvedAt: null,
        },
      ],
    });
    const queue = reportPageSchema.parse((await call("GET", "/api/v1/admin/reports")).json);
    expect(queue.items[0]?.subject).toMatchObject({ type: "comment", label: "Spam!", exists: true, takenDown: false });

    const resolved = await call("POST", "/api/v1/admin/reports/00000000-0000-4000-8000-0000000fee01/resolve", {
      csrf: CSRF,
      body: { action: "take_down", note: "Spam." },
    });
    expect(moderationReportSchema.parse(resolved.json)).toMatchObject({ status: "resolved", outcome: "taken_down" });
    expect(api.social.state.comments[0]?.takedown).toMatchObject({ kind: "policy", reason: "Spam." });
    const again = await call("POST", "/api/v1/admin/reports/00000000-0000-4000-8000-0000000fee01/resolve", {
      csrf: CSRF,
      body: { action: "dismiss", note: "Again." },
    });
    expectError(again, 409, "REPORT_ALREADY_CLOSED");
  });

  it("refuses the queue to listeners", async () => {
    setUp(buildVerifiedUser({ username: "lin" }));
    expectError(await call("GET", "/api/v1/admin/reports"), 403, "FORBIDDEN");
  });
});
