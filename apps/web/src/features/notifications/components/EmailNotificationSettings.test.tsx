import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { messagingApi } from "../../messages/messagingStoryMocks.ts";
import * as stories from "./EmailNotificationSettings.stories.tsx";

const { Default, SaveFails } = composeStories(stories, sharedAnnotations);

async function renderSettings(Story: typeof Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  const form = await screen.findByRole("form", { name: "Email notifications" });
  return { user: userEvent.setup(), form: within(form) };
}

describe("EmailNotificationSettings", () => {
  it("shows which kinds come by email, and saves a new choice", async () => {
    const requests = recordApiRequests();
    const { user, form } = await renderSettings(Default);

    expect(form.getByRole("checkbox", { name: "Someone sends me a message" })).toBeChecked();
    expect(form.getByRole("checkbox", { name: "Someone follows me" })).not.toBeChecked();
    expect(form.getAllByRole("checkbox")).toHaveLength(12);

    await user.click(form.getByRole("checkbox", { name: "Someone follows me" }));
    await user.click(form.getByRole("checkbox", { name: "My data export is ready" }));
    await user.click(form.getByRole("checkbox", { name: "Someone sends me a message" }));
    await user.click(form.getByRole("button", { name: "Save email settings" }));

    expect(await form.findByRole("status")).toHaveTextContent("Email settings saved.");
    const [saved] = requests.to("/api/v1/me/notification-settings", "PUT");
    expect(await saved?.json()).toEqual({ emailKinds: ["follow", "export_ready"] });

    // An edit makes "saved" stale.
    await user.click(form.getByRole("checkbox", { name: "Someone likes my track or playlist" }));
    expect(form.queryByRole("status")).not.toBeInTheDocument();
  });

  it("keeps the choice and says so when saving fails", async () => {
    const { user, form } = await renderSettings(SaveFails);

    await user.click(form.getByRole("checkbox", { name: "Someone follows me" }));
    await user.click(form.getByRole("button", { name: "Save email settings" }));

    expect(await form.findByRole("alert")).toHaveTextContent("Your email settings weren't saved.");
    expect(form.getByRole("checkbox", { name: "Someone follows me" })).toBeChecked();
  });

  it("is the Notifications tab of the settings, and the choice sticks", async () => {
    const api = messagingApi();
    const { user } = renderLiveApp(api, "/settings/notifications");
    const tabs = within(await screen.findByRole("navigation", { name: "Settings" }));
    expect(tabs.getByRole("link", { name: "Notifications" })).toHaveAttribute("aria-current", "page");
    const form = within(await screen.findByRole("form", { name: "Email notifications" }));

    await user.click(form.getByRole("checkbox", { name: "A creator I follow releases a track" }));
    await user.click(form.getByRole("button", { name: "Save email settings" }));

    await waitFor(() =>
      expect(api.messages.state.emailKindsOf(api.accounts.state.currentUserId ?? "")).toEqual(["message", "new_track"]),
    );
    expect(screen.getByRole("heading", { name: "Blocked people" })).toBeInTheDocument();
  });
});
