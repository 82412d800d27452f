import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { Route, Routes } from "react-router";
import { accountsHandlers, buildInstanceInfo, buildVerifiedUser, errorResponse } from "../mocks/handlers.ts";
import { AppLayout } from "./AppLayout.tsx";
import { HomePage } from "./pages/HomePage.tsx";

const meta = {
  title: "App/AppLayout",
  component: AppLayout,
  // The layout renders its page through an <Outlet>, so give it a route to fill.
  render: () => (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
      </Route>
    </Routes>
  ),
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof AppLayout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const NamedInstance: Story = {
  parameters: {
    msw: {
      handlers: {
        instance: [
          http.get(api.instance.info.path, () => HttpResponse.json(buildInstanceInfo({ name: "Night Owl Radio" }))),
        ],
      },
    },
  },
};

export const InstanceUnavailable: Story = {
  parameters: {
    msw: {
      handlers: {
        instance: [
          http.get(api.instance.info.path, () => errorResponse("SERVICE_UNAVAILABLE", "The instance is starting up.")),
        ],
      },
    },
  },
};

/** The header once someone is signed in: their name, settings and sign-out. */
export const SignedIn: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};
