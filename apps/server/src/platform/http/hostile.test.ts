import { mkdtemp } from "node:fs/promises";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { type ErrorCode, errorEnvelopeSchema } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app.ts";
import { type OpenApiDocument, operationsOf } from "../../../test/fuzz/openapi.ts";
import { type RawResponse, rawRequest } from "../../../test/fuzz/raw-http.ts";
import { makeWav } from "../../../test/media.ts";
import { buildMember, type Member } from "../../../test/playlists.ts";
import { uploadTrack } from "../../../test/tracks.ts";
import { unstorableTextAt } from "./errors.ts";
import { jsonNestingDepth, MAX_JSON_DEPTH } from "./json-body.ts";

const t = useTestApp();
let creator: Member;
let port: number;

beforeAll(async () => {
  creator = await buildMember(t, "creator");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  port = (t.app.server.address() as net.AddressInfo).port;
});

/** An answer that a client can act on: the status, and the envelope with the code that goes with it. */
function expectEnvelope(response: { statusCode: number; body: string }, status: number, code: ErrorCode) {
  expect(response.statusCode, response.body).toBe(status);
  const envelope = errorEnvelopeSchema.safeParse(JSON.parse(response.body || "null"));
  expect(envelope.success, `not an error envelope: ${response.body}`).toBe(true);
  expect(envelope.data?.error.code).toBe(code);
}

const raw = (text: string | Buffer): Promise<RawResponse> => rawRequest({ host: "127.0.0.1", port }, text);

describe("deeply nested JSON", () => {
  const deepArray = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

  it("is refused with 400 on an anonymous route, without reaching code that recurses", async () => {
    for (const payload of [deepArray(5000), deepObject(5000), deepArray(MAX_JSON_DEPTH + 1)]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload,
      });
      expectEnvelope(response, 400, "BAD_REQUEST");
    }
  });

  it("is refused with 400 for a signed-in creator too", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/playlists",
      headers: { ...creator.session.headers, "content-type": "application/json; charset=utf-8" },
      payload: `{"title":"Deep","description":${deepArray(20_000)}}`,
    });
    expectEnvelope(response, 400, "BAD_REQUEST");
  });

  it("is refused on every operation that takes a body, for anonymous and signed-in callers", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument;
    // Fastify parses a JSON body on any route that is sent one, declared or not.
    const jsonOperations = operationsOf(document).filter((operation) => operation.method !== "GET");
    expect(jsonOperations.length).toBeGreaterThan(60);
    for (const operation of jsonOperations) {
      // Real-looking ids: the body is refused before any handler looks them up.
      const url = operation.path.replace(/\{[^}]+\}/g, "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4");
      for (const headers of [{}, creator.session.headers]) {
        const response = await t.app.inject({
          method: operation.method as "POST",
          url,
          headers: { ...headers, "content-type": "application/json" },
          payload: deepArray(5000),
        });
        const label = `${operation.method} ${operation.path} ${Object.keys(headers).length ? "as creator" : "anonymous"}`;
        expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(500);
        expect(errorEnvelopeSchema.safeParse(response.json()).success, `${label}: ${response.body}`).toBe(true);
      }
    }
  });

  it("refuses half a surrogate pair, which PostgreSQL's json cannot store, with 400", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: { ...creator.session.headers, "content-type": "application/json" },
      payload: '{"links":[{"label":"\\ud800","url":"https://example.com/"}]}',
    });
    expectEnvelope(response, 400, "VALIDATION_FAILED");
    expect(response.json().error.details).toEqual([
      { path: "body.links.0.label", message: "Contains half of a surrogate pair" },
    ]);
  });

  it("still reaches validation when nested within the limit", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/playlists",
      headers: { ...creator.session.headers, "content-type": "application/json" },
      payload: `{"title":${deepArray(MAX_JSON_DEPTH - 1)}}`,
    });
    expectEnvelope(response, 400, "VALIDATION_FAILED");
  });

  it("finds a NUL character or half a surrogate pair however deep it is, without recursing", () => {
    let deep: unknown = { note: "a\u0000b" };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextAt({ ok: "fine", deep }, "body")).toEqual({
      path: `body.deep${".0".repeat(100_000)}.note`,
      problem: "nul",
    });
    expect(unstorableTextAt({ first: ["x", "\u0000"], second: "\u0000" }, "body")?.path).toBe("body.first.1");
    expect(unstorableTextAt({ a: "ok \ud83c\udfb5", b: ["x\udfb5"] }, "body")).toEqual({
      path: "body.b.0",
      problem: "surrogate",
    });
    expect(unstorableTextAt({ "\ud800": 1 }, "body")?.problem).toBe("surrogate");
    expect(unstorableTextAt({ music: "\ud83c\udfb5", text: "e\u0301\u202e" }, "body")).toBeNull();
  });

  it("counts brackets only outside strings", () => {
    expect(jsonNestingDepth('{"a":"[[[[[[\\"[[[[","b":[[1]]}')).toBe(3);
    expect(jsonNestingDepth("[]")).toBe(1);
    expect(jsonNestingDepth('"just a string"')).toBe(0);
  });
});

