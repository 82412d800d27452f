/** The network failed or the connection dropped before the server answered. */
export class UploadNetworkError extends Error {
  override readonly name = "UploadNetworkError";
}

/** What an upload rejects with once it is cancelled. */
export const cancelledError = () => new DOMException("The upload was cancelled", "AbortError");

export const isAbortError = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
