import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { MIRA } from "../../../mocks/handlers.ts";
import { lin, socialApi } from "../socialStoryMocks.ts";
import { CreatorHeader } from "./CreatorHeader.tsx";

/** The API of the signed-in stories, so a test can look at who follows whom. */
export const followerApi = socialApi(lin);

const meta = {
  title: "Social/CreatorHeader",
  component: CreatorHeader,
  // Lower-case exports are fixtures for the tests, not stories.
  excludeStories: /^[a-z]/,
  args: { username: MIRA.username, fallbackName: "Mira Sol" },
  // The creator page as the app shows it: the header above the tracks and playlists.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: `/creators/${MIRA.username}`,
    msw: { handlers: followerApi.handlersByDomain },
  },
} satisfies Meta<typeof CreatorHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lin on Mira's page: bio, counts, and Follow; following her adds one to her followers at once. */
export const SignedIn: Story = {};

/** Signed out: Follow asks to sign in first. */
export const SignedOut: Story = {
  parameters: { msw: { handlers: socialApi().handlersByDomain } },
};

/** Who follows Mira, each with a Follow button of their own. */
export const Followers: Story = {
  parameters: { route: `/creators/${MIRA.username}/followers` },
};

/** Lin's own page: no Follow button. */
export const OwnProfile: Story = {
  parameters: { route: `/creators/${lin.username}` },
};
