import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http } from "msw";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildPianoSketches, errorResponse, searchHandlers } from "../../../mocks/handlers.ts";
import { searchCatalogApi } from "../searchStoryMocks.ts";
import { SearchPage } from "./SearchPage.tsx";

const meta = {
  title: "Pages/SearchPage",
  component: SearchPage,
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/search?q=night",
    msw: { handlers: searchCatalogApi().handlersByDomain },
  },
} satisfies Meta<typeof SearchPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "night": a few tracks, the creators and playlists that match, each section with "See all" when there is more. */
export const AllTab: Story = {};

/** The All tab with more tracks than it shows: "See all tracks" leads to the Tracks tab. */
export const AllTabWithMore: Story = { parameters: { route: "/search?q=piano" } };

/** Only tracks, twenty at a time: "Load more" fetches the next page. */
export const TracksTab: Story = {
  parameters: {
    route: "/search?q=piano&type=tracks",
    msw: { handlers: searchCatalogApi(buildPianoSketches(24)).handlersByDomain },
  },
};

export const CreatorsTab: Story = { parameters: { route: "/search?q=m&type=creators" } };

export const PlaylistsTab: Story = { parameters: { route: "/search?q=piano&type=playlists" } };

/** Tracks narrowed to a genre: the filter comes from the URL and the form shows it. */
export const FilteredByGenre: Story = { parameters: { route: "/search?q=night&type=tracks&genre=Jazz" } };

/** Nothing matches at all. */
export const Empty: Story = { parameters: { route: "/search?q=xylophone" } };

/** Only the filter leaves nothing: the empty state names it, so the person knows what to loosen. */
export const EmptyWithFilter: Story = { parameters: { route: "/search?q=night&type=tracks&genre=Polka" } };

/** "beethovn" is searched as "beethoven", and the page says so. */
export const CorrectedQuery: Story = { parameters: { route: "/search?q=beethovn" } };

/** The search endpoint fails: the app's error alert with a retry. */
export const ServerError: Story = {
  parameters: {
    msw: {
      handlers: {
        search: [
          http.get(api.search.search.path, () => errorResponse("SERVICE_UNAVAILABLE", "Search is warming up.")),
          // Suggestions still work.
          ...searchHandlers(),
        ],
      },
    },
  },
};

const slowApi = searchCatalogApi();

/** Waiting for the server. */
export const Loading: Story = {
  parameters: {
    msw: {
      handlers: {
        ...slowApi.handlersByDomain,
        search: [
          http.get(api.search.search.path, async () => {
            await delay("infinite");
          }),
          ...slowApi.handlersByDomain.search,
        ],
      },
    },
  },
};

/** /search with nothing to search for yet. */
export const NoQuery: Story = { parameters: { route: "/search" } };
