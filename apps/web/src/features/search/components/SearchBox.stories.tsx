import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http } from "msw";
import { userEvent, within } from "storybook/test";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { errorResponse, searchHandlers } from "../../../mocks/handlers.ts";
import { searchCatalogApi } from "../searchStoryMocks.ts";
import { SearchBox } from "./SearchBox.tsx";

/** Types `text` into the header's search box and waits for the suggestions to show. */
async function typeInSearchBox(canvasElement: HTMLElement, text: string) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole("combobox", { name: "Search" }), text);
  await canvas.findByRole("listbox", { name: "Suggestions" });
}

const meta = {
  title: "Search/SearchBox",
  component: SearchBox,
  // In the app's header, so choosing a suggestion or pressing Enter really goes somewhere.
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", msw: { handlers: searchCatalogApi().handlersByDomain } },
} satisfies Meta<typeof SearchBox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting in the header; "/" anywhere on the page jumps into it. */
export const Idle: Story = {};

/** "m" typed: creators and tracks to choose from. */
export const WithSuggestions: Story = {
  play: async ({ canvasElement }) => typeInSearchBox(canvasElement, "m"),
};

/** "moon" typed and Arrow Down pressed: the first suggestion is the active one, and Enter would open it. */
export const ActiveSuggestion: Story = {
  play: async ({ canvasElement }) => {
    await typeInSearchBox(canvasElement, "moon");
    await userEvent.keyboard("{ArrowDown}");
  },
};

const slowApi = searchCatalogApi();

/** The server takes its time: the previous suggestions stay up while the next ones load. */
export const SlowSuggestions: Story = {
  parameters: {
    msw: {
      handlers: {
        ...slowApi.handlersByDomain,
        search: [
          http.get(api.search.suggestions.path, async ({ request }) => {
            if (new URL(request.url).searchParams.get("q") !== "n") await delay(2000);
            return undefined;
          }),
          ...slowApi.handlersByDomain.search,
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await typeInSearchBox(canvasElement, "n");
    await userEvent.keyboard("ight");
  },
};

/** Suggestions fail: the box stays quiet, and Enter still searches. */
export const SuggestionsUnavailable: Story = {
  parameters: {
    msw: {
      handlers: {
        search: [
          http.get(api.search.suggestions.path, () => errorResponse("SERVICE_UNAVAILABLE", "Search is warming up.")),
          ...searchHandlers(),
        ],
      },
    },
  },
};
