import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { trackSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
