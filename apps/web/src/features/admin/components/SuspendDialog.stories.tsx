import type { Meta, StoryObj } from "@storybook/react-vite";
import { withSession } from "../../../test/storyDecorators.tsx";
import { adminApi, cyril, detailOf } from "../adminStoryMocks.ts";
import { SuspendDialog } from "./SuspendDialog.tsx";

const api = adminApi();

const meta = {
  title: "Admin/SuspendDialog",
  component: SuspendDialog,
  decorators: [withSession],
  args: { user: detailOf(api, cyril), onClose: () => {}, onSuspended: () => {} },
  parameters: { msw: { handlers: api.handlersByDomain } },
} satisfies Meta<typeof SuspendDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The reason is required: submitting without one says so and sends nothing. */
export const Default: Story = {};
