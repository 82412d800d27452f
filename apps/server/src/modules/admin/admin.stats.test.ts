import { instanceStatsSchema } from "@stave/contracts";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/accounts.ts";
import { useTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";

const t = useTestApp();

/** A UTC day `offset` days from `today` ("YYYY-MM-DD"). */
const dayFrom = (today: string, offset: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe("GET /api/v1/admin/stats", () => {
  it("counts users, signups, tracks, storage, plays, jobs and open reports on a seeded instance", async () => {
    const db = t.db.database.primary;
    const { rows } = await sql<{ today: string }>`SELECT (now() AT TIME ZONE 'UTC')::date AS today`.execute(db);
    const today = (rows[0] as { today: string }).today;
    const setUser = (id: string, values: { created_at?: string; suspended_at?: Date; deleted_at?: Date }) =>
      db.updateTable("users").set(values).where("id", "=", id).execute();

    // Users: signed up today unless moved; the moderator signed up before the 30-day window.
    const adminUser = await buildUser(t.db.database, { role: "admin" });
    const listeners = [await buildUser(t.db.database), await buildUser(t.db.database), await buildUser(t.db.database)];
    await setUser((listeners[0] as { id: string }).id, { suspended_at: new Date() });
    const creator = await buildUser(t.db.database, { role: "creator" });
    await setUser(creator.id, { created_at: `${dayFrom(today, -3)}T12:00:00Z` });
    const moderator = await buildUser(t.db.database, { role: "moderator" });
    await setUser(moderator.id, { created_at: `${dayFrom(today, -40)}T12:00:00Z` });
    const gone = await buildUser(t.db.database);
    await setUser(gone.id, { deleted_at: new Date() });

    // Tracks in every state, with their originals' sizes.
    const trackIds: string[] = [];
    for (const [status, size] of [
      ["ready", 1000],
      ["ready", 1000],
      ["failed", 5000],
      ["hidden", 7000],
      ["processing", 1000],
    ] as const) {
      const id = await insertReadyTrack(t.db.database, creator.id, `Track ${trackIds.length}`);
      await db.updateTable("tracks").set({ status, original_size: size }).where("id", "=", id).execute();
      trackIds.push(id);
    }
    const [first, second] = trackIds as [string, string];
    await db
      .insertInto("track_play_days")
      .values([
        { track_id: first, day: today, plays: 5 },
        { track_id: second, day: today, plays: 2 },
        { track_id: first, day: dayFrom(today, -2), plays: 3 },
        { track_id: first, day: dayFrom(today, -40), plays: 100 },
      ])
      .execute();

    await db
      .insertInto("jobs")
      .values([
        { name: "stats.seed", state: "queued" },
        { name: "stats.seed", state: "queued" },
        { name: "stats.seed", state: "running" },
        { name: "stats.seed", state: "dead", finished_at: new Date() },
        { name: "stats.seed", state: "dead", finished_at: new Date() },
        { name: "stats.seed", state: "dead", finished_at: new Date() },
        { name: "stats.seed", state: "succeeded", finished_at: new Date() },
      ])
      .execute();

    await db
      .insertInto("reports")
      .values([
        { reporter_id: listeners[1]?.id, subject_type: "track", subject_id: first, category: "spam" },
        { reporter_id: listeners[2]?.id, subject_type: "track", subject_id: first, category: "spam" },
        {
          reporter_id: listeners[2]?.id,
          subject_type: "track",
          subject_id: second,
          category: "spam",
          status: "resolved",
        },
      ])
      .execute();

    const admin = await signIn(t.app, adminUser);
    const response = await t.app.inject({ url: "/api/v1/admin/stats", headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(200);
    const stats = instanceStatsSchema.parse(response.json());

    expect(stats.usersByRole).toEqual({ admin: 1, user: 3, creator: 1, moderator: 1 });
    expect(stats.suspendedUsers).toBe(1);

    expect(stats.signupsPerDay).toHaveLength(30);
    expect(stats.signupsPerDay.map((entry) => entry.day)).toEqual(
      Array.from({ length: 30 }, (_, i) => dayFrom(today, i - 29)),
    );
    // Today: the admin, three listeners and the account since deleted (it did sign up).
    const signups = Object.fromEntries(stats.signupsPerDay.map((entry) => [entry.day, entry.count]));
    expect(signups[today]).toBe(5);
    expect(signups[dayFrom(today, -3)]).toBe(1);
    expect(stats.signupsPerDay.reduce((sum, entry) => sum + entry.count, 0)).toBe(6);

    expect(stats.tracksByStatus).toEqual({ ready: 2, failed: 1, hidden: 1, processing: 1 });
    expect(stats.storageUsedBytes).toBe(15_000);

    expect(stats.playsPerDay).toHaveLength(30);
    const plays = Object.fromEntries(stats.playsPerDay.map((entry) => [entry.day, entry.count]));
    expect(plays[today]).toBe(7);
    expect(plays[dayFrom(today, -2)]).toBe(3);
    expect(stats.playsPerDay.reduce((sum, entry) => sum + entry.count, 0)).toBe(10);
    expect(stats.playsPerDay[0]?.day).toBe(dayFrom(today, -29));

    expect(stats.jobs).toEqual({ queued: 2, running: 1, failed: 3 });
    expect(stats.openReports).toBe(2);
  });

  it("is for admins only", async () => {
    expect((await t.app.inject({ url: "/api/v1/admin/stats" })).statusCode).toBe(401);
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      const response = await t.app.inject({ url: "/api/v1/admin/stats", headers: { cookie: session.cookie } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
    }
  });
});
