import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, setCsrfToken } from "../../../lib/api.ts";
import { buildAudioFile, buildCreator, createMockApi, type MockApi } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { isAbortError, UploadNetworkError, uploadTrack } from "./uploadTrack.ts";

let api: MockApi;
beforeEach(() => {
  api = createMockApi({ me: buildCreator() });
  server.use(...api.handlers);
  setCsrfToken(api.accounts.state.csrfToken ?? undefined);
});

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

    expect(track).toMatchObject({
      title: "Night Drive",
      genre: "Synthwave",
      visibility: "private",
      tags: ["night", "synth"],
      status: "uploaded",
    });
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
