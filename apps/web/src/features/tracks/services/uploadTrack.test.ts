import { waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, setCsrfToken } from "../../../lib/api.ts";
import {
  buildArtworkFile,
  buildAudioFile,
  buildCreator,
  createMockApi,
  errorResponse,
  type MockApi,
} from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { holdChunkAt, RESUMABLE_UPLOAD_URL } from "../../../test/uploads.ts";
import {
  isAbortError,
  RESUMABLE_UPLOAD_MIN_BYTES,
  UploadNetworkError,
  type UploadOptions,
  uploadMethod,
  uploadTrack,
} from "./uploadTrack.ts";

let api: MockApi;
beforeEach(() => {
  api = createMockApi({ me: buildCreator() });
  server.use(...api.handlers);
  setCsrfToken(api.accounts.state.csrfToken ?? undefined);
});

/** The track both ways of uploading make of Night Drive's tags and the fields sent with it. */
const nightDriveUploaded = {
  title: "Night Drive",
  genre: "Synthwave",
  visibility: "private",
  tags: ["night", "synth"],
  status: "uploaded",
};

describe("uploadTrack", () => {
  it("sends multipart form data with the CSRF token and resolves with the created track", async () => {
    const requests = recordApiRequests();
    const onProgress = vi.fn();

    const track = await uploadTrack(
      {
        file: buildAudioFile({ tags: { title: "Night Drive", genre: "Synthwave" } }),
        fields: { visibility: "private", tags: "night,synth" },
      },
      { onProgress },
    );

    expect(track).toMatchObject(nightDriveUploaded);
    const [sent] = requests.to("/api/v1/tracks", "POST");
    expect(sent?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    expect(sent?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(onProgress).toHaveBeenLastCalledWith(1);
  });

  it("rejects with the API's error for a refused file", async () => {
    const error = await uploadTrack({ file: new File(["x"], "a.txt", { type: "text/plain" }) }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA" });
  });

  it("rejects with an AbortError when cancelled, sent or not", async () => {
    server.use(http.post("/api/v1/tracks", () => new Promise<Response>(() => {})));
    const controller = new AbortController();
    const pending = uploadTrack({ file: buildAudioFile() }, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);

    const already = await uploadTrack({ file: buildAudioFile() }, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(isAbortError(already)).toBe(true);
  });

  it("rejects with a network error when the connection fails", async () => {
    server.use(http.post("/api/v1/tracks", () => HttpResponse.error()));

    await expect(uploadTrack({ file: buildAudioFile() })).rejects.toBeInstanceOf(UploadNetworkError);
  });
});

/** Small files through the resumable path: 16-byte chunks, so a few PATCHes each. */
const resumably = (retryDelays: number[] = []): UploadOptions => ({
  resumable: { minBytes: 1, chunkSize: 16, retryDelays },
});

/** Upload-Metadata as tus-js-client sends it: `key base64(utf-8 value)`, comma-separated. */
function decodeMetadata(header: string | null | undefined): Record<string, string> {
  return Object.fromEntries(
    (header ?? "").split(",").map((pair) => {
      const [key = "", value = ""] = pair.split(" ");
      return [key, new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)))];
    }),
  );
}

/** A file with tags, about 40 bytes: three 16-byte chunks. */
const taggedFile = () =>
  buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive", genre: "Synthwave" } });

/** Fails the connection of the first PATCH at `offset`, then lets the mocked server answer again. */
function dropConnectionOnce(offset: number) {
  let dropped = false;
  server.use(
    http.patch("/api/v1/uploads/:id", ({ request }) => {
      if (dropped || request.headers.get("Upload-Offset") !== String(offset)) return;
      dropped = true;
      return HttpResponse.error();
    }),
  );
}

describe("uploadTrack, resumable", () => {
  it("sends files from 32 MiB on resumably, unless artwork keeps them in one multipart request", () => {
    expect(RESUMABLE_UPLOAD_MIN_BYTES).toBe(32 * 1024 * 1024);
    const ofSize = (size: number) => ({ size }) as File;

    expect(uploadMethod({ file: ofSize(RESUMABLE_UPLOAD_MIN_BYTES) })).toBe("resumable");
    expect(uploadMethod({ file: ofSize(RESUMABLE_UPLOAD_MIN_BYTES - 1) })).toBe("multipart");
    expect(uploadMethod({ file: ofSize(2 * RESUMABLE_UPLOAD_MIN_BYTES), artwork: buildArtworkFile() })).toBe(
      "multipart",
    );
  });

  it("creates the upload with the details, sends it in chunks with the CSRF token and resolves with the track", async () => {
    const requests = recordApiRequests();
    const onProgress = vi.fn();
    const file = taggedFile();

    const track = await uploadTrack(
      { file, fields: { visibility: "private", tags: "night,synth" } },
      { onProgress, resumable: { minBytes: file.size, chunkSize: 16, retryDelays: [] } },
    );

    expect(track).toMatchObject(nightDriveUploaded);
    const [create] = requests.to("/api/v1/uploads", "POST");
    expect(create?.headers.get("Tus-Resumable")).toBe("1.0.0");
    expect(create?.headers.get("Upload-Length")).toBe(String(file.size));
    expect(create?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    expect(decodeMetadata(create?.headers.get("Upload-Metadata"))).toEqual({
      filename: "night-drive.mp3",
      visibility: "private",
      tags: "night,synth",
    });
    const patches = requests.to(RESUMABLE_UPLOAD_URL, "PATCH");
    expect(patches.map((patch) => patch.headers.get("Upload-Offset"))).toEqual(["0", "16", "32"]);
    for (const patch of patches) {
      expect(patch.headers.get("Content-Type")).toBe("application/offset+octet-stream");
      expect(patch.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    }
    expect(requests.to("/api/v1/tracks", "POST")).toHaveLength(0);
    expect(onProgress.mock.calls.some(([fraction]) => fraction > 0 && fraction < 1)).toBe(true);
    expect(onProgress).toHaveBeenLastCalledWith(1);
    // Finished: nothing left on the server or remembered for resuming.
    expect(api.tracks.state.resumable.size).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it("sends a large file with artwork as multipart, artwork included", async () => {
    const requests = recordApiRequests();

    const track = await uploadTrack({ file: taggedFile(), artwork: buildArtworkFile() }, resumably());

    expect(track.artworkUrl).toBe(`/api/v1/tracks/${track.id}/artwork/large`);
    expect(requests.to("/api/v1/tracks", "POST")).toHaveLength(1);
    expect(requests.to(/^\/api\/v1\/uploads/)).toHaveLength(0);
  });

  it("rejects with the multipart path's ApiError when the server refuses the finished file (415 on the last PATCH)", async () => {
    const requests = recordApiRequests();
    const file = new File(["not audio at all, just some text"], "notes.txt", { type: "text/plain" });

    const resumable = await uploadTrack({ file }, resumably([0, 0, 0])).catch((e: unknown) => e);
    const multipart = await uploadTrack({ file }).catch((e: unknown) => e);

    expect(multipart).toBeInstanceOf(ApiError);
    expect(resumable).toBeInstanceOf(ApiError);
    expect(resumable).toMatchObject({
      status: 415,
      code: "UNSUPPORTED_MEDIA",
      message: (multipart as ApiError).message,
    });
    // Refused once the whole file was there, and not sent again.
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(2);
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(1);
    expect(api.tracks.state.resumable.size).toBe(0);
  });

  it("does not send the file again when the server fails to take it in (500 with the error envelope)", async () => {
    const requests = recordApiRequests();
    server.use(
      http.patch("/api/v1/uploads/:id", ({ request }) =>
        request.headers.get("Upload-Offset") === "32" ? errorResponse("INTERNAL", "Something went wrong") : undefined,
      ),
    );

    const error = await uploadTrack({ file: taggedFile() }, resumably([0, 0, 0])).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 500, code: "INTERNAL" });
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(3);
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(1);
  });

  it("refuses at creation: over the quota (QUOTA_EXCEEDED) or over the size limit (FILE_TOO_LARGE)", async () => {
    server.use(...createMockApi({ me: buildCreator(), quotaBytes: 10 }).handlers);
    const overQuota = await uploadTrack({ file: taggedFile() }, resumably()).catch((e: unknown) => e);
    expect(overQuota).toBeInstanceOf(ApiError);
    expect(overQuota).toMatchObject({ status: 413, code: "QUOTA_EXCEEDED" });

    server.use(...createMockApi({ me: buildCreator(), maxUploadBytes: 10 }).handlers);
    const tooLarge = await uploadTrack({ file: taggedFile() }, resumably()).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(ApiError);
    expect(tooLarge).toMatchObject({ status: 413, code: "FILE_TOO_LARGE" });
  });

  it("retries a dropped chunk from where the server got to", async () => {
    const requests = recordApiRequests();
    dropConnectionOnce(16);

    const track = await uploadTrack({ file: taggedFile() }, resumably([0]));

    expect(track.title).toBe("Night Drive");
    expect(requests.to(RESUMABLE_UPLOAD_URL, "HEAD")).toHaveLength(1);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH").map((patch) => patch.headers.get("Upload-Offset"))).toEqual([
      "0",
      "16",
      "16",
      "32",
    ]);
  });

  it("rejects with a network error when the connection keeps failing", async () => {
    server.use(http.patch("/api/v1/uploads/:id", () => HttpResponse.error()));

    const error = await uploadTrack({ file: taggedFile() }, resumably([0, 0])).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UploadNetworkError);
  });

  it("resumes an unfinished upload of the same file with the same details, as after a reload", async () => {
    const requests = recordApiRequests();
    const file = taggedFile();
    dropConnectionOnce(16);
    const fields = { title: "Night Drive (Live)" };
    await expect(uploadTrack({ file, fields }, resumably())).rejects.toBeInstanceOf(UploadNetworkError);
    expect([...api.tracks.state.resumable.values()]).toMatchObject([{ offset: 16 }]);

    // The file picked again: a new File object for the same file on disk.
    const again = new File([file], file.name, { type: file.type, lastModified: file.lastModified });
    const track = await uploadTrack({ file: again, fields }, resumably());

    expect(track.title).toBe("Night Drive (Live)");
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(1);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "HEAD")).toHaveLength(1);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH").map((patch) => patch.headers.get("Upload-Offset"))).toEqual([
      "0",
      "16",
      "16",
      "32",
    ]);
    expect(api.tracks.state.resumable.size).toBe(0);
  });

  it("starts afresh when the details changed since the unfinished attempt", async () => {
    const requests = recordApiRequests();
    const file = taggedFile();
    dropConnectionOnce(16);
    await expect(uploadTrack({ file, fields: { title: "First try" } }, resumably())).rejects.toBeInstanceOf(
      UploadNetworkError,
    );

    const track = await uploadTrack({ file, fields: { title: "Second try" } }, resumably());

    expect(track.title).toBe("Second try");
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(2);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "HEAD")).toHaveLength(0);
  });

  it("gives two uploads of the same file at once an upload each, rather than resuming one in flight", async () => {
    const requests = recordApiRequests();
    const { release } = holdChunkAt(16);
    const file = taggedFile();
    const first = uploadTrack({ file }, resumably());
    // The first one's upload is remembered for resuming while it is still going.
    await waitFor(() => expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(2));
    expect(localStorage.length).toBe(1);

    const second = uploadTrack({ file }, resumably());
    await waitFor(() => expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(4));
    release();

    const tracks = await Promise.all([first, second]);
    expect(new Set(tracks.map((track) => track.id)).size).toBe(2);
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(2);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "HEAD")).toHaveLength(0);
  });

  it("cancels: rejects with an AbortError and deletes the partial upload on the server", async () => {
    const requests = recordApiRequests();
    const secondChunk = holdChunkAt(16);
    const controller = new AbortController();
    const pending = uploadTrack({ file: taggedFile() }, { ...resumably(), signal: controller.signal });
    await secondChunk.reached;
    expect(api.tracks.state.resumable.size).toBe(1);

    controller.abort();

    expect(isAbortError(await pending.catch((e: unknown) => e))).toBe(true);
    await waitFor(() => expect(api.tracks.state.resumable.size).toBe(0));
    const [deletion] = requests.to(RESUMABLE_UPLOAD_URL, "DELETE");
    expect(deletion?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    await waitFor(() => expect(localStorage.length).toBe(0));
    expect(api.tracks.state.tracks.filter((track) => track.owner.id === api.accounts.state.currentUserId)).toEqual([]);
  });

  it("rejects at once, sending nothing, when cancelled before it starts", async () => {
    const requests = recordApiRequests();
    const controller = new AbortController();
    controller.abort();

    const error = await uploadTrack({ file: taggedFile() }, { ...resumably(), signal: controller.signal }).catch(
      (e: unknown) => e,
    );

    expect(isAbortError(error)).toBe(true);
    expect(requests.to(/^\/api\/v1\/uploads/)).toHaveLength(0);
  });
});
