import { api, errorEnvelopeSchema, type Track, trackResponseSchema } from "@stave/contracts";
import type { DetailedError, HttpResponse, PreviousUpload, Upload } from "tus-js-client";
import { ApiError, apiErrorFrom, getCsrfToken } from "../../../lib/api.ts";
import { cancelledError, parseJson, UploadNetworkError } from "./uploadFailures.ts";
import type { UploadOptions, UploadRequest } from "./uploadRequest.ts";

/** The server's tus 1.0 endpoint (creator tier, cookie session, CSRF token on POST/PATCH/DELETE). */
export const RESUMABLE_ENDPOINT = api.tracks.startResumableUpload.path;
/** Each PATCH carries at most this much: what a dropped connection costs at worst. */
export const RESUMABLE_CHUNK_BYTES = 8 * 1024 * 1024;
/** Waits (ms) before each new try after a dropped connection or a passing server error. */
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10000];

/**
 * Upload URLs this page is sending to right now. tus-js-client remembers unfinished
 * uploads per file (in localStorage); a second row with the same file must start its
 * own rather than resume one that is still in flight.
 */
const inFlight = new Set<string>();

type Tus = typeof import("tus-js-client");

/**
 * Sends the file with tus: POST creates the upload, PATCHes send it in chunks, and the
 * answer to the last one carries `{track}` (or the error envelope when the server
 * refuses the file). A dropped connection is retried from where the server got to; an
 * upload left unfinished (a failure, a reload) is resumed by the next attempt with the
 * same file and the same details. Cancelling also deletes what the server holds.
 */
export function uploadResumably(request: UploadRequest, options: UploadOptions = {}): Promise<Track> {
  if (options.signal?.aborted) return Promise.reject(cancelledError());
  // Loaded on first use: only large files need tus-js-client, and every page would pay for it.
  return import("tus-js-client").then((tus) => sendWithTus(tus, request, options));
}

function sendWithTus(tus: Tus, { file, fields = {} }: UploadRequest, options: UploadOptions): Promise<Track> {
  const { onProgress, signal, resumable = {} } = options;
  return new Promise<Track>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const metadata: Record<string, string> = { filename: file.name };
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) metadata[name] = value;
    }
    const csrfToken = getCsrfToken();

    let settled = false;
    let claimed: string | null = null;
    const claim = (url: string | null) => {
      if (claimed !== null) inFlight.delete(claimed);
      claimed = url;
      if (url !== null) inFlight.add(url);
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      claim(null);
      outcome();
    };

    const upload: Upload = new tus.Upload(file, {
      // Absolute: the Location the server answers with is resolved against it.
      endpoint: new URL(RESUMABLE_ENDPOINT, window.location.origin).href,
      chunkSize: resumable.chunkSize ?? RESUMABLE_CHUNK_BYTES,
      retryDelays: resumable.retryDelays ?? RETRY_DELAYS_MS,
      headers: csrfToken === undefined ? {} : { "X-CSRF-Token": csrfToken },
      metadata,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onUploadUrlAvailable: () => claim(upload.url),
      onProgress: (sent, total) => {
        if (total > 0) onProgress?.(Math.min(1, sent / total));
      },
      onShouldRetry: (error) => isPassing(error),
      onSuccess: ({ lastResponse }) => {
        const reply = trackResponseSchema.safeParse(parseJson(lastResponse.getBody()));
        settle(() => (reply.success ? resolve(reply.data.track) : reject(reply.error)));
      },
      onError: (error) => settle(() => reject(uploadErrorFrom(tus, error))),
    });

    const onAbort = () => {
      settle(() => reject(cancelledError()));
      // Stops the chunk in flight and deletes the partial upload on the server; nobody waits for that.
      upload.abort(true).catch(() => undefined);
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    void upload
      .findPreviousUploads()
      .catch((): PreviousUpload[] => [])
      .then((previous) => {
        if (settled) return;
        const earlier = previous.find(
          (candidate) =>
            candidate.uploadUrl !== null &&
            !inFlight.has(candidate.uploadUrl) &&
            sameMetadata(candidate.metadata, metadata),
        );
        if (earlier) {
          upload.resumeFromPreviousUpload(earlier);
          claim(earlier.uploadUrl);
        }
        upload.start();
      });
  });
}

/** An unfinished upload made with other details would create the track with those: start afresh instead. */
function sameMetadata(stored: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  const keys = Object.keys(wanted);
  return (
    stored !== undefined &&
    Object.keys(stored).length === keys.length &&
    keys.every((key) => stored[key] === wanted[key])
  );
}

const bodyOf = (response: HttpResponse) => parseJson(response.getBody());

/**
 * Whether to try again after `error`: yes for a dropped connection, an offset conflict or
 * lock (409, 423), a 503, or another 5xx from below the API (a proxy, the tus layer).
 * No while the browser is offline, for any other 4xx, and for a 5xx in the API's error
 * envelope: that is the server's verdict on the finished file, which it has dropped,
 * so trying again would only send the whole file once more.
 */
function isPassing(error: DetailedError): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return false;
  const response = error.originalResponse;
  if (!response) return true;
  const status = response.getStatus();
  if (status === 409 || status === 423 || status === 503) return true;
  if (status >= 400 && status < 500) return false;
  return !errorEnvelopeSchema.safeParse(bodyOf(response)).success;
}

/** The same errors as the multipart upload: ApiError for an answer, UploadNetworkError for none. */
function uploadErrorFrom(tus: Tus, error: Error): Error {
  if (!(error instanceof tus.DetailedError)) return error;
  const response = error.originalResponse;
  if (!response) return new UploadNetworkError("The upload failed: the connection to the server was lost");
  const status = response.getStatus();
  const body = bodyOf(response);
  // The tus layer refuses a too-large Upload-Length before the API sees it, in plain text.
  if (status === 413 && !errorEnvelopeSchema.safeParse(body).success) {
    return new ApiError(413, "FILE_TOO_LARGE", "The file is larger than this server accepts");
  }
  return apiErrorFrom(status, body, response.getHeader("Retry-After") ?? null);
}
