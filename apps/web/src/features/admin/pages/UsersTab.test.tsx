import { composeStories } from "@storybook/react-vite";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { CurrentLocation } from "../../../test/CurrentLocation.tsx";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./UsersTab.stories.tsx";

const { AsAdmin, SuspendedOnly, NoMatches, AsModerator, AsListener } = composeStories(stories, sharedAnnotations);

/** The story's mocks and route, with the router's URL shown beside the app. */
async function renderStory(Story: typeof AsAdmin) {
  applyStoryHandlers(Story.parameters);
  renderWithProviders(
    <>
      <AppRoutes />
      <CurrentLocation />
    </>,
    { route: String(Story.parameters.route) },
  );
  return userEvent.setup();
}

const table = () => screen.findByRole("table", { name: "Users" });
const usernames = (element: HTMLElement) =>
  within(element)
    .getAllByRole("rowheader")
    .map((cell) => within(cell).getByRole("link").textContent);
const filters = () => within(screen.getByRole("form", { name: "Find users" }));

describe("Admin users table", () => {
  it("lists accounts newest first with role and state, a page at a time", async () => {
    const user = await renderStory(AsAdmin);

    const users = await table();
    expect(usernames(users)).toHaveLength(20);
    expect(usernames(users)[0]).toBe("bea");
    const gusRow = within(users).getByRole("link", { name: "gus" }).closest("tr") as HTMLElement;
    expect(within(gusRow).getByText("Suspended")).toBeInTheDocument();
    expect(within(gusRow).getByText("gus@example.org")).toBeInTheDocument();
    expect(within(users).getByRole("link", { name: "bea" })).toHaveAttribute(
      "href",
      `/admin/users/${stories.usersApi.accounts.state.findByLogin("bea")?.me.id}`,
    );

    await user.click(screen.getByRole("button", { name: "Load more users" }));

    await waitFor(() => expect(usernames(screen.getByRole("table", { name: "Users" }))).toHaveLength(25));
    expect(usernames(screen.getByRole("table", { name: "Users" }))).toEqual(
      expect.arrayContaining(["root", "morgan", "lin"]),
    );
    expect(screen.queryByRole("button", { name: "Load more users" })).not.toBeInTheDocument();
  });

  it("searches by email or username when submitted, and keeps the search in the URL", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(AsAdmin);
    await table();

    await user.type(filters().getByRole("searchbox", { name: "Email or username" }), "ha");
    await user.click(filters().getByRole("button", { name: "Search" }));

    await waitFor(() => expect(usernames(screen.getByRole("table", { name: "Users" }))).toEqual(["hana"]));
    expect(screen.getByTestId("current-location")).toHaveTextContent("/admin/users?q=ha");
    expect(requests.to("/api/v1/admin/users").at(-1)?.searchParams.get("q")).toBe("ha");
  });

  it("filters by role and by state at once", async () => {
    const user = await renderStory(AsAdmin);
    await table();

    await user.selectOptions(filters().getByRole("combobox", { name: "Role" }), "Creator");
    await waitFor(() =>
      expect(usernames(screen.getByRole("table", { name: "Users" }))).toEqual(["bea", "hana", "nia", "rae", "uma"]),
    );

    await user.selectOptions(filters().getByRole("combobox", { name: "State" }), "Unverified");
    await waitFor(() => expect(usernames(screen.getByRole("table", { name: "Users" }))).toEqual(["uma"]));
    expect(screen.getByTestId("current-location")).toHaveTextContent("/admin/users?role=creator&state=unverified");

    await user.selectOptions(filters().getByRole("combobox", { name: "Role" }), "Any role");
    await waitFor(() =>
      expect(usernames(screen.getByRole("table", { name: "Users" }))).toEqual(["fern", "kit", "pia", "uma"]),
    );
  });

  it("starts from the filters in the URL", async () => {
    await renderStory(SuspendedOnly);
    expect(usernames(await table())).toEqual(["gus"]);
    expect(filters().getByRole("combobox", { name: "State" })).toHaveValue("suspended");
  });

  it("says when no user matches", async () => {
    await renderStory(NoMatches);
    expect(await screen.findByText("No users match these filters.")).toBeInTheDocument();
  });
});

describe("Admin access", () => {
  it("shows admins every tab, and the Admin link in the primary nav", async () => {
    await renderStory(AsAdmin);
    await table();

    const tabs = within(screen.getByRole("navigation", { name: "Admin" }));
    expect(tabs.getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Users",
      "Moderation",
      "Audit log",
      "Settings",
      "Stats",
    ]);
    expect(tabs.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
    expect(
      within(screen.getByRole("navigation", { name: "Primary" })).getByRole("link", { name: "Admin" }),
    ).toHaveAttribute("href", "/admin");
  });

  it("gives a moderator the Moderation tab only, and tells them the users page is not theirs", async () => {
    const requests = recordApiRequests();
    await renderStory(AsModerator);

    expect(await screen.findByRole("heading", { level: 2, name: "Not allowed" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "moderation queue" })).toHaveAttribute("href", "/admin/moderation");
    const tabs = within(screen.getByRole("navigation", { name: "Admin" }));
    expect(tabs.getAllByRole("link").map((link) => link.textContent)).toEqual(["Moderation"]);
    const primary = within(screen.getByRole("navigation", { name: "Primary" }));
    expect(primary.getByRole("link", { name: "Moderation" })).toHaveAttribute("href", "/admin/moderation");
    expect(primary.queryByRole("link", { name: "Admin" })).not.toBeInTheDocument();
    expect(requests.to("/api/v1/admin/users")).toHaveLength(0);
  });

  it("refuses a listener, and keeps /admin out of their nav", async () => {
    await renderStory(AsListener);

    expect(await screen.findByRole("heading", { level: 1, name: "Not allowed" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Admin" })).not.toBeInTheDocument();
    const primary = within(screen.getByRole("navigation", { name: "Primary" }));
    expect(primary.getAllByRole("link").map((link) => link.textContent)).toEqual(["Home", "Search", "Library"]);
  });
});
