import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./AccountSettingsCreatorCard.stories.tsx";

const { Verified, Unverified, HiddenForCreator, HiddenForAdmin, AlreadyElevated, UpgradeFails } = composeStories(
  stories,
  sharedAnnotations,
);

type Composed = typeof Verified;

/** Renders a story and waits until its session has loaded (the caption says whose it is). */
async function renderStory(Story: Composed, caption: RegExp) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByText(caption);
}

const card = () => screen.getByRole("region", { name: "Become an artist" });
const queryCard = () => screen.queryByRole("region", { name: "Become an artist" });

describe("AccountSettingsCreatorCard", () => {
  it("offers a verified listener the “Become an artist” button and says the change is one-way", async () => {
    await renderStory(Verified, /Signed in as ada \(Listener, verified\)/);

    const button = within(card()).getByRole("button", { name: "Become an artist" });
    expect(button).toBeEnabled();
    expect(button).toHaveAccessibleDescription(/this change is one-way/i);
    expect(within(card()).queryByRole("link", { name: "Resend verification" })).not.toBeInTheDocument();
  });

  it("explains to an unverified listener why they can't upgrade yet, with a link to resend verification", async () => {
    await renderStory(Unverified, /Signed in as newbie \(Listener, unverified\)/);

    const button = within(card()).getByRole("button", { name: "Become an artist" });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/verify your email address first/i);
    expect(within(card()).getByRole("link", { name: "Resend verification" })).toHaveAttribute(
      "href",
      "/verify-email/resend",
    );
  });

  it("is hidden entirely for a creator", async () => {
    await renderStory(HiddenForCreator, /Signed in as ada \(Creator, verified\)/);

    expect(queryCard()).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Become an artist" })).not.toBeInTheDocument();
    expect(screen.queryByText(/one-way/i)).not.toBeInTheDocument();
  });

  it("is hidden entirely for an admin", async () => {
    await renderStory(HiddenForAdmin, /Signed in as root \(Administrator, verified\)/);

    expect(queryCard()).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Become an artist" })).not.toBeInTheDocument();
  });

  it("upgrades on click, confirms it, and refetches the user, whose role is now creator", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    await renderStory(Verified, /Signed in as ada \(Listener, verified\)/);
    const loadsBefore = requests.to("/api/v1/users/me", "GET").length;

    await user.click(within(card()).getByRole("button", { name: "Become an artist" }));

    expect(await within(card()).findByText(/you're now an artist/i)).toBeInTheDocument();
    // The caption reads the refetched user: the new role came from GET /users/me.
    expect(await screen.findByText(/Signed in as ada \(Creator, verified\)/)).toBeInTheDocument();
    expect(requests.to("/api/v1/users/me/upgrade-creator", "POST")).toHaveLength(1);
    expect(requests.to("/api/v1/users/me", "GET").length).toBeGreaterThan(loadsBefore);
    expect(within(card()).queryByRole("button", { name: "Become an artist" })).not.toBeInTheDocument();
  });

  it("says nothing changed when the server answers already_elevated", async () => {
    const user = userEvent.setup();
    await renderStory(AlreadyElevated, /Signed in as ada \(Listener, verified\)/);

    await user.click(within(card()).getByRole("button", { name: "Become an artist" }));

    expect(await within(card()).findByRole("status")).toHaveTextContent(
      "Your account already has creator access, so nothing changed.",
    );
    expect(within(card()).queryByText(/you're now an artist/i)).not.toBeInTheDocument();
  });

  it("shows a server error as an alert and keeps the button to try again", async () => {
    const user = userEvent.setup();
    await renderStory(UpgradeFails, /Signed in as ada \(Listener, verified\)/);

    await user.click(within(card()).getByRole("button", { name: "Become an artist" }));

    expect(await within(card()).findByRole("alert")).toHaveTextContent(/something went wrong on our side/i);
    expect(within(card()).getByRole("button", { name: "Become an artist" })).toBeEnabled();
    expect(screen.getByText(/Signed in as ada \(Listener, verified\)/)).toBeInTheDocument();
  });
});
