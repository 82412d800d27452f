import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { messagingApi } from "../messagingStoryMocks.ts";
import { MessagesPage } from "./MessagesPage.tsx";

const meta = {
  title: "Pages/MessagesPage",
  component: MessagesPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/messages" },
} satisfies Meta<typeof MessagesPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Grace wrote twice (unread); alan and linus are read. "New message" starts another. */
export const WithConversations: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};

/** Linus blocked: the conversation says so. */
export const WithBlocked: Story = {
  parameters: { msw: { handlers: messagingApi({ blocked: ["linus"] }).handlersByDomain } },
};

/** No conversations yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: messagingApi({ conversations: [] }).handlersByDomain } },
};
