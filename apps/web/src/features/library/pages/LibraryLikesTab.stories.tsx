import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { likesApi, lin, socialApi } from "../../social/socialStoryMocks.ts";
import { LibraryLikesTab } from "./LibraryLikesTab.tsx";

const meta = {
  title: "Social/LibraryLikesTab",
  component: LibraryLikesTab,
  // Lower-case exports are fixtures for the tests, not stories.
  excludeStories: /^[a-z]/,
  // Inside /library, below its tabs.
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/library/likes", msw: { handlers: likesApi().handlersByDomain } },
} satisfies Meta<typeof LibraryLikesTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lin likes two tracks (latest like first) and a playlist. */
export const WithLikes: Story = {};

/** Nothing liked yet. */
export const NoLikesYet: Story = {
  parameters: { msw: { handlers: socialApi(lin).handlersByDomain } },
};
