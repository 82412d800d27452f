import { api as operations } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { errorResponse } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { listener, moderationApi, openTrack } from "../moderationStoryMocks.ts";
import { ReportDialog } from "./ReportDialog.tsx";

const api = moderationApi(listener);
const refusing = (reply: () => Response) => ({
  msw: { handlers: { ...api.handlersByDomain, moderation: [http.post(operations.moderation.report.path, reply)] } },
});

const meta = {
  title: "Moderation/ReportDialog",
  component: ReportDialog,
  decorators: [withSession],
  args: { subjectType: "track", subjectId: openTrack.id, onClose: () => {} },
  parameters: { msw: { handlers: api.handlersByDomain } },
} satisfies Meta<typeof ReportDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A reason is required, details are optional; sent, it thanks the reporter. */
export const Default: Story = {};

/** About a comment. */
export const Comment: Story = { args: { subjectType: "comment" } };

/** This person's earlier report on it is still open: 409. */
export const AlreadyReported: Story = {
  parameters: refusing(() => errorResponse("ALREADY_REPORTED", "You have already reported this.")),
};

/** Ten reports in the last hour: 429 with Retry-After. */
export const RateLimited: Story = {
  parameters: refusing(() =>
    errorResponse("RATE_LIMITED", "Too many reports: try again later.", { retryAfterSeconds: 1800 }),
  ),
};
