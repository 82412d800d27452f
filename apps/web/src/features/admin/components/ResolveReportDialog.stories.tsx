import type { Meta, StoryObj } from "@storybook/react-vite";
import { presentReport } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { adminApi, moderator, reports } from "../adminStoryMocks.ts";
import { ResolveReportDialog } from "./ResolveReportDialog.tsx";

const api = adminApi(moderator);
const present = (index: number) => {
  const report = reports[index];
  if (!report) throw new Error(`No report ${index}`);
  return presentReport(api.admin.state, report);
};

const meta = {
  title: "Admin/ResolveReportDialog",
  component: ResolveReportDialog,
  decorators: [withSession],
  args: { report: present(0), onClose: () => {}, onResolved: () => {} },
  parameters: { msw: { handlers: api.handlersByDomain } },
} satisfies Meta<typeof ResolveReportDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A copyright claim on a track: take down (a copyright claim, ticked), no action or dismiss. */
export const TrackReport: Story = {};

/** A comment: taking it down hides it from everyone but its author. */
export const CommentReport: Story = { args: { report: present(1) } };

/** A user is suspended from their admin page, not taken down: no action or dismiss only. */
export const UserReport: Story = { args: { report: present(3) } };
