import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildConversations,
  buildLongConversation,
  graceConversationId,
  linusConversationId,
  messagingApi,
} from "../messagingStoryMocks.ts";
import { ConversationPage } from "./ConversationPage.tsx";

const meta = {
  title: "Pages/ConversationPage",
  component: ConversationPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: `/messages/${graceConversationId}` },
} satisfies Meta<typeof ConversationPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** With grace: her two new messages are marked read as the thread opens. Enter sends. */
export const WithMessages: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};

/** Sixty messages: the latest thirty, and "Load older messages" for the rest. */
export const LongThread: Story = {
  parameters: { msw: { handlers: messagingApi({ conversations: buildLongConversation() }).handlersByDomain } },
};

/** Long text as written: line breaks kept, markup shown as text, a long word wrapped. */
export const LongText: Story = {
  parameters: {
    msw: {
      handlers: messagingApi({
        conversations: [
          {
            id: graceConversationId,
            with: "grace",
            messages: [
              {
                from: "them",
                body: [
                  "Notes on the mix:",
                  "",
                  "1. Kick is too loud in the second chorus",
                  "2. <b>Not bold</b> & <script>alert('not run')</script>",
                  "3. Pad needs more room",
                  "",
                  "https://example.com/a/very/long/link/that/goes/on/and/on/without/any/spaces/at/all/whatsoever",
                  "",
                  "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(12).trim(),
                ].join("\n"),
              },
            ],
          },
        ],
      }).handlersByDomain,
    },
  },
};

/** I blocked linus: no composer, a notice, and Unblock. */
export const Blocked: Story = {
  parameters: {
    route: `/messages/${linusConversationId}`,
    msw: { handlers: messagingApi({ blocked: ["linus"] }).handlersByDomain },
  },
};

/** Grace blocked me: no composer, and a notice that says I can't message her. */
export const BlockedByThem: Story = {
  parameters: {
    msw: { handlers: messagingApi({ conversations: buildConversations(), blockedBy: ["grace"] }).handlersByDomain },
  },
};

/** A conversation that does not exist (or is someone else's). */
export const NotFound: Story = {
  parameters: {
    route: "/messages/00000000-0000-4000-8000-00000000dead",
    msw: { handlers: messagingApi().handlersByDomain },
  },
};
