import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse, MOCK_PASSWORD } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./SettingsPage.stories.tsx";

const { AccountTab, AccountTabAdmin, SecurityTab, SignedOut } = composeStories(stories, sharedAnnotations);

function renderStory(Story: typeof AccountTab) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

const tabs = () => screen.getByRole("navigation", { name: "Settings" });

describe("SettingsPage", () => {
  it("shows the Account tab: who you are, the creator card and your profile", async () => {
    renderStory(AccountTab);

    const account = await screen.findByRole("region", { name: "Account" });
    expect(within(account).getByText("ada@example.com")).toBeInTheDocument();
    expect(within(account).getByText("Listener")).toBeInTheDocument();
    expect(within(tabs()).getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("region", { name: "Become an artist" })).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Profile" })).toBeInTheDocument();
  });

  it("shows the new account type once the listener has become an artist", async () => {
    const user = userEvent.setup();
    renderStory(AccountTab);
    const account = await screen.findByRole("region", { name: "Account" });

    await user.click(screen.getByRole("button", { name: "Become an artist" }));

    expect(await within(account).findByText("Creator")).toBeInTheDocument();
    expect(within(account).queryByText("Listener")).not.toBeInTheDocument();
  });

  it("leaves the creator card out for an admin", async () => {
    renderStory(AccountTabAdmin);

    expect(await screen.findByText("Administrator")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Become an artist" })).not.toBeInTheDocument();
  });

  it("switches to the Security tab", async () => {
    const user = userEvent.setup();
    renderStory(AccountTab);
    await screen.findByRole("region", { name: "Account" });

    await user.click(within(tabs()).getByRole("link", { name: "Security" }));

    expect(within(tabs()).getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("form", { name: "Change password" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Become an artist" })).not.toBeInTheDocument();
  });

  it("puts password, two-factor, sessions and activity on the Security tab", async () => {
    renderStory(SecurityTab);

    for (const name of [
      "Password",
      "Two-factor authentication",
      "Where you're signed in",
      "Recent security activity",
    ]) {
      expect(await screen.findByRole("region", { name })).toBeInTheDocument();
    }
  });

  it("sends a signed-out visitor to sign in, and back to settings afterwards", async () => {
    const user = userEvent.setup();
    renderStory(SignedOut);

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Settings" })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("Email or username"), "ada");
    await user.type(screen.getByLabelText("Password"), MOCK_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Account" })).toHaveTextContent("ada@example.com");
  });

  it("says so, with a retry, when the account cannot be loaded", async () => {
    applyStoryHandlers(AccountTab.parameters);
    server.use(http.get("/api/v1/users/me", () => errorResponse("SERVICE_UNAVAILABLE", "Starting up.")));
    render(<AccountTab />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/we couldn't load your account/i);
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 1, name: "Sign in" })).not.toBeInTheDocument();
  });
});
