import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../.storybook/annotations.tsx";
import { instanceQueryKey } from "../features/instance/index.ts";
import { accountsHandlers, buildInstanceInfo, buildVerifiedUser, errorResponse } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";
import { renderWithProviders } from "../test/renderWithProviders.tsx";
import { applyStoryHandlers, nextMockedResponseStatus } from "../test/storyMocks.ts";
import * as stories from "./AppLayout.stories.tsx";
import { AppRoutes } from "./AppRoutes.tsx";

describe("AppLayout", () => {
  it("shows the instance name served by the API in the header", async () => {
    server.use(http.get("/api/v1/instance", () => HttpResponse.json(buildInstanceInfo({ name: "Night Owl Radio" }))));
    renderWithProviders(<AppRoutes />);

    const banner = screen.getByRole("banner");
    expect(await within(banner).findByText("Night Owl Radio")).toBeInTheDocument();
  });

  it("falls back to “Stave” when the instance endpoint fails", async () => {
    server.use(http.get("/api/v1/instance", () => errorResponse("INTERNAL", "Something broke.")));
    const { queryClient } = renderWithProviders(<AppRoutes />);

    await waitFor(() => expect(queryClient.getQueryState(instanceQueryKey)?.status).toBe("error"));
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Stave" })).toBeVisible();
  });

  it("shows primary navigation with the current page marked", async () => {
    const user = userEvent.setup();
    // Signed in: the library is personal, and sends anyone else to sign in.
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));
    renderWithProviders(<AppRoutes />, { route: "/search" });

    const nav = screen.getByRole("navigation", { name: "Primary" });
    const link = (name: string) => within(nav).getByRole("link", { name });
    expect(link("Search")).toHaveAttribute("aria-current", "page");
    expect(link("Home")).not.toHaveAttribute("aria-current");
    expect(link("Library")).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("heading", { level: 1, name: "Search" })).toBeInTheDocument();

    await user.click(link("Library"));
    expect(link("Library")).toHaveAttribute("aria-current", "page");
    expect(link("Search")).not.toHaveAttribute("aria-current");
    expect(await screen.findByRole("heading", { level: 1, name: "Library" })).toBeInTheDocument();
  });

  it("shows the home page at /", () => {
    renderWithProviders(<AppRoutes />);

    expect(screen.getByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Primary" });
    expect(within(nav).getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  });

  it("shows the not-found page inside the shell for unknown routes", async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route: "/no/such/page" });

    expect(screen.getByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    expect(screen.getByRole("contentinfo", { name: "Player" })).toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Go back home" }));
    expect(screen.getByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
  });

  it("keeps the player bar on every page", async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />);
    const nav = screen.getByRole("navigation", { name: "Primary" });

    for (const page of ["Search", "Library", "Home"]) {
      await user.click(within(nav).getByRole("link", { name: page }));
      const player = screen.getByRole("contentinfo", { name: "Player" });
      expect(within(player).getByText("Nothing playing")).toBeInTheDocument();
    }
  });
});

describe("AppLayout header account links", () => {
  it("offers “Sign in” and “Create account” when signed out", async () => {
    renderWithProviders(<AppRoutes />);
    const banner = screen.getByRole("banner");

    expect(await within(banner).findByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    expect(within(banner).getByRole("link", { name: "Create account" })).toHaveAttribute("href", "/register");
    expect(within(banner).queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
  });

  it("shows the username, Settings and “Sign out” when signed in", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser({ username: "lin" }) }));
    renderWithProviders(<AppRoutes />);
    const banner = screen.getByRole("banner");

    expect(await within(banner).findByText("lin")).toBeInTheDocument();
    expect(within(banner).getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
    expect(within(banner).getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(within(banner).queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("signing out on /settings leaves the settings for the sign-in page", async () => {
    const user = userEvent.setup();
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));
    renderWithProviders(<AppRoutes />, { route: "/settings" });
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();

    await user.click(within(screen.getByRole("banner")).getByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 1, name: "Settings" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Sign in" })).toBeInTheDocument();
  });
});

describe("AppLayout stories", () => {
  const { Default, NamedInstance, InstanceUnavailable, SignedIn } = composeStories(stories, sharedAnnotations);

  it("SignedIn shows who is signed in", async () => {
    applyStoryHandlers(SignedIn.parameters);
    render(<SignedIn />);

    expect(await within(screen.getByRole("banner")).findByText("ada")).toBeInTheDocument();
  });

  it("Default renders the shell around the home page", async () => {
    applyStoryHandlers(Default.parameters);
    const served = nextMockedResponseStatus("/api/v1/instance");
    render(<Default />);

    expect(await served).toBe(200);
    expect(await within(screen.getByRole("banner")).findByText("Stave")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    expect(screen.getByRole("contentinfo", { name: "Player" })).toBeInTheDocument();
  });

  it("NamedInstance shows the name its mock serves", async () => {
    applyStoryHandlers(NamedInstance.parameters);
    render(<NamedInstance />);

    expect(await within(screen.getByRole("banner")).findByText("Night Owl Radio")).toBeInTheDocument();
  });

  it("InstanceUnavailable gets a failing instance endpoint and still renders the shell", async () => {
    applyStoryHandlers(InstanceUnavailable.parameters);
    const served = nextMockedResponseStatus("/api/v1/instance");
    render(<InstanceUnavailable />);

    expect(await served).toBe(503);
    expect(within(screen.getByRole("banner")).getByText("Stave")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Primary" })).toBeInTheDocument();
  });
});
