import type { Meta, StoryObj } from "@storybook/react-vite";
import { buildPlayDays, dayBefore, MOCK_TODAY } from "../../../mocks/handlers.ts";
import { type ChartDay, PlaysChart } from "./PlaysChart.tsx";

/** Every day of the last `days`, with the generated plays where there are some. */
export function chartDays(days: number, peak = 40): ChartDay[] {
  const played = new Map(buildPlayDays("chart", { days, peak }).map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, index) => {
    const day = dayBefore(MOCK_TODAY, days - 1 - index);
    const row = played.get(day);
    return { day, plays: row?.plays ?? 0, listeners: row?.listeners ?? 0 };
  });
}

const meta = {
  title: "Listening/PlaysChart",
  component: PlaysChart,
  // Fixtures the tests share are exported in lower case; stories are PascalCase.
  excludeStories: /^[a-z]/,
  args: { daily: chartDays(30), label: "Plays per day, all tracks" },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "48rem", padding: "1rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PlaysChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Month: Story = {};

export const Week: Story = { args: { daily: chartDays(7, 12) } };

export const Year: Story = { args: { daily: chartDays(365, 300) } };

/** Nothing played: the axis still reads 0 to 1. */
export const NoPlays: Story = { args: { daily: chartDays(7).map((day) => ({ ...day, plays: 0, listeners: 0 })) } };
