import { streamResponseSchema, trackPageSchema, trackResponseSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildAudioFile,
  buildCreator,
  buildFailedTrack,
  buildProcessingTrack,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  ownerOf,
} from "./handlers.ts";
import { server } from "./server.ts";

// The tracks domain of the mocked API (handlers.test.ts covers the rest): every reply
// must parse with the contract schemas the app parses it with.

const csrf = "mock-csrf-token";

/** Sends a multipart upload as the browser's uploader does. */
async function upload(file: File, fields: Record<string, string> = {}, csrfToken: string | undefined = csrf) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("file", file, file.name);
  const headers = new Headers();
  if (csrfToken !== undefined) headers.set("X-CSRF-Token", csrfToken);
  const response = await fetch(new URL("/api/v1/tracks", window.location.origin), { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A tus request as tus-js-client sends it; `csrf` null leaves the token out. */
function tus(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: Uint8Array<ArrayBuffer>,
  csrfToken: string | null = csrf,
) {
  const sent = new Headers({ "Tus-Resumable": "1.0.0", ...headers });
  if (csrfToken !== null) sent.set("X-CSRF-Token", csrfToken);
  return fetch(new URL(url, window.location.origin), { method, headers: sent, body });
}

const chunkHeaders = (offset: number) => ({
  "Content-Type": "application/offset+octet-stream",
  "Upload-Offset": String(offset),
});

async function envelope(pending: Promise<Response>) {
  const response = await pending;
  return { status: response.status, json: (await response.json()) as unknown };
}

describe("mock tracks API", () => {
  it("lists the latest public tracks as contract pages, with a cursor", async () => {
    const all = trackPageSchema.parse((await call("GET", "/api/v1/tracks")).json);
    expect(all.items.map((track) => track.title)).toEqual(["Night Drive", "Low Tide", "Paper Planes"]);
    expect(all.nextCursor).toBeNull();

    const first = trackPageSchema.parse((await call("GET", "/api/v1/tracks?limit=2")).json);
    expect(first.items).toHaveLength(2);
    const rest = trackPageSchema.parse((await call("GET", `/api/v1/tracks?limit=2&cursor=${first.nextCursor}`)).json);
    expect(rest.items.map((track) => track.title)).toEqual(["Paper Planes"]);
  });

  it("serves one track with its waveform, a stream URL and an artwork image", async () => {
    const [summary] = trackPageSchema.parse((await call("GET", "/api/v1/tracks")).json).items;
    const { track } = trackResponseSchema.parse((await call("GET", `/api/v1/tracks/${summary?.id}`)).json);
    expect(track.waveform).toHaveLength(1000);
    expect(track.waveform?.every((peak) => peak >= 0 && peak <= 1)).toBe(true);

    const stream = streamResponseSchema.parse((await call("GET", `/api/v1/tracks/${track.id}/stream`)).json);
    expect(stream.url).toMatch(/^http:\/\/localhost:3000\/media\/.+\/master\.m3u8$/);

    const artwork = await fetch(new URL(String(track.artworkUrl), window.location.origin));
    expect(artwork.headers.get("Content-Type")).toBe("image/svg+xml");
    expectError(await call("GET", "/api/v1/tracks/00000000-0000-4000-8000-00000000dead"), 404, "NOT_FOUND");
  });

  it("takes an upload from a creator (201), prefilled from the file's tags, then processes it over time", async () => {
    const api = createMockApi({ me: buildCreator(), processingMs: 50 });
    server.use(...api.handlers);

    const created = await upload(buildAudioFile({ tags: { title: "Tagged Title", genre: "Ambient" } }), {
      tags: "calm, night",
      downloadable: "true",
    });
    expect(created.status).toBe(201);
    const { track } = trackResponseSchema.parse(created.json);
    expect(track).toMatchObject({
      title: "Tagged Title",
      genre: "Ambient",
      tags: ["calm", "night"],
      downloadable: true,
      status: "uploaded",
      waveform: null,
    });
    expectError(await call("GET", `/api/v1/tracks/${track.id}/stream`), 409, "TRACK_NOT_READY");

    const mine = trackPageSchema.parse((await call("GET", "/api/v1/users/me/tracks")).json);
    expect(mine.items.map((item) => item.id)).toContain(track.id);

    await new Promise((resolve) => setTimeout(resolve, 80));
    const done = trackResponseSchema.parse((await call("GET", `/api/v1/tracks/${track.id}`)).json).track;
    expect(done).toMatchObject({ status: "ready", progress: 100 });
    expect(done.waveform).toHaveLength(1000);
    expect(done.loudness?.normalizationGainDb).toEqual(expect.any(Number));
  });

  it("refuses uploads as the server does: 401, 403, CSRF, 415, 413 too large and over quota", async () => {
    expectError(await upload(buildAudioFile(), {}, undefined), 401, "UNAUTHENTICATED");

    server.use(...createMockApi({ me: buildVerifiedUser() }).handlers);
    expectError(await upload(buildAudioFile()), 403, "CREATOR_ROLE_REQUIRED");

    server.use(...createMockApi({ me: buildCreator(), maxUploadBytes: 1000, quotaBytes: 1500 }).handlers);
    expectError(await upload(buildAudioFile(), {}, "stale"), 403, "CSRF_INVALID");
    expectError(await upload(new File(["hello"], "notes.txt", { type: "text/plain" })), 415, "UNSUPPORTED_MEDIA");
    expectError(await upload(buildAudioFile({ size: 2000 })), 413, "FILE_TOO_LARGE");
    expect((await upload(buildAudioFile({ size: 900 }))).status).toBe(201);
    expectError(await upload(buildAudioFile({ size: 900 })), 413, "QUOTA_EXCEEDED");
    expectError(await upload(buildAudioFile(), { visibility: "secret" }), 400, "VALIDATION_FAILED");
  });

  it("takes a resumable upload (tus): 201 + Location, 204 + Upload-Offset per chunk, HEAD, last PATCH 201 {track}", async () => {
    const api = createMockApi({ me: buildCreator() });
    server.use(...api.handlers);
    const bytes = new TextEncoder().encode("TITLE=Long Take\nGENRE=Drone\n");

    const created = await tus("POST", "/api/v1/uploads", {
      "Upload-Length": String(bytes.byteLength),
      "Upload-Metadata": `filename ${btoa("long-take.flac")},visibility ${btoa("unlisted")}`,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("Tus-Resumable")).toBe("1.0.0");
    const location = String(created.headers.get("Location"));
    expect(new URL(location).pathname).toMatch(/^\/api\/v1\/uploads\/[^/]+$/);

    const first = await tus("PATCH", location, chunkHeaders(0), bytes.slice(0, 10));
    expect(first.status).toBe(204);
    expect(first.headers.get("Upload-Offset")).toBe("10");
    const head = await tus("HEAD", location, {}, undefined, null);
    expect(head.status).toBe(200);
    expect(head.headers.get("Upload-Offset")).toBe("10");
    expect(head.headers.get("Upload-Length")).toBe(String(bytes.byteLength));
    expect((await tus("PATCH", location, chunkHeaders(0), bytes.slice(0, 10))).status).toBe(409);

    const last = await tus("PATCH", location, chunkHeaders(10), bytes.slice(10));
    expect(last.status).toBe(201);
    expect(last.headers.get("Upload-Offset")).toBe(String(bytes.byteLength));
    const { track } = trackResponseSchema.parse(await last.json());
    expect(track).toMatchObject({ title: "Long Take", genre: "Drone", visibility: "unlisted", status: "uploaded" });
    expect((await tus("HEAD", location)).status).toBe(404);
  });

  it("refuses resumable uploads as the server does: envelope for the API's reasons, plain text for tus's", async () => {
    const body = new Uint8Array(20);
    const create = (name: string, length: number, csrfToken?: string | null) =>
      tus(
        "POST",
        "/api/v1/uploads",
        { "Upload-Length": String(length), "Upload-Metadata": `filename ${btoa(name)}` },
        undefined,
        csrfToken,
      );
    expectError(await envelope(create("a.wav", 20, null)), 401, "UNAUTHENTICATED");

    server.use(...createMockApi({ me: buildVerifiedUser() }).handlers);
    expectError(await envelope(create("a.wav", 20)), 403, "CREATOR_ROLE_REQUIRED");

    server.use(...createMockApi({ me: buildCreator(), maxUploadBytes: 1000, quotaBytes: 1500 }).handlers);
    expectError(await envelope(create("a.wav", 20, "stale")), 403, "CSRF_INVALID");
    const tooLarge = await create("a.wav", 2000);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toBe("Maximum size exceeded\n");

    const notAudio = String((await create("notes.txt", 20)).headers.get("Location"));
    expectError(await envelope(tus("PATCH", notAudio, chunkHeaders(0), body)), 415, "UNSUPPORTED_MEDIA");

    const cancelled = String((await create("a.wav", 20)).headers.get("Location"));
    expect((await tus("DELETE", cancelled)).status).toBe(204);
    expect((await tus("PATCH", cancelled, chunkHeaders(0), body)).status).toBe(404);

    expect(
      (
        await tus(
          "PATCH",
          String((await create("a.wav", 900)).headers.get("Location")),
          chunkHeaders(0),
          new Uint8Array(900),
        )
      ).status,
    ).toBe(201);
    expectError(await envelope(create("b.wav", 900)), 413, "QUOTA_EXCEEDED");
  });

  it("lets the owner edit (PATCH), retry a failed track (202) and delete (204); nobody else", async () => {
    const me = buildCreator();
    const failed = buildFailedTrack({ owner: ownerOf(me) });
    const othersTrack = buildTrack();
    server.use(...createMockApi({ me, tracks: [failed, othersTrack] }).handlers);

    const edited = await call("PATCH", `/api/v1/tracks/${failed.id}`, {
      body: { title: "Renamed", tags: ["a"] },
      csrf,
    });
    expect(trackResponseSchema.parse(edited.json).track).toMatchObject({ title: "Renamed", tags: ["a"] });
    expectError(
      await call("PATCH", `/api/v1/tracks/${failed.id}`, { body: { visibility: "nope" }, csrf }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await call("PATCH", `/api/v1/tracks/${othersTrack.id}`, { body: { title: "x" }, csrf }),
      403,
      "FORBIDDEN",
    );

    const retried = await call("POST", `/api/v1/tracks/${failed.id}/retry`, { csrf });
    expect(retried.status).toBe(202);
    expect(trackResponseSchema.parse(retried.json).track).toMatchObject({ status: "uploaded", failureReason: null });
    expectError(await call("POST", `/api/v1/tracks/${failed.id}/retry`, { csrf }), 409, "CONFLICT");

    expect((await call("DELETE", `/api/v1/tracks/${failed.id}`, { csrf })).status).toBe(204);
    expectError(await call("GET", `/api/v1/tracks/${failed.id}`), 404, "NOT_FOUND");
  });

  it("lists a creator's public tracks, all of them for the creator, and 404 for nobody", async () => {
    const me = buildCreator({ username: "ada" });
    const tracks = [
      buildTrack({ title: "Public", owner: ownerOf(me) }),
      buildTrack({ title: "Private", owner: ownerOf(me), visibility: "private" }),
      buildProcessingTrack({ title: "Processing", owner: ownerOf(me) }),
    ];
    server.use(...createMockApi({ tracks }).handlers);
    const asVisitor = trackPageSchema.parse((await call("GET", "/api/v1/users/ada/tracks")).json);
    expect(asVisitor.items.map((track) => track.title)).toEqual(["Public"]);
    expectError(await call("GET", `/api/v1/tracks/${tracks[1]?.id}`), 404, "NOT_FOUND");

    server.use(...createMockApi({ me, tracks }).handlers);
    const asOwner = trackPageSchema.parse((await call("GET", "/api/v1/users/ada/tracks")).json);
    expect(asOwner.items).toHaveLength(3);
    expectError(await call("GET", "/api/v1/users/nobody/tracks"), 404, "NOT_FOUND");
  });
});
