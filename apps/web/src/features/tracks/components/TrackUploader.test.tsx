import { composeStories } from "@storybook/react-vite";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildArtworkFile,
  buildAudioFile,
  buildCreator,
  createMockApi,
  errorResponse,
  FAILED_DECODE_REASON,
  type MockApi,
} from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { trackEvents } from "../../../test/fakeTrackEvents.ts";
import { stubObjectUrls } from "../../../test/media.ts";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { holdChunkAt, RESUMABLE_UPLOAD_URL } from "../../../test/uploads.ts";
import * as stories from "./TrackUploader.stories.tsx";

vi.mock("../services/trackEvents.ts", () => import("../../../test/fakeTrackEvents.ts"));

afterEach(() => {
  trackEvents.reset();
  vi.restoreAllMocks();
});

let api: MockApi;
beforeEach(() => {
  api = createMockApi({ me: buildCreator(), maxUploadBytes: 1024 });
  server.use(...api.handlers);
});

async function renderUploader() {
  const user = userEvent.setup();
  renderWithProviders(<AppRoutes />, { route: "/upload" });
  const zone = await screen.findByTestId("upload-dropzone");
  const drop = (...files: File[]) => fireEvent.drop(zone, { dataTransfer: { files, types: ["Files"] } });
  return { user, drop };
}

/** The upload row of `fileName`. */
const row = (fileName: string) => screen.getByRole("listitem", { name: fileName });
const uploadRows = () => within(screen.getByRole("list", { name: "Uploads" })).getAllByRole("listitem");
const inRow = (fileName: string) => within(row(fileName));

/** Holds every upload until `release()`, then lets the mocked server answer it. */
function holdUploads() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.post("/api/v1/tracks", async () => {
      await released;
      // Nothing returned: MSW hands the request on to the stateful mock.
    }),
  );
  return () => release();
}

/** The id of the track the server created for the upload, once it has answered. */
async function uploadedTrackId(title: string) {
  await waitFor(() => expect(api.tracks.state.tracks.some((track) => track.title === title)).toBe(true));
  const track = api.tracks.state.tracks.find((candidate) => candidate.title === title);
  if (!track) throw new Error(`no track "${title}"`);
  await waitFor(() => expect(trackEvents.isSubscribed(track.id)).toBe(true));
  return track.id;
}

