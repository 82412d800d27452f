import { type Track, trackResponseSchema, type UploadFields } from "@stave/contracts";
import { apiErrorFrom, getCsrfToken } from "../../../lib/api.ts";

export type UploadRequest = {
  file: File;
  artwork?: File | null;
  /** Text fields; what is left out the server fills in from the file's tags. */
  fields?: Partial<Record<keyof UploadFields, string>>;
};

export type UploadOptions = {
  /** Called as the body goes out, with the fraction sent (0..1). */
  onProgress?: (fraction: number) => void;
  /** Aborting cancels the upload; the promise then rejects with an "AbortError". */
  signal?: AbortSignal;
};

/** The network failed or the connection dropped before the server answered. */
export class UploadNetworkError extends Error {
  override readonly name = "UploadNetworkError";
}

export const isAbortError = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/**
 * POST /api/v1/tracks as multipart/form-data. XMLHttpRequest rather than fetch, because
 * only XHR reports upload progress. Resolves with the created track (status "uploaded");
 * rejects with an ApiError for any error answer (415, 413, 403, 400…).
 */
export function uploadTrack(
  { file, artwork, fields = {} }: UploadRequest,
  options: UploadOptions = {},
): Promise<Track> {
  const { onProgress, signal } = options;
  return new Promise<Track>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The upload was cancelled", "AbortError"));
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
      settle(() => reject(new DOMException("The upload was cancelled", "AbortError")));
      xhr.abort();
    };

    xhr.open("POST", new URL("/api/v1/tracks", window.location.origin).href);
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
