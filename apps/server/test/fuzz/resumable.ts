import type { FuzzRequest, Persona } from "./generate.ts";
import type { Prng } from "./prng.ts";
import { tinyWav } from "./values.ts";

/**
 * The resumable-upload (tus 1.0) routes are hidden from the API description, so the walk of
 * `/api/openapi.json` would never reach them: their requests are made here, by protocol.
 */
export const resumableOperations = [
  "POST /api/v1/uploads",
  "PATCH /api/v1/uploads/{id}",
  "DELETE /api/v1/uploads/{id}",
];

const b64 = (text: string) => Buffer.from(text).toString("base64");

const uploadLengths = ["1604", "0", "-1", "abc", "1e3", "99999999999999999999", "", "1.5", "00012"];
const metadata = [
  `filename ${b64("tone.wav")},title ${b64("Resumable")}`,
  `filename ${b64("tone.wav")},title ${b64("a\u0000b")}`,
  `filename ${b64("../../../etc/passwd")}`,
  "filename not-base64!!",
  "filename",
  `title ${b64("x".repeat(20_000))}`,
  `,,,${"k ".repeat(300)}`,
  `ownerId ${b64("6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4")}`,
  `filename ${b64("tone.wav")},releaseDate ${b64("+275760-09-13")},visibility ${b64("secret")}`,
];
/** Valid requests for extensions our store lacks: tus answers them 501 itself, past its header checks. */
const unsupportedExtensions: Record<string, string>[] = [
  { "upload-concat": "partial" },
  { "upload-concat": "final;/api/v1/uploads/a /api/v1/uploads/b" },
];
const extensionHeaders: Record<string, string>[] = [
  ...unsupportedExtensions,
  { "upload-concat": "final;" },
  { "upload-concat": "x" },
  { "upload-checksum": "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=" },
  { "upload-checksum": "md5 not-base64" },
  { "upload-expires": "Wed, 25 Jun 2014 16:00:00 GMT" },
  { "upload-defer-length": "1" },
];
const uploadIds = [
  "not-an-upload",
  "%00",
  "..%2F..%2Fetc",
  "a".repeat(300),
  "6f1c2b9e3d4a4b5c8d6e7f8091a2b3c4",
  "%ED%A0%80",
];

export function resumableRequest(random: Prng, operation: string, who: Persona, uploadIdsSeen: string[]): FuzzRequest {
  // An anonymous request stops at the sign-in check, before tus: most go as the creator instead.
  const sender: Persona = who === "anonymous" && random.chance(0.7) ? "creator" : who;
  const headers: Record<string, string> = {};
  if (random.chance(0.85)) headers["tus-resumable"] = random.pick(["1.0.0", "1.0.0", "0.2.2", "x"]);
  let method = "POST";
  let url = "/api/v1/uploads";
  let body: Buffer | undefined;
  const mutations: string[] = [];
  if (operation.startsWith("POST")) {
    if (random.chance(0.8)) headers["upload-length"] = random.pick(uploadLengths);
    else headers["upload-defer-length"] = random.pick(["1", "0", "x"]);
    if (random.chance(0.8)) headers["upload-metadata"] = random.pick(metadata);
    // Extensions the store may lack (concatenation, checksums, expiry): tus answers 501 for some,
    // once the version is right.
    if (random.chance(0.4)) {
      const unsupported = random.chance(0.6);
      Object.assign(
        headers,
        { "tus-resumable": "1.0.0" },
        random.pick(unsupported ? unsupportedExtensions : extensionHeaders),
      );
      if (unsupported) {
        // Otherwise valid, so that nothing but the extension is refused.
        delete headers["upload-defer-length"];
        headers["upload-length"] = "1604";
      }
    }
    if (random.chance(0.2)) {
      // Creation with upload: the first bytes in the same request.
      headers["content-type"] = "application/offset+octet-stream";
      body = tinyWav().subarray(0, random.int(1, 1000));
    }
    mutations.push(`create ${JSON.stringify(headers).slice(0, 120)}`);
  } else {
    method = operation.startsWith("PATCH") ? "PATCH" : "DELETE";
    const id = uploadIdsSeen.length && random.chance(0.3) ? random.pick(uploadIdsSeen) : random.pick(uploadIds);
    url = `/api/v1/uploads/${id}`;
    if (method === "PATCH") {
      headers["upload-offset"] = random.pick(["0", "5", "-1", "abc", "99999999999999999999"]);
      headers["content-type"] = random.pick(["application/offset+octet-stream", "application/json", "text/plain"]);
      if (random.chance(0.2)) Object.assign(headers, random.pick(extensionHeaders));
      body = tinyWav().subarray(0, random.int(0, 2000));
    }
    mutations.push(`${method.toLowerCase()} ${JSON.stringify(headers).slice(0, 120)}`);
  }
  return { who: sender, csrf: true, method, url, headers, body, operation, mutation: mutations.join("; ") };
}
