import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import {
  type DataExportList,
  type DeleteAccountRequest,
  EXPORT_FORMAT_VERSION,
  exportManifestSchema,
  exportRecordSchemas,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices, errorCode } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { startSmtpMailer } from "../../../test/smtp.ts";
import { totpCode } from "../../../test/totp.ts";
import { waitFor } from "../../../test/wait.ts";
import { JobWorker } from "../../platform/jobs/index.ts";
import { mailJobs } from "../../platform/mail/index.ts";
import type { AnyExporter } from "../../platform/personal-data/exporter.ts";
import type { Services } from "../../services.ts";
import { auditAdminAction } from "../admin/admin.actor.ts";
import { exportKey, writeExportArchive } from "./export-archive.ts";
import { archiveExporters } from "./export-files.ts";
import { privacyJobs } from "./privacy.jobs.ts";
import { purgeDeletedAccounts } from "./privacy.service.ts";

let testDb: TestDatabase;
let services: Services;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const built = await buildTestServices(testDb.database);
  services = built.services;
  app = await buildTestApp(testDb.database, { services });
});
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

const jobContext = { jobId: "test", attempt: 1, logger: silentLogger, signal: new AbortController().signal };
const runJob = <N extends keyof ReturnType<typeof privacyJobs>>(
  name: N,
  payload: Parameters<ReturnType<typeof privacyJobs>[N]["handle"]>[0],
) =>
  (privacyJobs(services.privacy)[name].handle as (p: typeof payload, c: typeof jobContext) => Promise<void>)(
    payload,
    jobContext,
  );

const deleteMyAccount = (session: SignedIn, payload: DeleteAccountRequest) =>
  app.inject({ method: "DELETE", url: "/api/v1/users/me", headers: session.headers, payload });
const post = (session: SignedIn, url: string, payload?: object) =>
  app.inject({ method: "POST", url, headers: session.headers, ...(payload ? { payload } : {}) });

/** A stored "original" and a published HLS master, so the track can be exported and streamed. */
async function giveMedia(trackId: string, audio: Buffer) {
  const storage = services.tracks.storage;
  const originalKey = `tracks/${trackId}/original`;
  await storage.put(originalKey, Readable.from([audio]));
  const hlsPrefix = `tracks/${trackId}/hls/v1/`;
  await storage.put(`${hlsPrefix}master.m3u8`, Readable.from(["#EXTM3U\n"]));
  await testDb.database.primary
    .updateTable("tracks")
    .set({ original_key: originalKey, hls_prefix: hlsPrefix })
    .where("id", "=", trackId)
    .execute();
}

/** A listener-creator with a bit of everything the export must hold. */
async function buildBusyUser(ip: string) {
  const db = testDb.database.primary;
  const user = await buildUser(testDb.database, { role: "creator" });
  const displayName = `Ingrid ${user.username.slice(-6)}`;
  await db
    .updateTable("user_profiles")
    .set({ display_name: displayName, bio: "Loves fjords" })
    .where("user_id", "=", user.id)
    .execute();
  const session = await signIn(app, user, ip);
  const friend = await buildUser(testDb.database);
  const friendSession = await signIn(app, friend);

  const publicTrack = await insertReadyTrack(testDb.database, user.id, { title: "Fjord Morning" });
  const privateTrack = await insertReadyTrack(testDb.database, user.id, {
    title: "Secret Demo",
    visibility: "private",
  });
  await giveMedia(publicTrack, Buffer.from("RIFF-public-audio"));
  await giveMedia(privateTrack, Buffer.from("RIFF-private-audio"));
  const friendTrack = await insertReadyTrack(testDb.database, friend.id, "Friendly Tune");

  const playlist = await post(session, "/api/v1/playlists", { title: "Road songs" });
  await post(session, `/api/v1/playlists/${playlist.json().playlist.id}/tracks`, { trackId: friendTrack });
  const conversation = await post(friendSession, "/api/v1/conversations", {
    username: user.username,
    body: "Hello Ingrid",
  });
  await post(session, `/api/v1/conversations/${conversation.json().conversation.id}/messages`, { body: "Hi back" });
  await db
    .insertInto("playback_history")
    .values([
      { user_id: user.id, track_id: friendTrack, listened_ms: 31_000 },
      { user_id: user.id, track_id: publicTrack, listened_ms: 12_500 },
    ])
    .execute();
  await sql`INSERT INTO track_likes (track_id, user_id) VALUES (${friendTrack}, ${user.id})`.execute(db);
  await sql`INSERT INTO follows (follower_id, followee_id) VALUES (${user.id}, ${friend.id})`.execute(db);
  await sql`INSERT INTO track_comments (track_id, author_id, body) VALUES (${friendTrack}, ${user.id}, 'Lovely')`.execute(
    db,
  );
  return { user, displayName, session, friend, friendSession, publicTrack, privateTrack, friendTrack };
}

