import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./AccountMenu.stories.tsx";

const { SignedOut, SignedIn, SignOutFails } = composeStories(stories, sharedAnnotations);

function renderStory(Story: typeof SignedOut) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

describe("AccountMenu", () => {
  it("offers to sign in or create an account when signed out", async () => {
    renderStory(SignedOut);

    expect(await screen.findByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    expect(screen.getByRole("link", { name: "Create account" })).toHaveAttribute("href", "/register");
    expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Settings" })).not.toBeInTheDocument();
  });

  it("shows the username, a settings link and a sign-out button when signed in", async () => {
    renderStory(SignedIn);

    // "Signed in as" is there for screen readers; sighted people see the name in the header.
    expect(await screen.findByText("ada")).toHaveTextContent("Signed in as ada");
    expect(screen.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeEnabled();
    expect(screen.queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("signs out, back to the signed-out links", async () => {
    const user = userEvent.setup();
    renderStory(SignedIn);

    await user.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByText("ada")).not.toBeInTheDocument();
  });

  it("says so when signing out fails, and stays signed in", async () => {
    const user = userEvent.setup();
    renderStory(SignOutFails);

    await user.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(/couldn't sign out/i);
    expect(screen.getByText("ada")).toBeInTheDocument();
  });
});
