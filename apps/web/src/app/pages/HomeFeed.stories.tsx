import type { Meta, StoryObj } from "@storybook/react-vite";
import { feedApi, lin, socialApi } from "../../features/social/socialStoryMocks.ts";
import { createMockApi } from "../../mocks/handlers.ts";
import { AppRoutes } from "../AppRoutes.tsx";
import { HomeFeed } from "./HomeFeed.tsx";

const meta = {
  title: "Social/HomeFeed",
  component: HomeFeed,
  // Lower-case exports are fixtures for the tests, not stories.
  excludeStories: /^[a-z]/,
  // The signed-in home page, where the feed lives.
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/", msw: { handlers: feedApi(25).handlersByDomain } },
} satisfies Meta<typeof HomeFeed>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Lin follows Theo: his repost of Night Drive and his new Paper Planes first, then popular
 * tracks, twenty at a time with "Show more".
 */
export const Following: Story = {};

/** Lin follows nobody yet: popular tracks only, with a hint. */
export const OnlyPopular: Story = {
  parameters: { msw: { handlers: socialApi(lin).handlersByDomain } },
};

/** Nothing published on the instance yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: createMockApi({ me: lin, tracks: [] }).handlersByDomain } },
};