describe("Uploader", () => {
  it("takes two dropped files as two rows, uploads both with progress, then fills in what the server read", async () => {
    const { user, drop } = await renderUploader();
    const release = holdUploads();

    drop(
      buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive", genre: "Synthwave" } }),
      buildAudioFile({ name: "low-tide.flac", type: "audio/flac", tags: { title: "Low Tide" } }),
    );
    const list = screen.getByRole("list", { name: "Uploads" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(inRow("night-drive.mp3").getByRole("button", { name: "Upload night-drive.mp3" })).toBeEnabled();
    expect(inRow("low-tide.flac").getByRole("button", { name: "Upload low-tide.flac" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Upload all" }));

    for (const name of ["night-drive.mp3", "low-tide.flac"]) {
      expect(inRow(name).getByRole("progressbar", { name: "Upload progress" })).toHaveValue(0);
      expect(inRow(name).getByText("Uploading… 0%")).toBeInTheDocument();
      expect(inRow(name).getByRole("button", { name: `Cancel upload of ${name}` })).toBeInTheDocument();
    }

    release();
    expect(await inRow("night-drive.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(await inRow("low-tide.flac").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    // The server read the tags: the details form now holds them, ready to edit.
    const details = inRow("night-drive.mp3").getByRole("form", { name: "Details of night-drive.mp3" });
    expect(within(details).getByLabelText("Title")).toHaveValue("Night Drive");
    expect(within(details).getByLabelText("Genre (optional)")).toHaveValue("Synthwave");
    expect(inRow("low-tide.flac").getByLabelText("Title")).toHaveValue("Low Tide");
  });

  it("sends the session's CSRF token, the details typed before uploading and the artwork", async () => {
    stubObjectUrls();
    const requests = recordApiRequests();
    const { user, drop } = await renderUploader();

    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "From the tags" } }));
    await user.type(inRow("night-drive.mp3").getByLabelText("Title (optional)"), "My own title");
    await user.selectOptions(inRow("night-drive.mp3").getByLabelText("Visibility"), "unlisted");
    await user.upload(
      inRow("night-drive.mp3").getByLabelText("Choose artwork for night-drive.mp3"),
      buildArtworkFile(),
    );
    expect(inRow("night-drive.mp3").getByRole("img", { name: "Artwork preview: cover.png" })).toHaveAttribute(
      "src",
      "blob:preview",
    );

    await user.click(inRow("night-drive.mp3").getByRole("button", { name: "Upload night-drive.mp3" }));

    const id = await uploadedTrackId("My own title");
    const [upload] = requests.to("/api/v1/tracks", "POST");
    expect(upload?.headers.get("X-CSRF-Token")).toBe(api.accounts.state.csrfToken);
    const track = api.tracks.state.tracks.find((candidate) => candidate.id === id);
    expect(track).toMatchObject({ visibility: "unlisted", artworkUrl: `/api/v1/tracks/${id}/artwork/large` });
  });

  it("shows each file's own refusal: not audio (415), too large (413)", async () => {
    const { user, drop } = await renderUploader();

    drop(
      new File(["just text"], "notes.txt", { type: "text/plain" }),
      buildAudioFile({ name: "live-set.wav", type: "audio/wav", size: 4096 }),
      buildAudioFile({ name: "fine.mp3", tags: { title: "Fine" } }),
    );
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    expect(await inRow("notes.txt").findByRole("alert")).toHaveTextContent(
      "Upload failed. This isn't an audio file Stave can read. Upload WAV, AIFF, FLAC, MP3, M4A or OGG.",
    );
    expect(await inRow("live-set.wav").findByRole("alert")).toHaveTextContent(
      "Upload failed. The file is larger than the 0 MB limit",
    );
    expect(await inRow("fine.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(inRow("fine.mp3").queryByRole("alert")).not.toBeInTheDocument();
    expect(inRow("notes.txt").getByRole("button", { name: "Try again notes.txt" })).toBeInTheDocument();
  });

  it("says when the storage quota is used up (413 QUOTA_EXCEEDED)", async () => {
    server.use(
      http.post("/api/v1/tracks", () =>
        errorResponse("QUOTA_EXCEEDED", "This upload would go over your storage quota; delete some tracks first"),
      ),
    );
    const { user, drop } = await renderUploader();

    drop(buildAudioFile({ name: "album.flac" }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    expect(await inRow("album.flac").findByRole("alert")).toHaveTextContent(
      "This upload would go over your storage quota; delete some tracks first",
    );
  });

  it("explains a 403 CREATOR_ROLE_REQUIRED and points to the settings", async () => {
    server.use(
      http.post("/api/v1/tracks", () => errorResponse("CREATOR_ROLE_REQUIRED", "Only creator accounts can upload")),
    );
    const { user, drop } = await renderUploader();

    drop(buildAudioFile({ name: "night-drive.mp3" }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    const alert = await inRow("night-drive.mp3").findByRole("alert");
    expect(alert).toHaveTextContent("Only creator accounts can upload tracks.");
    expect(within(alert).getByRole("link", { name: "Become a creator in Settings" })).toHaveAttribute(
      "href",
      "/settings",
    );
  });

  it("follows processing from the server's events to Ready, with a link to the track", async () => {
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive" } }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));
    const id = await uploadedTrackId("Night Drive");

    trackEvents.emit(id, { status: "processing", progress: 40, failureReason: null });
    expect(await inRow("night-drive.mp3").findByText("Processing 40%")).toBeInTheDocument();
    expect(inRow("night-drive.mp3").getByRole("progressbar", { name: "Processing progress" })).toHaveValue(40);

    trackEvents.emit(id, { status: "processing", progress: 85, failureReason: null });
    expect(await inRow("night-drive.mp3").findByText("Processing 85%")).toBeInTheDocument();

    trackEvents.emit(id, { status: "ready", progress: 100, failureReason: null });
    expect(await inRow("night-drive.mp3").findByText("Ready")).toBeInTheDocument();
    expect(inRow("night-drive.mp3").getByRole("link", { name: "Open “Night Drive”" })).toHaveAttribute(
      "href",
      `/tracks/${id}`,
    );
    expect(inRow("night-drive.mp3").queryByRole("progressbar")).not.toBeInTheDocument();
    // Done: the app stops listening.
    expect(trackEvents.isSubscribed(id)).toBe(false);
  });

  it("shows why processing failed and retries it", async () => {
    const requests = recordApiRequests();
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "damaged.mp3", tags: { title: "Damaged" }, corrupt: true }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));
    const id = await uploadedTrackId("Damaged");
    // What the mocked worker would have done by now.
    Object.assign(api.tracks.state.tracks.find((track) => track.id === id) ?? {}, {
      status: "failed",
      failureReason: FAILED_DECODE_REASON,
    });

    trackEvents.emit(id, { status: "failed", progress: 0, failureReason: FAILED_DECODE_REASON });
    const alert = await inRow("damaged.mp3").findByRole("alert");
    expect(alert).toHaveTextContent(`Processing failed. ${FAILED_DECODE_REASON}`);

    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await inRow("damaged.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(requests.to(`/api/v1/tracks/${id}/retry`, "POST")).toHaveLength(1);
    await waitFor(() => expect(trackEvents.isSubscribed(id)).toBe(true));
    trackEvents.emit(id, { status: "ready", progress: 100, failureReason: null });
    expect(await inRow("damaged.mp3").findByText("Ready")).toBeInTheDocument();
  });

  it("polls the track when the event stream is unavailable", async () => {
    api = createMockApi({ me: buildCreator(), processingMs: 1 });
    server.use(...api.handlers);
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive" } }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));
    const id = await uploadedTrackId("Night Drive");

    trackEvents.fail(id);

    expect(await inRow("night-drive.mp3").findByText("Ready")).toBeInTheDocument();
  });

  it("cancels an upload in flight, and sends it again on request", async () => {
    const { user, drop } = await renderUploader();
    const release = holdUploads();
    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive" } }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    await user.click(inRow("night-drive.mp3").getByRole("button", { name: "Cancel upload of night-drive.mp3" }));

    expect(inRow("night-drive.mp3").getByText("Upload cancelled.")).toBeInTheDocument();
    expect(inRow("night-drive.mp3").queryByRole("progressbar")).not.toBeInTheDocument();
    release();
    await user.click(inRow("night-drive.mp3").getByRole("button", { name: "Upload again night-drive.mp3" }));
    expect(await inRow("night-drive.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
  });

  it("saves edited details with PATCH once the upload has answered", async () => {
    const requests = recordApiRequests();
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive" } }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));
    const id = await uploadedTrackId("Night Drive");

    const details = inRow("night-drive.mp3").getByRole("form", { name: "Details of night-drive.mp3" });
    const title = within(details).getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Night Drive (Live)");
    await user.type(within(details).getByLabelText("Tags (optional)"), "live, synth");
    await user.click(within(details).getByRole("button", { name: "Save details" }));

    expect(await within(details).findByText("Details saved.")).toBeInTheDocument();
    const [patch] = requests.to(`/api/v1/tracks/${id}`, "PATCH");
    expect(await patch?.json()).toMatchObject({ title: "Night Drive (Live)", tags: ["live", "synth"] });
  });

  it("checks the details before sending: an emptied title after upload is refused in place", async () => {
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive" } }));
    await user.click(screen.getByRole("button", { name: "Upload all" }));
    await uploadedTrackId("Night Drive");

    const details = inRow("night-drive.mp3").getByRole("form", { name: "Details of night-drive.mp3" });
    await user.clear(within(details).getByLabelText("Title"));
    await user.click(within(details).getByRole("button", { name: "Save details" }));

    expect(within(details).getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
  });

  it("removes a file that was not sent", async () => {
    const { user, drop } = await renderUploader();
    drop(buildAudioFile({ name: "a.mp3" }), buildAudioFile({ name: "b.mp3" }));

    await user.click(inRow("a.mp3").getByRole("button", { name: "Remove a.mp3" }));

    expect(uploadRows()).toHaveLength(1);
    expect(row("b.mp3")).toBeInTheDocument();
  });
});

const MiB = 1024 * 1024;
/** Over the 32 MiB from which uploads go resumably: five 8 MiB chunks. */
const largeFile = (name: string, type = "audio/wav") => buildAudioFile({ name, type, size: 40 * MiB });

/**
 * Uploads the large "live-set.wav", its third chunk held until `release()`: once two of its
 * five chunks are in, the row shows it under way.
 */
async function startHeldUpload() {
  const requests = recordApiRequests();
  const { user, drop } = await renderUploader();
  const { release } = holdChunkAt(16 * MiB);
  drop(largeFile("live-set.wav"));
  await user.click(screen.getByRole("button", { name: "Upload all" }));
  await waitFor(async () => expect(await uploadingPercent("live-set.wav")).toBeGreaterThanOrEqual(40));
  return { requests, user, release };
}

/** The percentage the row's "Uploading… N%" line shows. */
async function uploadingPercent(fileName: string) {
  const line = await inRow(fileName).findByText(/^Uploading… \d+%$/);
  return Number(line.textContent?.match(/(\d+)%/)?.[1]);
}

describe("Uploader, large files", () => {
  beforeEach(() => {
    // The default limits (200 MB a file): large files are the point here.
    api = createMockApi({ me: buildCreator() });
    server.use(...api.handlers);
  });

  it("sends a large file resumably, showing its progress, then processing and Ready", async () => {
    const { requests, release } = await startHeldUpload();
    // Two of five chunks are in: the bar has moved, and the upload is not done.
    expect(await uploadingPercent("live-set.wav")).toBeLessThan(100);
    expect(inRow("live-set.wav").getByRole("progressbar", { name: "Upload progress" })).toBeInTheDocument();
    expect(inRow("live-set.wav").getByRole("button", { name: "Cancel upload of live-set.wav" })).toBeInTheDocument();

    release();
    expect(await inRow("live-set.wav").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    const id = await uploadedTrackId("live set");
    trackEvents.emit(id, { status: "processing", progress: 40, failureReason: null });
    expect(await inRow("live-set.wav").findByText("Processing 40%")).toBeInTheDocument();
    trackEvents.emit(id, { status: "ready", progress: 100, failureReason: null });
    expect(await inRow("live-set.wav").findByText("Ready")).toBeInTheDocument();

    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(1);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(5);
    expect(requests.to("/api/v1/tracks", "POST")).toHaveLength(0);
  });

  it("refuses a large file that is not audio with the same words as a small one", async () => {
    const requests = recordApiRequests();
    const { user, drop } = await renderUploader();

    drop(new File(["just text"], "notes.txt", { type: "text/plain" }), largeFile("field-notes.txt", "text/plain"));
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    const expected = "Upload failed. This isn't an audio file Stave can read. Upload WAV, AIFF, FLAC, MP3, M4A or OGG.";
    expect(await inRow("notes.txt").findByRole("alert")).toHaveTextContent(expected);
    expect(await inRow("field-notes.txt").findByRole("alert")).toHaveTextContent(expected);
    expect(inRow("field-notes.txt").getByRole("button", { name: "Try again field-notes.txt" })).toBeInTheDocument();
    // The large one went up whole, resumably, and was refused on its last chunk.
    expect(requests.to(RESUMABLE_UPLOAD_URL, "PATCH")).toHaveLength(5);
    expect(requests.to("/api/v1/tracks", "POST")).toHaveLength(1);
  });

  it("cancels a large upload in flight: the server drops what it received, and it can be sent again", async () => {
    const { requests, user, release } = await startHeldUpload();

    await user.click(inRow("live-set.wav").getByRole("button", { name: "Cancel upload of live-set.wav" }));

    expect(inRow("live-set.wav").getByText("Upload cancelled.")).toBeInTheDocument();
    expect(inRow("live-set.wav").queryByRole("progressbar")).not.toBeInTheDocument();
    await waitFor(() => expect(requests.to(RESUMABLE_UPLOAD_URL, "DELETE")).toHaveLength(1));
    await waitFor(() => expect(api.tracks.state.resumable.size).toBe(0));

    release();
    await user.click(inRow("live-set.wav").getByRole("button", { name: "Upload again live-set.wav" }));
    expect(await inRow("live-set.wav").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    // A fresh upload: the cancelled one is gone.
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(2);
    expect(api.tracks.state.tracks.filter((track) => track.title === "live set")).toHaveLength(1);
  });

  it("after the connection drops, Try again carries on from where the upload stopped", async () => {
    const requests = recordApiRequests();
    let online = true;
    vi.spyOn(navigator, "onLine", "get").mockImplementation(() => online);
    let dropped = false;
    server.use(
      http.patch("/api/v1/uploads/:id", ({ request }) => {
        if (dropped || request.headers.get("Upload-Offset") !== String(16 * MiB)) return;
        // The wifi goes: the chunk fails and the browser knows it is offline.
        dropped = true;
        online = false;
        return HttpResponse.error();
      }),
    );
    const { user, drop } = await renderUploader();
    drop(largeFile("live-set.wav"));
    await user.click(screen.getByRole("button", { name: "Upload all" }));

    expect(await inRow("live-set.wav").findByRole("alert")).toHaveTextContent(
      "Upload failed. We couldn't reach the server. Check your connection and try again.",
    );

    online = true;
    await user.click(inRow("live-set.wav").getByRole("button", { name: "Try again live-set.wav" }));

    expect(await inRow("live-set.wav").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(requests.to("/api/v1/uploads", "POST")).toHaveLength(1);
    expect(requests.to(RESUMABLE_UPLOAD_URL, "HEAD")).toHaveLength(1);
    // The first 16 MiB went once: the second attempt started at the chunk that failed.
    expect(
      requests.to(RESUMABLE_UPLOAD_URL, "PATCH").map((patch) => Number(patch.headers.get("Upload-Offset")) / MiB),
    ).toEqual([0, 8, 16, 16, 24, 32]);
  });

  it("keeps a large file with artwork in one multipart request and says why; small files stay multipart", async () => {
    stubObjectUrls();
    const requests = recordApiRequests();
    const { user, drop } = await renderUploader();
    drop(largeFile("live-set.wav"), buildAudioFile({ name: "short.mp3", tags: { title: "Short" } }));
    const hint = "With artwork, this large file goes up in one piece, so it can't resume if the connection drops.";
    expect(screen.queryByText(hint)).not.toBeInTheDocument();

    await user.upload(inRow("live-set.wav").getByLabelText("Choose artwork for live-set.wav"), buildArtworkFile());
    await user.upload(inRow("short.mp3").getByLabelText("Choose artwork for short.mp3"), buildArtworkFile());

    expect(inRow("live-set.wav").getByText(hint)).toBeInTheDocument();
    expect(inRow("short.mp3").queryByText(hint)).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Upload all" }));

    expect(await inRow("live-set.wav").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(await inRow("short.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    expect(requests.to("/api/v1/tracks", "POST")).toHaveLength(2);
    expect(requests.to(/^\/api\/v1\/uploads/)).toHaveLength(0);
    const large = api.tracks.state.tracks.find((track) => api.tracks.state.sizes.get(track.id) === 40 * MiB);
    expect(large?.artworkUrl).toBe(`/api/v1/tracks/${large?.id}/artwork/large`);
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
  });
});

describe("Uploader stories", () => {
  const {
    Idle,
    FilesChosen,
    Uploading,
    Processing,
    Failed,
    Rejected,
    LargeFileResumable,
    LargeFileWithArtwork,
    ListenerAccount,
  } = composeStories(stories, sharedAnnotations);

  it("Idle shows the drop zone", async () => {
    applyStoryHandlers(Idle.parameters);
    render(<Idle />);
    expect(await screen.findByTestId("upload-dropzone")).toHaveTextContent("Drag and drop audio files here");
  });

  it("FilesChosen has two rows waiting, one with artwork", async () => {
    stubObjectUrls();
    applyStoryHandlers(FilesChosen.parameters);
    const { container } = render(<FilesChosen />);
    await FilesChosen.play?.({ canvasElement: container });

    expect(uploadRows()).toHaveLength(2);
    expect(inRow("night-drive.flac").getByRole("img", { name: "Artwork preview: cover.png" })).toBeInTheDocument();
  });

  it("Uploading stays in progress", async () => {
    applyStoryHandlers(Uploading.parameters);
    const { container } = render(<Uploading />);
    await Uploading.play?.({ canvasElement: container });

    expect(await inRow("night-drive.mp3").findByRole("progressbar", { name: "Upload progress" })).toBeInTheDocument();
  });

  it("Processing gets its upload answered and listens for progress", async () => {
    applyStoryHandlers(Processing.parameters);
    const { container } = render(<Processing />);
    await Processing.play?.({ canvasElement: container });

    expect(await inRow("night-drive.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    await waitFor(() => expect(trackEvents.subscribedIds()).toHaveLength(1));
  });

  it("Failed uploads a file the worker cannot decode", async () => {
    applyStoryHandlers(Failed.parameters);
    const { container } = render(<Failed />);
    await Failed.play?.({ canvasElement: container });

    expect(await inRow("damaged.mp3").findByText("Uploaded. Waiting to process…")).toBeInTheDocument();
    const [id] = trackEvents.subscribedIds();
    trackEvents.emit(String(id), { status: "failed", progress: 0, failureReason: FAILED_DECODE_REASON });
    expect(await inRow("damaged.mp3").findByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("Rejected shows a refusal on each file", async () => {
    applyStoryHandlers(Rejected.parameters);
    const { container } = render(<Rejected />);
    await Rejected.play?.({ canvasElement: container });

    expect(await inRow("notes.txt").findByRole("alert")).toHaveTextContent("isn't an audio file");
    expect(await inRow("live-set.wav").findByRole("alert")).toHaveTextContent("larger than");
  });

  it("LargeFileResumable goes up chunk by chunk, then processes", async () => {
    const requests = recordApiRequests();
    applyStoryHandlers(LargeFileResumable.parameters);
    const { container } = render(<LargeFileResumable />);
    await LargeFileResumable.play?.({ canvasElement: container });

    expect(await inRow("live-set.wav").findByRole("progressbar", { name: "Upload progress" })).toBeInTheDocument();
    expect(
      await inRow("live-set.wav").findByText("Uploaded. Waiting to process…", {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(requests.to(/^\/api\/v1\/uploads\/[^/]+$/, "PATCH")).toHaveLength(5);
  });

  it("LargeFileWithArtwork explains why it goes in one piece", async () => {
    stubObjectUrls();
    applyStoryHandlers(LargeFileWithArtwork.parameters);
    const { container } = render(<LargeFileWithArtwork />);
    await LargeFileWithArtwork.play?.({ canvasElement: container });

    expect(
      inRow("live-set.wav").getByText(
        "With artwork, this large file goes up in one piece, so it can't resume if the connection drops.",
      ),
    ).toBeInTheDocument();
  });

  it("ListenerAccount explains the creator upgrade", async () => {
    applyStoryHandlers(ListenerAccount.parameters);
    render(<ListenerAccount />);
    expect(await screen.findByRole("heading", { name: "Uploading is for creators" })).toBeInTheDocument();
  });
});
