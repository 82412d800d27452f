import { http } from "msw";
import { server } from "../mocks/server.ts";

/** The URL of one resumable (tus) upload, as `recordApiRequests().to` matches it. */
export const RESUMABLE_UPLOAD_URL = /^\/api\/v1\/uploads\/[^/]+$/;

/**
 * Holds every chunk sent from `offset` until `release()` (for good, if it is never called),
 * then lets the mocked server answer; `reached` settles when the first of them arrives.
 * For what an upload shows or does while a chunk is in flight.
 */
export function holdChunkAt(offset: number) {
  let reach = () => {};
  let release = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.patch("/api/v1/uploads/:id", async ({ request }) => {
      if (request.headers.get("Upload-Offset") !== String(offset)) return;
      reach();
      await released;
    }),
  );
  return { reached, release };
}