describe("malformed multipart uploads", () => {
  const upload = (contentType: string, payload: string | Buffer) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/tracks",
      headers: { ...creator.session.headers, "content-type": contentType },
      payload,
    });
  const part = (boundary: string, name: string, body: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n\r\n${body}\r\n`;

  it("answers 400 without a boundary, with a wrong one, truncated, or garbage", async () => {
    const good = `${part("xyz", "title", "Song")}${part("xyz", "file", "RIFF....WAVE", "a.wav")}--xyz--\r\n`;
    const cases: [string, string, string | Buffer][] = [
      ["no boundary", "multipart/form-data", good],
      ["wrong boundary", "multipart/form-data; boundary=abc", good],
      ["truncated", "multipart/form-data; boundary=xyz", good.slice(0, 70)],
      [
        "garbage",
        "multipart/form-data; boundary=xyz",
        Buffer.from([0, 255, 13, 10, 45, 45, 120, 121, 122, 13, 10, 1, 2]),
      ],
      [
        "broken part header",
        "multipart/form-data; boundary=xyz",
        "--xyz\r\nContent-Disposition\r\n\r\nx\r\n--xyz--\r\n",
      ],
      ["empty", "multipart/form-data; boundary=xyz", ""],
    ];
    for (const [name, contentType, payload] of cases) {
      const response = await upload(contentType, payload);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
      expect(errorEnvelopeSchema.safeParse(response.json()).success, `${name}: ${response.body}`).toBe(true);
    }
  });

  it("answers 413 PAYLOAD_TOO_LARGE for too many parts", async () => {
    let body = "";
    for (let i = 0; i < 40; i++) body += part("xyz", `field${i}`, "x");
    const response = await upload("multipart/form-data; boundary=xyz", `${body}--xyz--\r\n`);
    expectEnvelope(response, 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("resumable uploads (tus), whose library writes its own errors", () => {
  const tus = (method: string, url: string, headers: Record<string, string>) =>
    t.app.inject({ method: method as "POST", url, headers: { ...creator.session.headers, ...headers } });

  it("answers protocol errors with the envelope too", async () => {
    expectEnvelope(await tus("POST", "/api/v1/uploads", { "upload-length": "10" }), 412, "PRECONDITION_FAILED");
    expectEnvelope(
      await tus("POST", "/api/v1/uploads", { "tus-resumable": "1.0.0", "upload-length": "abc" }),
      400,
      "BAD_REQUEST",
    );
    expectEnvelope(
      await tus("PATCH", "/api/v1/uploads/not-an-upload", {
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
      }),
      404,
      "NOT_FOUND",
    );
  });
});

describe("errors the framework raises itself", () => {
  it("a bad percent-escape in the path is a 400 envelope", async () => {
    for (const url of ["/api/v1/tracks/%ZZ", "/api/v1/users/%E0%A4%A", "/api/v1/tracks/%"]) {
      expectEnvelope(await t.app.inject({ method: "GET", url }), 400, "BAD_REQUEST");
    }
  });

  it("an over-long path parameter is a 414 envelope", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/v1/users/${"a".repeat(500)}` });
    expectEnvelope(response, 414, "URI_TOO_LONG");
  });

  it("an unknown route is a 404 envelope", async () => {
    expectEnvelope(await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" }), 404, "NOT_FOUND");
    expectEnvelope(await t.app.inject({ method: "PROPFIND", url: "/api/v1/tracks" }), 404, "NOT_FOUND");
  });

  it("an over-long query string or header is a 431 envelope", async () => {
    const longQuery = `GET /api/v1/tracks?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;
    expectEnvelope(await raw(longQuery), 431, "HEADERS_TOO_LARGE");
    const longHeader = `GET /api/v1/tracks HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`;
    expectEnvelope(await raw(longHeader), 431, "HEADERS_TOO_LARGE");
  });

  it("raw bytes outside ASCII in the path are a 400 envelope", async () => {
    const request = Buffer.concat([
      Buffer.from("GET /api/v1/users/"),
      Buffer.from([0xc3, 0xa9, 0xff]),
      Buffer.from(" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ]);
    expectEnvelope(await raw(request), 400, "BAD_REQUEST");
  });

  it("a Content-Length that is not a length, or disagrees with itself, is a 400 envelope", async () => {
    const post = (headers: string) => `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n${headers}\r\n\r\n{}`;
    expectEnvelope(await raw(post("Content-Length: abc")), 400, "BAD_REQUEST");
    expectEnvelope(await raw(post("Content-Length: 2\r\nContent-Length: 3")), 400, "BAD_REQUEST");
    expectEnvelope(await raw(post("Content-Length: 2\r\nTransfer-Encoding: chunked")), 400, "BAD_REQUEST");
  });

  it("a body longer than its Content-Length leaves bytes that are answered with an envelope", async () => {
    // What follows the declared body is read as the next request, and it is not HTTP.
    const response = await raw(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}garbage\r\n\r\n",
    );
    expectEnvelope(response, 400, "BAD_REQUEST");
  });
});

describe("range requests on downloads", () => {
  let trackId: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "stave-hostile-"));
    const uploaded = await uploadTrack(t.app, creator.session.headers, await makeWav(dir, { seconds: 1 }));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    trackId = uploaded.json().track.id;
  });

  it("a range past the end is a 416 envelope that gives the size", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/tracks/${trackId}/download`,
      headers: { cookie: creator.session.cookie, range: "bytes=999999999-" },
    });
    expectEnvelope(response, 416, "RANGE_NOT_SATISFIABLE");
    expect(response.headers["content-range"]).toMatch(/^bytes \*\/\d+$/);
    expect(response.headers["content-disposition"]).toBeUndefined();
  });

  it("a satisfiable range still answers 206 with those bytes", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/tracks/${trackId}/download`,
      headers: { cookie: creator.session.cookie, range: "bytes=0-3" },
    });
    expect(response.statusCode).toBe(206);
    expect(response.body).toBe("RIFF");
  });
});
