import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildCreator,
  buildPlayDays,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  ownerOf,
} from "../../../mocks/handlers.ts";
import { StatsPage } from "./StatsPage.tsx";

export const creator = buildCreator({ username: "nova", profile: { displayName: "Nova" } });
const mine = ownerOf(creator);

export const statsTracks = [
  buildTrack({ title: "Northern Lights", owner: mine, artist: "Nova", playCount: 9120 }),
  buildTrack({ title: "Tidal", owner: mine, artist: "Nova", genre: "Ambient", playCount: 2304 }),
  buildTrack({ title: "First Demo", owner: mine, artist: "Nova", playCount: 120 }),
  buildTrack({ title: "Unheard", owner: mine, artist: "Nova", playCount: 0 }),
];
const [northern, tidal, demo] = statsTracks;

/** A year of plays: a favourite, a steady one, and an old demo heard now and then. */
export const playDays = [
  ...buildPlayDays(northern?.id ?? "", { peak: 60, seed: 1 }),
  ...buildPlayDays(tidal?.id ?? "", { peak: 22, seed: 2 }),
  ...buildPlayDays(demo?.id ?? "", { peak: 2, seed: 3 }),
];

/** The API of the story, so tests can look at what it serves. */
export const statsApi = createMockApi({ me: creator, tracks: statsTracks, playDays });

const meta = {
  title: "Pages/StatsPage",
  component: StatsPage,
  // Fixtures the tests share are exported in lower case; stories are PascalCase.
  excludeStories: /^[a-z]/,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/stats", msw: { handlers: statsApi.handlersByDomain } },
} satisfies Meta<typeof StatsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The last 30 days: plays per day, totals and top tracks. */
export const LastMonth: Story = {};

export const LastWeek: Story = { parameters: { route: "/stats?days=7" } };

/** A year of bars. */
export const LastYear: Story = { parameters: { route: "/stats?days=365" } };

/** One track charted on its own, with its listeners per day on hover. */
export const OneTrack: Story = { parameters: { route: `/stats?days=30&track=${tidal?.id}` } };

/** A new creator nobody has heard yet. */
export const NoPlays: Story = {
  parameters: { msw: { handlers: createMockApi({ me: creator, tracks: statsTracks }).handlersByDomain } },
};

/** A listener, who has no tracks to follow. */
export const Listener: Story = {
  parameters: { msw: { handlers: createMockApi({ me: buildVerifiedUser({ username: "lin" }) }).handlersByDomain } },
};
