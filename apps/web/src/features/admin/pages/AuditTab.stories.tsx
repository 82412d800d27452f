import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi } from "../adminStoryMocks.ts";
import { AuditTab } from "./AuditTab.tsx";

export const auditApi = adminApi();

const meta = {
  title: "Admin/AuditTab",
  component: AuditTab,
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: "/admin/audit",
    msw: { handlers: auditApi.handlersByDomain },
  },
} satisfies Meta<typeof AuditTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Everything, newest first; Export CSV downloads the same entries. */
export const Everything: Story = {};

/** Admin actions only (an action prefix), from the URL; the export link carries the same filter. */
export const AdminActions: Story = { parameters: { route: "/admin/audit?action=admin." } };
