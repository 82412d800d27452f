import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { playlistOwner, playlistsApi } from "../playlistStoryMocks.ts";
import { CreatorPlaylists } from "./CreatorPlaylists.tsx";

const meta = {
  title: "Pages/CreatorPage/Playlists",
  component: CreatorPlaylists,
  // On the creator's page, below their tracks.
  render: () => <AppRoutes />,
  args: { username: "mira", name: "Mira Sol", isMe: false },
  parameters: { layout: "fullscreen", route: "/creators/mira", msw: { handlers: playlistsApi().handlersByDomain } },
} satisfies Meta<typeof CreatorPlaylists>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mira's public playlists; her private one is not listed. */
export const PublicPlaylists: Story = {};

/** Lin, a listener with a public, an unlisted and a private playlist: only the public one shows. */
export const ListenerPage: Story = { parameters: { route: `/creators/${playlistOwner.username}` } };

/** Theo has none: no Playlists section at all. */
export const NoPlaylists: Story = { parameters: { route: "/creators/theo" } };
