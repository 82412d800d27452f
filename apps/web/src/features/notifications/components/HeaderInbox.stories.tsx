import type { Decorator, Meta, StoryObj } from "@storybook/react-vite";
import { messagingApi } from "../../messages/messagingStoryMocks.ts";
import { HeaderInbox } from "./HeaderInbox.tsx";

/** The inbox sits in the dark header, as in the app. */
const inHeader: Decorator = (Story) => (
  <header className="app-header">
    <span className="app-header__brand">Stave</span>
    <Story />
  </header>
);

const meta = {
  title: "Notifications/NotificationsMenu",
  component: HeaderInbox,
  decorators: [inHeader],
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof HeaderInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three unread notifications and two unread messages; the bell opens the latest. */
export const WithUnread: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};

/** Nothing new: no badges, and the menu says so. */
export const Empty: Story = {
  parameters: { msw: { handlers: messagingApi({ notifications: [], conversations: [] }).handlersByDomain } },
};