/** `unzip` itself, as someone opening their export would. */
const unzip = (flags: string, file: string, member?: string) =>
  execFileSync("unzip", [flags, file, ...(member ? [member] : [])], { encoding: "utf8" });

describe("data export", () => {
  it("builds a ZIP with every file, mails a working link and notifies in-app", async () => {
    const busy = await buildBusyUser("198.51.100.23");
    const requested = await post(busy.session, "/api/v1/me/export");
    expect(requested.statusCode).toBe(202);
    const { export: created } = requested.json();
    expect(created).toMatchObject({ status: "pending", downloadUrl: null });

    await runJob("privacy.build_export", { exportId: created.id });
    const list = (
      await app.inject({ url: "/api/v1/me/exports", headers: { cookie: busy.session.cookie } })
    ).json() as DataExportList;
    expect(list.items[0]).toMatchObject({ id: created.id, status: "ready", sizeBytes: expect.any(Number) });
    expect(list.remainingToday).toBe(2);
    const expiresIn = new Date(list.items[0]?.expiresAt ?? 0).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 86_400_000);

    // The mail goes through a real SMTP server; its link downloads the ZIP for its owner.
    const { smtp, mailer } = await startSmtpMailer();
    const worker = new JobWorker({
      database: testDb.database,
      registry: { ...mailJobs({ database: testDb.database, mailer }), ...privacyJobs(services.privacy) },
      logger: silentLogger,
      pollIntervalMs: 50,
    });
    await worker.start();
    let link = "";
    try {
      const mail = await waitFor(
        async () => smtp.received.find((m) => m.to === busy.user.email && /export/i.test(m.subject)),
        20_000,
        "the export mail",
      );
      link = /https?:\/\/\S+\/api\/v1\/me\/exports\/\S+\/download/.exec(mail.text)?.[0] ?? "";
    } finally {
      await worker.stop(100);
      mailer.close();
      await smtp.close();
    }
    expect(link).toContain(created.id);
    const download = await app.inject({ url: new URL(link).pathname, headers: { cookie: busy.session.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/zip");
    expect(download.headers["content-disposition"]).toMatch(
      /attachment; filename="stave-export-\d{4}-\d{2}-\d{2}\.zip"/,
    );

    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-export-"));
    const zipFile = path.join(dir, "export.zip");
    await writeFile(zipFile, download.rawPayload);
    expect(unzip("-tq", zipFile)).toMatch(/No errors detected/);
    const names = unzip("-Z1", zipFile).trim().split("\n");
    for (const name of [
      "README.txt",
      "account.json",
      "profile.json",
      "tracks.json",
      "playlists.json",
      "likes.json",
      "follows.json",
      "comments.json",
      "messages.json",
      "playback_history.json",
      "playback_history.csv",
      "notifications.json",
      "security_events.json",
      "manifest.json",
    ]) {
      expect(names).toContain(name);
    }
    const read = (name: string) => unzip("-p", zipFile, name);
    const json = (name: string) => JSON.parse(read(name));
    expect(json("account.json")).toMatchObject({
      formatVersion: 2,
      email: busy.user.email,
      role: "creator",
      twoFactorEnabled: false,
    });
    expect(read("account.json")).not.toMatch(/secret|password/i);
    expect(json("profile.json")).toMatchObject({
      username: busy.user.username,
      displayName: busy.displayName,
      bio: "Loves fjords",
    });
    const tracks = json("tracks.json") as { id: string; title: string; originalFile: string }[];
    expect(tracks.map((t) => t.title).sort()).toEqual(["Fjord Morning", "Secret Demo"]);
    const audio = tracks.find((t) => t.id === busy.publicTrack)?.originalFile as string;
    expect(read(audio)).toBe("RIFF-public-audio");
    expect(json("playlists.json")[0]).toMatchObject({
      title: "Road songs",
      tracks: [{ trackId: busy.friendTrack, title: "Friendly Tune" }],
    });
    expect(json("likes.json")).toEqual([
      expect.objectContaining({ type: "track", id: busy.friendTrack, title: "Friendly Tune" }),
    ]);
    expect(json("follows.json")).toEqual([expect.objectContaining({ username: busy.friend.username })]);
    expect(json("comments.json")).toEqual([expect.objectContaining({ body: "Lovely", track_id: busy.friendTrack })]);
    const messages = json("messages.json") as { direction: string; body: string; with: string }[];
    expect(messages.map((m) => [m.direction, m.body, m.with])).toEqual([
      ["received", "Hello Ingrid", busy.friend.username],
      ["sent", "Hi back", busy.friend.username],
    ]);
    expect(json("playback_history.json")).toHaveLength(2);
    const csvLines = read("playback_history.csv").trim().split("\r\n");
    expect(csvLines[0]).toBe("at,listened_ms,track_id,track_title");
    expect(csvLines).toHaveLength(3);
    expect(json("notifications.json").map((n: { kind: string }) => n.kind)).toContain("message");
    const events = json("security_events.json") as { action: string; ip: string | null }[];
    expect(events).toContainEqual(expect.objectContaining({ action: "user.login", ip: "198.51.100.23" }));

    // The manifest lists every file of records with its type and count, under the format version.
    const manifest = exportManifestSchema.parse(json("manifest.json"));
    expect(manifest).toMatchObject({
      formatVersion: EXPORT_FORMAT_VERSION,
      account: { id: busy.user.id, username: busy.user.username },
    });
    expect(EXPORT_FORMAT_VERSION).toBe(2);
    const recordFiles = names.filter((name) => /\.(json|csv)$/.test(name) && name !== "manifest.json");
    expect(manifest.files.map((file) => file.name).sort()).toEqual(recordFiles.sort());
    for (const file of manifest.files) {
      const schema = exportRecordSchemas[file.recordType];
      if (file.format === "csv") {
        expect(read(file.name).trim().split("\r\n").length - 1, file.name).toBe(file.count);
        continue;
      }
      const content = json(file.name);
      // A file of one record holds it as an object; every other JSON file an array.
      const records = Array.isArray(content) ? content : [content];
      expect(records, file.name).toHaveLength(file.count);
      for (const record of records) expect(schema.safeParse(record).error, file.name).toBeUndefined();
    }
    expect(manifest.files.find((file) => file.name === "tracks.json")?.count).toBe(2);
    expect(manifest.files.find((file) => file.name === "messages.json")?.count).toBe(2);

    const notifications = await app.inject({
      url: "/api/v1/me/notifications",
      headers: { cookie: busy.session.cookie },
    });
    expect(notifications.json().items[0]).toMatchObject({
      kind: "export_ready",
      subject: { type: "export", id: created.id },
    });
  });

  it("refuses a 4th export in 24 hours with 429 and Retry-After, even when asked all at once", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(session, "/api/v1/me/export")));
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(3);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(3);
    expect(errorCode(refused[0] as never)).toBe("EXPORT_RATE_LIMITED");
    expect(Number(refused[0]?.headers["retry-after"])).toBeGreaterThan(23 * 3600);
    // A day later the oldest frees a slot.
    await testDb.database.primary
      .updateTable("data_exports")
      .set({ created_at: sql<Date>`now() - interval '25 hours'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await post(session, "/api/v1/me/export")).statusCode).toBe(202);
  });

  it("lets only its owner download it, and not once it has expired", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const { export: created } = (await post(session, "/api/v1/me/export")).json();
    const url = `/api/v1/me/exports/${created.id}/download`;
    const early = await app.inject({ url, headers: { cookie: session.cookie } });
    expect(errorCode(early)).toBe("EXPORT_NOT_READY");
    await runJob("privacy.build_export", { exportId: created.id });
    const other = await signIn(app, await buildUser(testDb.database));
    expect((await app.inject({ url, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url })).statusCode).toBe(401);
    expect((await app.inject({ url, headers: { cookie: session.cookie } })).statusCode).toBe(200);

    await testDb.database.primary
      .updateTable("data_exports")
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where("id", "=", created.id)
      .execute();
    await runJob("privacy.expire_exports", {});
    const row = await testDb.database.primary
      .selectFrom("data_exports")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("expired");
    expect(await services.privacy.storage.stat(row.storage_key as string)).toBeNull();
    const gone = await app.inject({ url, headers: { cookie: session.cookie } });
    expect(gone.statusCode).toBe(410);
    expect(errorCode(gone)).toBe("EXPORT_EXPIRED");
  });
});

/** The ZIP of a built export, unpacked for reading. */
async function exportFiles(session: SignedIn, exportId: string) {
  await runJob("privacy.build_export", { exportId });
  const download = await app.inject({
    url: `/api/v1/me/exports/${exportId}/download`,
    headers: { cookie: session.cookie },
  });
  expect(download.statusCode).toBe(200);
  const zipFile = path.join(await mkdtemp(path.join(os.tmpdir(), "stave-export-")), "export.zip");
  await writeFile(zipFile, download.rawPayload);
  return (name: string) => unzip("-p", zipFile, name);
}

describe("data export: failures", () => {
  it("fails an export whose worker died on its last attempt, instead of leaving it processing forever", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const { export: lost } = (await post(session, "/api/v1/me/export")).json();
    const { export: waiting } = (await post(session, "/api/v1/me/export")).json();
    // What the job queue leaves when the worker vanishes on the last attempt: a dead job.
    await testDb.database.primary
      .updateTable("data_exports")
      .set({ status: "processing" })
      .where("id", "=", lost.id)
      .execute();
    await sql`UPDATE jobs SET state = 'dead' WHERE payload->>'exportId' = ${lost.id}`.execute(testDb.database.primary);

    await runJob("privacy.expire_exports", {});
    const list = (
      await app.inject({ url: "/api/v1/me/exports", headers: { cookie: session.cookie } })
    ).json() as DataExportList;
    expect(Object.fromEntries(list.items.map((item) => [item.id, item.status]))).toEqual({
      [lost.id]: "failed",
      [waiting.id]: "pending",
    });
    const download = await app.inject({
      url: `/api/v1/me/exports/${lost.id}/download`,
      headers: { cookie: session.cookie },
    });
    expect(download.statusCode).toBe(409);
    expect(download.json().error.message).toMatch(/could not be built.*request a new one/);
  });

  it("leaves no ZIP and no notification behind when the account is deleted while its export is built", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const { export: created } = (await post(session, "/api/v1/me/export")).json();
    const storage = services.privacy.storage;
    const racing = {
      ...services.privacy,
      storage: {
        ...storage,
        put: async (key: string, body: Readable) => {
          const deleted = await deleteMyAccount(session, { password: user.password });
          expect(deleted.statusCode).toBe(204);
          return storage.put(key, body);
        },
      },
    };
    await privacyJobs(racing)["privacy.build_export"].handle({ exportId: created.id }, jobContext);
    expect(await storage.stat(exportKey(user.id, created.id))).toBeNull();
    const notifications = await testDb.database.primary
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(notifications).toEqual([]);
  });
});

describe("data export: other people's data", () => {
  it("leaves out an admin's address and browser, and titles others have since made private", async () => {
    const busy = await buildBusyUser("198.51.100.31");
    const admin = await buildUser(testDb.database, { role: "admin" });
    await auditAdminAction(
      { database: testDb.database, logger: silentLogger },
      { userId: admin.id, ip: "203.0.113.99", userAgent: "AdminBrowser/7" },
      "admin.quota_change",
      busy.user.id,
    );
    // The friend's track, which busy liked, commented on and put in a playlist, goes private.
    await testDb.database.primary
      .updateTable("tracks")
      .set({ visibility: "private" })
      .where("id", "=", busy.friendTrack)
      .execute();
    const { export: created } = (await post(busy.session, "/api/v1/me/export")).json();
    const read = await exportFiles(busy.session, created.id);

    const events = JSON.parse(read("security_events.json")) as { action: string; ip: string | null }[];
    expect(events).toContainEqual(
      expect.objectContaining({ action: "admin.quota_change", ip: null, user_agent: null }),
    );
    expect(events).toContainEqual(expect.objectContaining({ action: "user.login", ip: "198.51.100.31" }));
    for (const name of ["security_events.json", "likes.json", "comments.json", "playlists.json"]) {
      expect(read(name), name).not.toMatch(/203\.0\.113\.99|AdminBrowser|Friendly Tune/);
    }
    // What the user did stays: the like, the comment and the playlist entry, by id.
    expect(JSON.parse(read("likes.json"))).toEqual([expect.objectContaining({ id: busy.friendTrack, title: null })]);
    expect(JSON.parse(read("comments.json"))).toEqual([
      expect.objectContaining({ body: "Lovely", track_id: busy.friendTrack, track_title: null }),
    ]);
    expect(JSON.parse(read("playlists.json"))[0].tracks).toEqual([{ trackId: busy.friendTrack, title: null }]);
  });
});

/** Every text and JSON value in every table that contains one of `needles`. */
async function findPersonalData(needles: string[]) {
  const db = testDb.database.primary;
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public'
       AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'USER-DEFINED', 'inet', 'ARRAY')
       AND (data_type <> 'USER-DEFINED' OR udt_name = 'citext')`.execute(db);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table_name)}
         WHERE position(lower(${needle}) IN lower(${sql.ref(column_name)}::text)) > 0`.execute(db);
      if ((rows[0]?.n ?? 0) > 0) found.push(`${table_name}.${column_name} has ${needle}`);
    }
  }
  return found;
}

describe("account deletion", () => {
  it("needs the password, and a 2FA code when it is on", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const wrong = await deleteMyAccount(session, { password: "nope" });
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("PASSWORD_INCORRECT");

    const setup = await post(session, "/api/v1/users/me/2fa/setup");
    const secret = setup.json().secret as string;
    expect(
      (await post(session, "/api/v1/users/me/2fa/enable", { code: totpCode(secret), password: user.password }))
        .statusCode,
    ).toBe(200);
    const withoutCode = await deleteMyAccount(session, { password: user.password });
    expect(errorCode(withoutCode)).toBe("INVALID_TWO_FACTOR_CODE");
  });

  it("limits password guesses per client address across accounts, like the other confirmations", async () => {
    // 8 wrong guesses on each of 4 accounts from one address: under each account's limit of
    // 10, but past the address's 30, so the last two are refused without being checked.
    const address = "192.0.2.77";
    const statuses: number[] = [];
    for (let account = 0; account < 4; account++) {
      const session = await signIn(app, await buildUser(testDb.database));
      for (let attempt = 0; attempt < 8; attempt++) {
        const response = await app.inject({
          method: "DELETE",
          url: "/api/v1/users/me",
          headers: session.headers,
          payload: { password: `guess-${attempt}` },
          remoteAddress: address,
        });
        statuses.push(response.statusCode);
      }
    }
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("signs out everywhere, erases personal data, keeps public tracks if asked, and purges after 30 days", async () => {
    const busy = await buildBusyUser("198.51.100.24");
    const otherSession = await signIn(app, busy.user, "198.51.100.77");
    const { export: pending } = (await post(busy.session, "/api/v1/me/export")).json();
    expect(pending.status).toBe("pending");

    const deleted = await deleteMyAccount(busy.session, { password: busy.user.password, keepPublicTracks: true });
    expect(deleted.statusCode, deleted.body).toBe(204);

    for (const session of [busy.session, otherSession]) {
      expect((await app.inject({ url: "/api/v1/users/me", headers: { cookie: session.cookie } })).statusCode).toBe(401);
    }
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: busy.user.email, password: busy.user.password },
    });
    expect(errorCode(login)).toBe("INVALID_CREDENTIALS");

    // The kept public track still streams, under "Deleted user"; the private one is gone.
    const kept = await app.inject(`/api/v1/tracks/${busy.publicTrack}`);
    expect(kept.json().track.owner.displayName).toBe("Deleted user");
    const stream = await app.inject(`/api/v1/tracks/${busy.publicTrack}/stream`);
    expect(stream.statusCode).toBe(200);
    expect((await app.inject(new URL(stream.json().url).pathname)).statusCode).toBe(200);
    expect((await app.inject(`/api/v1/tracks/${busy.privateTrack}/stream`)).statusCode).toBe(404);

    // The friend still has the conversation, from "Deleted user".
    const conversations = await app.inject({
      url: "/api/v1/conversations",
      headers: { cookie: busy.friendSession.cookie },
    });
    expect(conversations.json().items[0]).toMatchObject({
      with: { displayName: "Deleted user" },
      lastMessage: { body: "Hi back" },
    });

    const db = testDb.database.primary;
    const leftovers = await Promise.all(
      (["playback_history", "notifications", "data_exports", "sessions", "track_likes", "playlists"] as const).map(
        async (table) => [
          table,
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(table === "playlists" ? "owner_id" : "user_id")} = ${busy.user.id}`.execute(
              db,
            )
          ).rows[0]?.n,
        ],
      ),
    );
    expect(Object.fromEntries(leftovers)).toEqual({
      playback_history: 0,
      notifications: 0,
      data_exports: 0,
      sessions: 0,
      track_likes: 0,
      playlists: 0,
    });
    const follows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM follows WHERE follower_id = ${busy.user.id}`.execute(db);
    expect(follows.rows[0]?.n).toBe(0);
    const audit = await db.selectFrom("audit_log").select("action").where("actor_id", "=", busy.user.id).execute();
    expect(audit.map((a) => a.action)).toContain("user.delete_requested");

    const identity = [busy.user.email, busy.user.username, busy.displayName];
    expect(await findPersonalData(identity)).toEqual([]);

    // 30 days later, the final pass erases the network addresses too; running it again changes nothing.
    await db
      .updateTable("users")
      .set({ deleted_at: sql<Date>`now() - interval '31 days'` })
      .where("id", "=", busy.user.id)
      .execute();
    expect(await purgeDeletedAccounts(services.privacy)).toBeGreaterThanOrEqual(1);
    expect(await purgeDeletedAccounts(services.privacy)).toBe(0);
    expect(await findPersonalData([...identity, "198.51.100.24", "198.51.100.77"])).toEqual([]);
    const tombstone = await db
      .selectFrom("users")
      .select(["hard_deleted_at", "password_hash", "email"])
      .where("id", "=", busy.user.id)
      .executeTakeFirstOrThrow();
    expect(tombstone.hard_deleted_at).not.toBeNull();
    expect(tombstone.password_hash).toBeNull();
    expect((await app.inject(`/api/v1/tracks/${busy.publicTrack}/stream`)).statusCode).toBe(200);
  });

  it("deletes public tracks too unless asked to keep them", async () => {
    const user = await buildUser(testDb.database, { role: "creator" });
    const session = await signIn(app, user);
    const track = await insertReadyTrack(testDb.database, user.id, "Gone With Me");
    const deleted = await deleteMyAccount(session, { password: user.password });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject(`/api/v1/tracks/${track}`)).statusCode).toBe(404);
  });
});

describe("data export: spreadsheets", () => {
  it("neutralises a formula in a track title in playback_history.csv", async () => {
    const listener = await buildUser(testDb.database);
    const session = await signIn(app, listener);
    const prankster = await buildUser(testDb.database, { role: "creator" });
    const title = '=HYPERLINK("http://evil.example","Play me")';
    const trackId = await insertReadyTrack(testDb.database, prankster.id, { title });
    await testDb.database.primary
      .insertInto("playback_history")
      .values({ user_id: listener.id, track_id: trackId, listened_ms: 40_000 })
      .execute();

    const { export: created } = (await post(session, "/api/v1/me/export")).json();
    const read = await exportFiles(session, created.id);
    const [header, row] = read("playback_history.csv").trim().split("\r\n");
    expect(header).toBe("at,listened_ms,track_id,track_title");
    // A leading apostrophe keeps the cell text; the quotes are doubled as RFC 4180 has it.
    expect(row).toMatch(
      new RegExp(`^[0-9T:.Z-]+,40000,${trackId},"'=HYPERLINK\\(""http://evil.example"",""Play me""\\)"$`),
    );
  });
});

describe("data export: large accounts", () => {
  it("reads past a page of 1000 rows without losing or repeating one, even within one millisecond", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const trackId = await insertReadyTrack(testDb.database, user.id, "Loop");
    // 2503 listens over seven instants a microsecond apart: pages end inside one millisecond.
    await sql`
      INSERT INTO playback_history (user_id, track_id, listened_ms, played_at)
      SELECT ${user.id}, ${trackId}, i, timestamp '2024-01-01 00:00:00' + (i % 7) * interval '1 microsecond'
        FROM generate_series(1, 2503) i`.execute(testDb.database.primary);

    const { export: created } = (await post(session, "/api/v1/me/export")).json();
    const read = await exportFiles(session, created.id);
    const history = JSON.parse(read("playback_history.json")) as { listenedMs: number }[];
    expect(new Set(history.map((entry) => entry.listenedMs)).size).toBe(2503);
    expect(history).toHaveLength(2503);
    const manifest = exportManifestSchema.parse(JSON.parse(read("manifest.json")));
    expect(manifest.files.filter((file) => file.recordType === "playbackHistory").map((file) => file.count)).toEqual([
      2503, 2503,
    ]);
  });
});

describe("data export: a failing part", () => {
  /** An exporter whose records or media listing fails after the ones before it have begun. */
  const failing = (when: "records" | "media"): AnyExporter => ({
    file: "broken.json",
    recordType: "comment",
    format: "json",
    async *records() {
      if (when === "records") throw new Error("the database went away mid-file");
      yield* [];
    },
    async *media() {
      if (when === "media") throw new Error("the database went away while listing audio");
      yield* [];
    },
  });

  it.each(["records", "media"] as const)(
    "fails the build when an exporter's %s fail, and stores no ZIP",
    async (when) => {
      const user = await buildUser(testDb.database);
      await insertReadyTrack(testDb.database, user.id, "Kept");
      const storage = services.privacy.storage;
      const key = exportKey(user.id, crypto.randomUUID());
      await expect(
        writeExportArchive(testDb.database.primary, storage, user.id, key, [...archiveExporters, failing(when)]),
      ).rejects.toThrow(/the database went away/);
      expect(await storage.stat(key)).toBeNull();
    },
  );
});
