import { api, type Track, trackResponseSchema } from "@stave/contracts";
import { apiErrorFrom, getCsrfToken } from "../../../lib/api.ts";
import { uploadResumably } from "./resumableUpload.ts";
import { cancelledError, parseJson, UploadNetworkError } from "./uploadFailures.ts";
import type { UploadOptions, UploadRequest } from "./uploadRequest.ts";

export { isAbortError, UploadNetworkError } from "./uploadFailures.ts";
export type { UploadOptions, UploadRequest } from "./uploadRequest.ts";

/**
 * From this size on, a file goes up resumably (tus, in chunks) rather than in one
 * multipart request: a dropped connection, or a reload, then costs a chunk, not the file.
 */
export const RESUMABLE_UPLOAD_MIN_BYTES = 32 * 1024 * 1024;

/** Big enough for the resumable path (whether or not artwork then keeps it multipart). */
export const isLargeUpload = (file: Pick<File, "size">, minBytes = RESUMABLE_UPLOAD_MIN_BYTES) => file.size >= minBytes;

/**
 * How a file is sent: resumably when it is large, except with artwork, which only the
 * multipart upload can carry.
 */
export function uploadMethod(
  { file, artwork }: Pick<UploadRequest, "file" | "artwork">,
  minBytes = RESUMABLE_UPLOAD_MIN_BYTES,
): "resumable" | "multipart" {
  return isLargeUpload(file, minBytes) && !artwork ? "resumable" : "multipart";
}

/**
 * Uploads a track the way that suits the file (see `uploadMethod`). Either way it resolves
 * with the created track (status "uploaded") and rejects with an ApiError for any refusal
 * (415, 413, 403, 400…), an UploadNetworkError when the connection is lost, or an
 * "AbortError" once cancelled.
 */
export function uploadTrack(request: UploadRequest, options: UploadOptions = {}): Promise<Track> {
  return uploadMethod(request, options.resumable?.minBytes) === "resumable"
    ? uploadResumably(request, options)
    : uploadMultipart(request, options);
}

/**
 * The multipart upload (`api.tracks.upload`). XMLHttpRequest rather than fetch, because
 * only XHR reports upload progress.
 */
function uploadMultipart({ file, artwork, fields = {} }: UploadRequest, options: UploadOptions = {}): Promise<Track> {
  const { onProgress, signal } = options;
  return new Promise<Track>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const body = new FormData();
    // Text fields first, so a streaming parser knows them before the big part arrives.
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) body.append(name, value);
    }
    if (artwork) body.append("artwork", artwork, artwork.name);
    body.append("file", file, file.name);

    const xhr = new XMLHttpRequest();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    // Settle at once rather than wait for the "abort" event, which an XHR that has not
    // started sending yet never fires.
    const onAbort = () => {
      settle(() => reject(cancelledError()));
      xhr.abort();
    };

    xhr.open(api.tracks.upload.method, new URL(api.tracks.upload.path, window.location.origin).href);
    // Same origin: the session cookie goes along without withCredentials.
    xhr.setRequestHeader("Accept", "application/json");
    const csrfToken = getCsrfToken();
    if (csrfToken !== undefined) xhr.setRequestHeader("X-CSRF-Token", csrfToken);

    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    });
    xhr.addEventListener("load", () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const reply = trackResponseSchema.safeParse(parsed);
        settle(() => (reply.success ? resolve(reply.data.track) : reject(reply.error)));
      } else {
        settle(() => reject(apiErrorFrom(xhr.status, parsed, xhr.getResponseHeader("Retry-After"))));
      }
    });
    xhr.addEventListener("error", () =>
      settle(() => reject(new UploadNetworkError("The upload failed: the connection to the server was lost"))),
    );
    xhr.addEventListener("abort", onAbort);
    signal?.addEventListener("abort", onAbort, { once: true });
    xhr.send(body);
  });
}
