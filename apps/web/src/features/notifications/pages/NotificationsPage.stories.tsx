import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildNotification, minutesAgo } from "../../../mocks/handlers.ts";
import { messagingApi, people } from "../../messages/messagingStoryMocks.ts";
import { NotificationsPage } from "./NotificationsPage.tsx";

const meta = {
  title: "Pages/NotificationsPage",
  component: NotificationsPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/notifications" },
} satisfies Meta<typeof NotificationsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A message, a like and a follow unread; a processed upload and an export read. */
export const Mixed: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};

/** Only the unread ones (`?unread=1`). */
export const UnreadOnly: Story = {
  parameters: { route: "/notifications?unread=1", msw: { handlers: messagingApi().handlersByDomain } },
};

/** Forty-five of them: "Show more" loads the next twenty. */
export const ManyPages: Story = {
  parameters: {
    msw: {
      handlers: messagingApi({
        notifications: Array.from({ length: 45 }, (_, index) =>
          buildNotification({
            kind: "follow",
            actorUser: people.alan,
            text: `Follower number ${45 - index} followed you`,
            readAt: index < 5 ? null : minutesAgo(index),
            createdAt: minutesAgo(index * 10),
          }),
        ),
      }).handlersByDomain,
    },
  },
};

/** A new account: nothing yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: messagingApi({ notifications: [] }).handlersByDomain } },
};
