import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../app/AppRoutes.tsx";
import { buildTakedown } from "../../mocks/handlers.ts";
import { TakedownNotice } from "./components/TakedownNotice.tsx";
import {
  listener,
  moderationApi,
  openTrack,
  owner,
  suspendedTrack,
  takenDownPlaylist,
  takenDownTrack,
} from "./moderationStoryMocks.ts";

const ownerApi = moderationApi(owner);

const meta = {
  title: "Moderation/OwnerTakedown",
  component: TakedownNotice,
  // The whole app: the notices sit on the pages the owner already uses.
  render: () => <AppRoutes />,
  // The pages build their own notices; these args are only the component's shape.
  args: { takedown: buildTakedown(), noun: "track", isOwner: true },
  parameters: {
    layout: "fullscreen",
    route: `/tracks/${takenDownTrack.id}`,
    msw: { handlers: ownerApi.handlersByDomain },
  },
} satisfies Meta<typeof TakedownNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The owner's track page after a copyright takedown: the reason, and that only they see it. */
export const TrackTakenDown: Story = {};

/** Hidden because the owner's account is suspended. */
export const OwnerSuspended: Story = { parameters: { route: `/tracks/${suspendedTrack.id}` } };

/** The owner's track list, with both hidden tracks explained. */
export const MyTracks: Story = { parameters: { route: "/me/tracks" } };

/** A taken-down playlist, as its owner sees it. */
export const PlaylistTakenDown: Story = { parameters: { route: `/playlists/${takenDownPlaylist.id}` } };

/** The owner's taken-down comment, shown to them (with the reason) under someone else's track. */
export const CommentTakenDown: Story = { parameters: { route: `/tracks/${openTrack.id}` } };

/** Someone else on the same track: the comment is gone, and Report is offered. */
export const AsListener: Story = {
  parameters: { route: `/tracks/${openTrack.id}`, msw: { handlers: moderationApi(listener).handlersByDomain } },
};
