import { api as operations } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { errorResponse } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { adminApi, cyril, detailOf } from "../adminStoryMocks.ts";
import { RoleChangeDialog } from "./RoleChangeDialog.tsx";

const api = adminApi();

const meta = {
  title: "Admin/RoleChangeDialog",
  component: RoleChangeDialog,
  decorators: [withSession],
  args: { user: detailOf(api, cyril), onClose: () => {}, onChanged: () => {} },
  parameters: { msw: { handlers: api.handlersByDomain } },
} satisfies Meta<typeof RoleChangeDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Cyril is a listener; pick another role. */
export const Default: Story = {};

/** Cyril upgraded himself meanwhile: the server refuses with 409 and says to what. */
export const RoleChangedMeanwhile: Story = {
  parameters: {
    msw: {
      handlers: {
        ...api.handlersByDomain,
        admin: [
          http.put(operations.adminUsers.changeRole.path, () =>
            errorResponse("ROLE_CHANGED_CONCURRENTLY", "The user's role changed since you loaded it.", {
              details: { currentRole: "creator" },
            }),
          ),
          ...api.handlersByDomain.admin,
        ],
      },
    },
  },
};
