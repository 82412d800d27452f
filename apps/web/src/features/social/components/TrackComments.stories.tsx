import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildComment, minutesAgo, ownerOf } from "../../../mocks/handlers.ts";
import { lin, newbie, nightDrive, socialApi, socialSeed } from "../socialStoryMocks.ts";
import { TrackComments } from "./TrackComments.tsx";

/** Lin's own comment, at 2:00, besides Theo's and Grace's. */
export const linComment = buildComment({
  trackId: nightDrive.id,
  author: ownerOf(lin),
  body: "The drop at two minutes 🔥",
  timestampMs: 120_000,
  createdAt: minutesAgo(10),
});

/** The API of the AsListener story, so a test can look at what the server now holds. */
export const listenerApi = socialApi(lin);

const meta = {
  title: "Social/Comments",
  component: TrackComments,
  // Lower-case exports are fixtures for the tests, not stories.
  excludeStories: /^[a-z]/,
  args: { track: nightDrive },
  // The whole track page, so the markers sit on its waveform and seek the real player.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: `/tracks/${nightDrive.id}`,
    msw: { handlers: listenerApi.handlersByDomain },
  },
} satisfies Meta<typeof TrackComments>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Lin on Night Drive: Theo's comment at 0:42 is a mark under the waveform (hover or focus it
 * to read it, click to play from there). Play the track, then write: the comment takes the
 * playhead's time.
 */
export const AsListener: Story = {};

/** Lin's own comment can be deleted (after asking); the others cannot. */
export const WithMyComment: Story = {
  parameters: {
    msw: {
      handlers: socialApi(lin, { comments: [...socialSeed.comments, linComment] }).handlersByDomain,
    },
  },
};

/** Twenty-five comments: the first twenty, then "Show more comments". */
export const ManyComments: Story = {
  parameters: {
    msw: {
      handlers: socialApi(lin, {
        comments: Array.from({ length: 25 }, (_, index) =>
          buildComment({
            trackId: nightDrive.id,
            author: ownerOf(lin),
            body: `Comment number ${index + 1}`,
            timestampMs: (index + 1) * 9_000,
            createdAt: minutesAgo(100 - index),
          }),
        ),
      }).handlersByDomain,
    },
  },
};

/** Signed out: the comments and markers, and a link to sign in to write one. */
export const SignedOut: Story = {
  parameters: { msw: { handlers: socialApi().handlersByDomain } },
};

/** Signed in without a verified address: asked to verify before commenting. */
export const Unverified: Story = {
  parameters: { msw: { handlers: socialApi(newbie).handlersByDomain } },
};
