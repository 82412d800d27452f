import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { trackSchema } from "@stave/contracts";
import { FileStore } from "@tus/file-store";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { makeNotAudio, makeWav } from "../../../test/media.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let creator: SignedIn;
let fixtures: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  creator = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
  fixtures = await mkdtemp(path.join(os.tmpdir(), "stave-tus-"));
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const b64 = (value: string) => Buffer.from(value).toString("base64");
const tus = { "tus-resumable": "1.0.0" };

async function createUpload(session: SignedIn, size: number, metadata: Record<string, string>) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/uploads",
    headers: {
      ...tus,
      ...session.headers,
      "upload-length": String(size),
      "upload-metadata": Object.entries(metadata)
        .map(([key, value]) => `${key} ${b64(value)}`)
        .join(","),
    },
  });
  expect(response.statusCode).toBe(201);
  return new URL(response.headers.location as string).pathname;
}

const patch = (session: SignedIn, location: string, offset: number, chunk: Buffer) =>
  app.inject({
    method: "PATCH",
    url: location,
    headers: {
      ...tus,
      ...session.headers,
      "upload-offset": String(offset),
      "content-type": "application/offset+octet-stream",
    },
    payload: chunk,
  });

describe("resumable uploads (tus)", () => {
  it("resumes after a dropped connection and creates the track when the last chunk lands", async () => {
    const bytes = await readFile(await makeWav(fixtures, { seconds: 2 }));
    const half = Math.floor(bytes.length / 2);
    const location = await createUpload(creator, bytes.length, {
      filename: "take-two.wav",
      title: "Take Two",
      visibility: "unlisted",
    });

    expect((await patch(creator, location, 0, bytes.subarray(0, half))).headers["upload-offset"]).toBe(String(half));
    // The connection drops; the client asks where to resume.
    const head = await app.inject({ method: "HEAD", url: location, headers: { ...tus, cookie: creator.cookie } });
    expect(head.headers["upload-offset"]).toBe(String(half));

    const last = await patch(creator, location, half, bytes.subarray(half));
    expect(last.statusCode).toBe(201);
    const track = trackSchema.parse(last.json().track);
    expect(track).toMatchObject({ title: "Take Two", visibility: "unlisted", status: "uploaded" });
  });

  it("keeps an upload to its creator and refuses listeners", async () => {
    const location = await createUpload(creator, 1000, { filename: "secret.wav" });
    const other = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
    const peek = await app.inject({ method: "HEAD", url: location, headers: { ...tus, cookie: other.cookie } });
    expect(peek.statusCode).toBe(404);
    const listener = await signIn(app, await buildUser(testDb.database));
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/uploads",
      headers: { ...tus, ...listener.headers, "upload-length": "10" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("answers a finished non-audio upload with 415 and creates nothing", async () => {
    const bytes = await readFile(await makeNotAudio(fixtures));
    const location = await createUpload(creator, bytes.length, { filename: "lyrics.txt" });
    const before = await testDb.database.primary.selectFrom("tracks").select("id").execute();
    const response = await patch(creator, location, 0, bytes);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA");
    expect(await testDb.database.primary.selectFrom("tracks").select("id").execute()).toHaveLength(before.length);
  });

  it("answers an unsupported tus extension (Upload-Concat) with 400, not a server error", async () => {
    for (const concat of ["partial", "final;/api/v1/uploads/a /api/v1/uploads/b"]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/uploads",
        headers: { ...tus, ...creator.headers, "upload-length": "10", "upload-concat": concat },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toEqual({ code: "BAD_REQUEST", message: "Upload-Concat is not supported" });
    }
  });

  const reservationOf = (uploadId: string) =>
    testDb.database.primary
      .selectFrom("upload_reservations")
      .select("bytes")
      .where("upload_id", "=", uploadId)
      .executeTakeFirst();

  it("gives a cancelled upload's room back once its file is gone, and keeps it while the upload lives on", async () => {
    const user = await buildUser(testDb.database, { role: "creator" });
    await testDb.database.primary
      .updateTable("users")
      .set({ storage_quota_bytes: 1500 })
      .where("id", "=", user.id)
      .execute();
    const session = await signIn(app, user);
    const location = await createUpload(session, 1000, { filename: "first.wav" });
    const uploadId = location.split("/").pop() as string;

    // The removal fails (a disk error): the upload is still there, so it keeps its room.
    vi.spyOn(FileStore.prototype, "remove").mockRejectedValueOnce(new Error("EIO: disk error"));
    const failed = await app.inject({ method: "DELETE", url: location, headers: { ...tus, ...session.headers } });
    expect(failed.statusCode).toBe(500);
    expect(await reservationOf(uploadId)).toEqual({ bytes: 1000 });
    const head = await app.inject({ method: "HEAD", url: location, headers: { ...tus, cookie: session.cookie } });
    expect(head.statusCode).toBe(200);

    // Removed for real: the room is free at once for the next upload.
    const cancelled = await app.inject({ method: "DELETE", url: location, headers: { ...tus, ...session.headers } });
    expect(cancelled.statusCode).toBe(204);
    expect(await reservationOf(uploadId)).toBeUndefined();
    await createUpload(session, 1000, { filename: "second.wav" });
  });

  it("does not count a finished upload twice while another one finishes", async () => {
    const bytes = await readFile(await makeWav(fixtures, { seconds: 1 }));
    const user = await buildUser(testDb.database, { role: "creator" });
    // Room for two of these files, not three.
    const quota = Math.floor(bytes.length * 2.5);
    await testDb.database.primary
      .updateTable("users")
      .set({ storage_quota_bytes: quota })
      .where("id", "=", user.id)
      .execute();
    const session = await signIn(app, user);
    const first = await createUpload(session, bytes.length, { filename: "first.wav" });
    const second = await createUpload(session, bytes.length, { filename: "second.wav" });

    // The first upload's track is in; its temporary file is still being removed when the second finishes.
    let paused!: () => void;
    const reachedCleanUp = new Promise<void>((resolve) => {
      paused = resolve;
    });
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const remove = FileStore.prototype.remove;
    vi.spyOn(FileStore.prototype, "remove").mockImplementationOnce(async function (this: FileStore, id: string) {
      paused();
      await resumed;
      return remove.call(this, id);
    });
    const firstDone = patch(session, first, 0, bytes);
    await reachedCleanUp;
    const secondDone = await patch(session, second, 0, bytes);
    resume();
    expect(secondDone.statusCode, secondDone.body).toBe(201);
    expect((await firstDone).statusCode).toBe(201);
    expect(
      await testDb.database.primary
        .selectFrom("upload_reservations")
        .selectAll()
        .where("owner_id", "=", user.id)
        .execute(),
    ).toEqual([]);
  });
});
