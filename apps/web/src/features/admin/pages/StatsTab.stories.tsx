import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi } from "../adminStoryMocks.ts";
import { StatsTab } from "./StatsTab.tsx";

export const statsApi = adminApi();

const meta = {
  title: "Admin/StatsTab",
  component: StatsTab,
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: "/admin/stats",
    msw: { handlers: statsApi.handlersByDomain },
  },
} satisfies Meta<typeof StatsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Counts, a month of sign-ups and plays, and two failed jobs to retry. */
export const Default: Story = {};

/** Every job went through. */
export const NoFailedJobs: Story = {
  parameters: { msw: { handlers: adminApi(undefined, { failedJobs: [] }).handlersByDomain } },
};
