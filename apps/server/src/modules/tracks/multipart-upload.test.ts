import { mkdtemp, readdir, readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestServices, errorCode } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { multipartBody, uploadTrack } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../platform/logger.ts";
import { processUploadsDir } from "./tmp-cleanup.ts";

/**
 * What a client can do to a multipart upload (`POST /api/v1/tracks`) beyond sending a good
 * form: drop the connection halfway, send bytes that are not UTF-8, repeat a file part, send
 * too many fields. Each ends in a clear answer (or none, to a client that is gone), nothing
 * logged as our error, and no temporary file left behind.
 */

let testDb: TestDatabase;
let app: FastifyInstance;
let creator: SignedIn;
let uploadsDir: string;
let wav: string;
/** The app's log as the process would write it, parsed. */
const logLines: { level: number; msg: string; reason?: string }[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-multipart-"));
  const { deps, services } = await buildTestServices(testDb.database, { DATA_DIR: dataDir });
  const logger = createLogger(
    "debug",
    new Writable({ write: (chunk, _enc, done) => done(void logLines.push(JSON.parse(`${chunk}`))) }),
  );
  app = await buildApp({ ...deps, logger, services, webDist: null });
  app.addHook("onClose", () => services.close());
  creator = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
  uploadsDir = processUploadsDir(deps.config.paths.tmp);
  wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-multipart-fixtures-")), {
    seconds: 1,
    sampleRate: 8000,
    channels: 1,
  });
});
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

/** The uploads under way in this process's folder (each upload has a folder of its own). */
const uploadsInProgress = () => readdir(uploadsDir);

const errorsLogged = () => logLines.filter((line) => line.level >= 50);

/** A hand-written multipart body with raw bytes in its fields. */
function rawMultipart(parts: { name: string; value: Buffer; filename?: string; type?: string }[]) {
  const boundary = "----staveRawBoundary";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? "" : `; filename="${part.filename}"`;
    const contentType = part.type ?? (part.filename === undefined ? undefined : "application/octet-stream");
    const type = contentType === undefined ? "" : `\r\nContent-Type: ${contentType}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`),
      part.value,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const post = (body: { payload: Buffer; contentType: string }) =>
  app.inject({
    method: "POST",
    url: "/api/v1/tracks",
    headers: { ...creator.headers, "content-type": body.contentType },
    payload: body.payload,
  });

describe("a multipart upload the client drops halfway", () => {
  it("is no error of ours, and leaves no temporary file", async () => {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = new URL(address);
    const body = await multipartBody({ title: "Cut off" }, [{ field: "file", file: wav }]);
    // Half the body, but the full length announced: the server waits for the rest.
    const sent = body.payload.subarray(0, Math.floor(body.payload.length / 2));
    logLines.length = 0;

    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /api/v1/tracks HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${creator.headers.cookie}\r\n` +
        `X-CSRF-Token: ${creator.headers["x-csrf-token"]}\r\nContent-Type: ${body.contentType}\r\n` +
        `Content-Length: ${body.payload.length}\r\n\r\n`,
    );
    socket.write(sent);
    // The audio is being written to a temporary file when the client goes.
    await waitFor(
      async () => {
        for (const upload of await uploadsInProgress()) {
          if ((await readdir(path.join(uploadsDir, upload))).includes("file")) return true;
        }
        return undefined;
      },
      10_000,
      "the upload's temporary file",
    );
    socket.destroy();

    // The request is over once the server has logged how it ended.
    const abortLogged = (line: { msg: string }) =>
      line.msg === "the client closed the connection before the request was complete";
    await waitFor(
      async () => (logLines.some((line) => line.level >= 50 || abortLogged(line)) ? true : undefined),
      10_000,
      "the aborted request to end",
    );
    // Time for anything the attempt to answer a closed socket might still log.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Removed before the request ended, not by some later clean-up.
    expect(await uploadsInProgress()).toEqual([]);
    expect(errorsLogged()).toEqual([]);
    expect(logLines.filter(abortLogged)).toEqual([expect.objectContaining({ level: 30, reason: "ECONNRESET" })]);
  });
});

describe("text fields", () => {
  const audioPart = async () => ({ name: "file", value: await readFile(wav), filename: "tone.wav" });
  /** Raw bytes that are no UTF-8: two invalid lead bytes, then an encoded surrogate half. */
  const notUtf8 = Buffer.from([0x4f, 0x6b, 0xff, 0xfe, 0xed, 0xa0, 0x80]);

  it("refuses bytes that are not UTF-8, naming the field, as a JSON body would", async () => {
    const response = await post(rawMultipart([{ name: "title", value: notUtf8 }, await audioPart()]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "body.title", message: "Not valid UTF-8 text" }],
    });
    expect(await uploadsInProgress()).toEqual([]);
  });

  it("refuses them when the part declares itself UTF-8 too", async () => {
    const response = await post(
      rawMultipart([{ name: "description", value: notUtf8, type: "text/plain; charset=utf-8" }, await audioPart()]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: "body.description", message: "Not valid UTF-8 text" }]);
  });

  it("keeps every character of valid UTF-8, declared or not", async () => {
    const title = "Café à Zürich, 東京 🎧";
    const plain = await post(rawMultipart([{ name: "title", value: Buffer.from(title) }, await audioPart()]));
    expect(plain.statusCode).toBe(201);
    expect(plain.json().track.title).toBe(title);
    const declared = await post(
      rawMultipart([
        { name: "title", value: Buffer.from(title), type: "text/plain; charset=utf-8" },
        await audioPart(),
      ]),
    );
    expect(declared.statusCode).toBe(201);
    expect(declared.json().track.title).toBe(title);
  });

  it("answers too many fields in words, with the limit", async () => {
    const fields = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`extra${i}`, "x"]));
    const response = await uploadTrack(app, creator.headers, wav, fields);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: "PAYLOAD_TOO_LARGE", message: "Too many form fields: at most 20" });
    expect(await uploadsInProgress()).toEqual([]);
  });
});

describe("file parts", () => {
  const myTrackCount = async () =>
    (await app.inject({ url: "/api/v1/users/me/tracks?limit=100", headers: creator.headers })).json().items.length;

  it.each(["file", "artwork"])("refuses a second `%s` part, and keeps neither", async (field) => {
    const before = await myTrackCount();
    const extra = [{ field, file: wav }];
    const response =
      field === "file"
        ? await uploadTrack(app, creator.headers, wav, {}, extra)
        : await uploadTrack(app, creator.headers, wav, {}, [...extra, ...extra]);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("BAD_REQUEST");
    expect(response.json().error.message).toContain(`\`${field}\``);
    expect(await uploadsInProgress()).toEqual([]);
    expect(await myTrackCount()).toBe(before);
  });
});
