import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { errorResponse } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { messagingApi } from "../../messages/messagingStoryMocks.ts";
import { EmailNotificationSettings } from "./EmailNotificationSettings.tsx";

const meta = {
  title: "Settings/EmailNotificationSettings",
  component: EmailNotificationSettings,
  decorators: [withSession],
} satisfies Meta<typeof EmailNotificationSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Messages by email (the default); tick more and save. */
export const Default: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};

const saveFailsApi = messagingApi();

/** Saving fails: the choice stays, with an alert. */
export const SaveFails: Story = {
  parameters: {
    msw: {
      handlers: {
        ...saveFailsApi.handlersByDomain,
        messages: [
          http.put(api.notifications.updateSettings.path, () => errorResponse("INTERNAL", "Database unavailable.")),
          ...saveFailsApi.handlersByDomain.messages,
        ],
      },
    },
  },
};
