import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, HttpResponse, http } from "msw";
import { userEvent, within } from "storybook/test";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildArtworkFile,
  buildAudioFile,
  buildCreator,
  buildVerifiedUser,
  createMockApi,
} from "../../../mocks/handlers.ts";
import { TrackUploader } from "./TrackUploader.tsx";

const creator = buildCreator();

/**
 * Drops `files` on the uploader and, unless told otherwise, presses "Upload all". The
 * drop event is built by hand: a browser's DragEvent will not take a made-up DataTransfer.
 */
async function dropAndUpload(canvasElement: HTMLElement, files: File[], { send = true } = {}) {
  const canvas = within(canvasElement);
  const zone = await canvas.findByTestId("upload-dropzone");
  const drop = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(drop, "dataTransfer", { value: { files, types: ["Files"] } });
  zone.dispatchEvent(drop);
  if (send) await userEvent.click(await canvas.findByRole("button", { name: "Upload all" }));
}

const meta = {
  title: "Tracks/Uploader",
  component: TrackUploader,
  // The whole app at /upload, so the sign-in guard, the session's CSRF token and the header are real.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/upload",
    msw: { handlers: createMockApi({ me: creator }).handlersByDomain },
  },
} satisfies Meta<typeof TrackUploader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing chosen yet: the drop zone and the file picker. */
export const Idle: Story = {};

/** Two files chosen, one with artwork, neither sent yet. */
export const FilesChosen: Story = {
  play: async ({ canvasElement }) => {
    await dropAndUpload(
      canvasElement,
      [
        buildAudioFile({ name: "night-drive.flac", tags: { title: "Night Drive" } }),
        buildAudioFile({ name: "low-tide.wav" }),
      ],
      { send: false },
    );
    const canvas = within(canvasElement);
    const picker = await canvas.findByLabelText("Choose artwork for night-drive.flac");
    await userEvent.upload(picker, buildArtworkFile());
  },
};

const uploadsNeverAnswer = createMockApi({ me: creator });

/** The server is still receiving the file: progress and a Cancel button. */
export const Uploading: Story = {
  parameters: {
    msw: {
      handlers: {
        ...uploadsNeverAnswer.handlersByDomain,
        tracks: [
          http.post(api.tracks.upload.path, async () => {
            await delay("infinite");
            return HttpResponse.json({});
          }),
          ...uploadsNeverAnswer.handlersByDomain.tracks,
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [buildAudioFile({ name: "night-drive.mp3" })]);
  },
};

/**
 * Uploaded: the details come back filled in from the file's tags, and the processing
 * progress follows the server's events (the mocked worker takes 20 seconds).
 */
export const Processing: Story = {
  parameters: { msw: { handlers: createMockApi({ me: creator, processingMs: 20_000 }).handlersByDomain } },
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [
      buildAudioFile({ name: "night-drive.mp3", tags: { title: "Night Drive", genre: "Synthwave" } }),
    ]);
  },
};

/** Processing fails (the mocked worker cannot decode the file); Retry succeeds. */
export const Failed: Story = {
  parameters: { msw: { handlers: createMockApi({ me: creator, processingMs: 1500 }).handlersByDomain } },
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [buildAudioFile({ name: "damaged.mp3", corrupt: true })]);
  },
};

/** The server turns files down, each with its own reason: not audio (415), too large (413). */
export const Rejected: Story = {
  parameters: { msw: { handlers: createMockApi({ me: creator, maxUploadBytes: 1024 }).handlersByDomain } },
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [
      new File(["just text"], "notes.txt", { type: "text/plain" }),
      buildAudioFile({ name: "live-set.wav", type: "audio/wav", size: 4096 }),
    ]);
  },
};

const MiB = 1024 * 1024;
const slowChunks = createMockApi({ me: creator, processingMs: 20_000 });

/**
 * A 40 MB file goes up resumably (tus) in 8 MiB chunks, which the mocked server takes
 * half a second each to accept: the bar moves chunk by chunk, then processing follows.
 */
export const LargeFileResumable: Story = {
  parameters: {
    msw: {
      handlers: {
        ...slowChunks.handlersByDomain,
        tracks: [
          http.patch(api.tracks.sendResumableChunk.path, async () => {
            await delay(500);
            // Nothing returned: the stateful mock takes the chunk.
          }),
          ...slowChunks.handlersByDomain.tracks,
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [buildAudioFile({ name: "live-set.wav", type: "audio/wav", size: 40 * MiB })]);
  },
};

/** A large file with artwork goes up in one multipart request (tus cannot carry artwork), and the row says so. */
export const LargeFileWithArtwork: Story = {
  play: async ({ canvasElement }) => {
    await dropAndUpload(canvasElement, [buildAudioFile({ name: "live-set.wav", type: "audio/wav", size: 40 * MiB })], {
      send: false,
    });
    const canvas = within(canvasElement);
    await userEvent.upload(await canvas.findByLabelText("Choose artwork for live-set.wav"), buildArtworkFile());
  },
};

/** A listener is told how to become a creator instead. */
export const ListenerAccount: Story = {
  parameters: { msw: { handlers: createMockApi({ me: buildVerifiedUser() }).handlersByDomain } },
};
