import type { UploadFields } from "@stave/contracts";

/** What an upload sends, whichever way it goes up (multipart or resumable). */
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
  /** For tests: the resumable path's size threshold, chunk size and retry delays (ms). */
  resumable?: { minBytes?: number; chunkSize?: number; retryDelays?: number[] };
};
