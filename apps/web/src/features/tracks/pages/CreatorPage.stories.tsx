import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildCreator,
  buildLatestTracks,
  buildProcessingTrack,
  buildTrack,
  createMockApi,
  MIRA,
  ownerOf,
} from "../../../mocks/handlers.ts";
import { CreatorPage } from "./CreatorPage.tsx";

const ada = buildCreator();
const tracks = [
  ...buildLatestTracks(),
  buildTrack({ title: "Secret Demo", visibility: "private" }),
  buildTrack({ title: "Ada's Song", owner: ownerOf(ada) }),
  buildProcessingTrack({ title: "Ada's Work in Progress", owner: ownerOf(ada) }),
];

const meta = {
  title: "Pages/CreatorPage",
  component: CreatorPage,
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: `/creators/${MIRA.username}`,
    msw: { handlers: createMockApi({ tracks }).handlersByDomain },
  },
} satisfies Meta<typeof CreatorPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mira's public tracks, each with a play button; her private demo is not listed. */
export const PublicTracks: Story = {};

/** Ada looking at her own page: every track of hers, processing ones too. */
export const OwnPage: Story = {
  parameters: {
    route: `/creators/${ada.username}`,
    msw: { handlers: createMockApi({ me: ada, tracks }).handlersByDomain },
  },
};

export const UnknownCreator: Story = { parameters: { route: "/creators/nobody" } };
