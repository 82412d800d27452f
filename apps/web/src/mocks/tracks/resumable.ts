import { api, operationPath } from "@stave/contracts";
import { HttpResponse } from "msw";
import { mockId } from "../accounts/factories.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockResumableUpload, MockTracksState } from "./state.ts";
import { ingestUpload, quotaExceeded, TAGS_READ_LIMIT } from "./upload.ts";

/** Upload-Metadata keys that are track details; `filename` names the file. */
const TRACK_FIELDS = ["title", "description", "genre", "tags", "visibility", "downloadable", "license", "releaseDate"];

const tusHeaders = (headers: Record<string, string> = {}) => ({ "Tus-Resumable": "1.0.0", ...headers });

/** The tus layer's own refusals are plain text, not the API's error envelope. */
const plain = (request: Request, status: number, text: string) =>
  new HttpResponse(request.method === "HEAD" ? null : text, {
    status,
    headers: tusHeaders({ "Content-Type": "text/plain" }),
  });

/** `key base64,key base64…`, values UTF-8 (as tus-js-client encodes them); null when malformed. */
function decodeMetadata(header: string | null): Record<string, string> | null {
  const metadata: Record<string, string> = {};
  if (!header) return metadata;
  for (const pair of header.split(",")) {
    const [key, value = ""] = pair.trim().split(" ");
    if (!key) return null;
    try {
      metadata[key] = new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
    } catch {
      return null;
    }
  }
  return metadata;
}

/** The upload at `id` if it is the user's; the server hides other people's as not found. */
function ownUpload(state: MockTracksState, user: MockUser, request: Request, id: string) {
  const upload = state.resumable.get(id);
  if (!upload) return plain(request, 404, "The file for this url was not found\n");
  if (upload.ownerId !== user.me.id) return errorResponse("NOT_FOUND", "Upload not found");
  return upload;
}

const joinBytes = (parts: Uint8Array[]) => {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
};

/** The finished upload goes through the same ingest as the multipart one; the last PATCH answers with it. */
function finish(state: MockTracksState, user: MockUser, upload: MockResumableUpload): Response {
  state.resumable.delete(upload.id);
  const fields = Object.fromEntries(Object.entries(upload.metadata).filter(([key]) => TRACK_FIELDS.includes(key)));
  const answer = ingestUpload(state, user, {
    // No content type travels with tus: the name's extension tells.
    file: { name: upload.metadata.filename ?? "upload", type: "", size: upload.size },
    head: upload.size > TAGS_READ_LIMIT ? "" : new TextDecoder().decode(joinBytes(upload.head)),
    fields,
    artwork: null,
  });
  answer.headers.set("Tus-Resumable", "1.0.0");
  if (answer.ok) answer.headers.set("Upload-Offset", String(upload.offset));
  return answer;
}

/**
 * Resumable uploads, tus 1.0 as the server speaks it: POST creates (201 + Location),
 * HEAD tells the offset, PATCH appends a chunk (204 + Upload-Offset) and the last one
 * answers 201 `{track}` or the API's error envelope, DELETE drops an unfinished upload.
 */
export function resumableHandlersFor(state: MockTracksState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.tracks.startResumableUpload, ({ request, user }) => {
      if (request.headers.get("Tus-Resumable") !== "1.0.0") return plain(request, 412, "Unsupported version\n");
      const size = Number(request.headers.get("Upload-Length") ?? Number.NaN);
      if (!Number.isSafeInteger(size) || size < 0) {
        return plain(request, 400, "Upload-Length or Upload-Defer-Length header required\n");
      }
      if (size > state.maxUploadBytes) return plain(request, 413, "Maximum size exceeded\n");
      if (state.usedBytes(user.me.id) + size > state.quotaBytes) return quotaExceeded();
      const metadata = decodeMetadata(request.headers.get("Upload-Metadata"));
      if (!metadata) return plain(request, 400, "Upload-Metadata is invalid\n");

      const id = mockId();
      state.resumable.set(id, { id, ownerId: user.me.id, size, offset: 0, metadata, head: [] });
      const location = new URL(operationPath(api.tracks.sendResumableChunk.path, { id }), request.url).href;
      return new HttpResponse(null, { status: 201, headers: tusHeaders({ Location: location }) });
    }),

    handle(api.tracks.resumableUploadOffset, ({ request, params, user }) => {
      const upload = ownUpload(state, user, request, String(params.id));
      if (upload instanceof Response) return upload;
      return new HttpResponse(null, {
        status: 200,
        headers: tusHeaders({
          "Upload-Offset": String(upload.offset),
          "Upload-Length": String(upload.size),
          "Cache-Control": "no-store",
        }),
      });
    }),

    handle(api.tracks.sendResumableChunk, async ({ request, params, user }) => {
      const upload = ownUpload(state, user, request, String(params.id));
      if (upload instanceof Response) return upload;
      if (request.headers.get("Content-Type") !== "application/offset+octet-stream") {
        return plain(request, 415, "Invalid Content-Type\n");
      }
      if (Number(request.headers.get("Upload-Offset")) !== upload.offset) {
        return plain(request, 409, "Upload-Offset conflict\n");
      }
      const chunk = new Uint8Array(await request.arrayBuffer());
      if (upload.offset + chunk.byteLength > upload.size) return plain(request, 413, "Maximum size exceeded\n");
      if (upload.size <= TAGS_READ_LIMIT) upload.head.push(chunk);
      upload.offset += chunk.byteLength;
      if (upload.offset === upload.size) return finish(state, user, upload);
      return new HttpResponse(null, { status: 204, headers: tusHeaders({ "Upload-Offset": String(upload.offset) }) });
    }),

    handle(api.tracks.cancelResumableUpload, ({ request, params, user }) => {
      const upload = ownUpload(state, user, request, String(params.id));
      if (upload instanceof Response) return upload;
      state.resumable.delete(upload.id);
      return new HttpResponse(null, { status: 204, headers: tusHeaders() });
    }),
  ];
}
