import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { cyril, gus, hana, hanaCover, kit } from "../adminStoryMocks.ts";
import * as dialogStories from "../components/RoleChangeDialog.stories.tsx";
import * as suspendStories from "../components/SuspendDialog.stories.tsx";
import * as stories from "./UserDetailTab.stories.tsx";

const { Creator, Listener, Suspended, Unverified, NotFound } = composeStories(stories, sharedAnnotations);
const { RoleChangedMeanwhile } = composeStories(dialogStories, sharedAnnotations);
const { Default: SuspendDefault } = composeStories(suspendStories, sharedAnnotations);
const { detailApi } = stories;

async function renderStory(Story: typeof Creator, username: string) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 2, name: new RegExp(`^${username}`) });
  return userEvent.setup();
}

const card = (name: string) => within(screen.getByRole("region", { name }));
const dialog = () => within(screen.getByRole("dialog"));

describe("Admin user page", () => {
  it("shows the account, its tracks with what was taken down, storage and sessions", async () => {
    await renderStory(Creator, "hana");

    expect(card("Account").getByText("hana@example.org (verified)")).toBeInTheDocument();
    expect(card("Account").getByText("Creator")).toBeInTheDocument();
    const tracks = card("Tracks (2)");
    const cover = within(tracks.getByRole("link", { name: hanaCover.title }).closest("tr") as HTMLElement);
    expect(cover.getByText("Hidden")).toBeInTheDocument();
    expect(cover.getByText("Taken down")).toBeInTheDocument();
    expect(card("Storage").getByText(/16\.0 MB used of 1\.00 GB \(2%\), the instance default\./)).toBeInTheDocument();
    expect(card("Sessions").getByText("Firefox on Linux")).toBeInTheDocument();
  });

  it("changes the role, sending the role the admin saw", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Listener, "cyril");

    await user.click(card("Actions").getByRole("button", { name: "Change role" }));
    expect(dialog().getByText(/cyril is now/)).toHaveTextContent("cyril is now Listener.");
    expect(dialog().getByRole("button", { name: "Change role" })).toBeDisabled();
    await user.selectOptions(dialog().getByRole("combobox", { name: "New role" }), "Creator");
    await user.click(dialog().getByRole("button", { name: "Change role" }));

    expect(await card("Actions").findByRole("status")).toHaveTextContent("Role changed to Creator.");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const [sent] = requests.to(`/api/v1/admin/users/${cyril.id}/role`, "PUT");
    expect(await sent?.json()).toEqual({ role: "creator", expectedRole: "user" });
    await waitFor(() => expect(card("Account").getByText("Creator")).toBeInTheDocument());
  });

  it("says clearly when the role changed meanwhile (409), and the next try expects the new role", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Listener, "cyril");
    await user.click(card("Actions").getByRole("button", { name: "Change role" }));
    // Cyril upgrades himself while the admin is choosing.
    const account = detailApi.accounts.state.findById(cyril.id);
    if (account) account.me.role = "creator";

    await user.selectOptions(dialog().getByRole("combobox", { name: "New role" }), "Moderator");
    await user.click(dialog().getByRole("button", { name: "Change role" }));

    expect(await dialog().findByRole("alert")).toHaveTextContent(
      "Nothing was changed. Someone else changed the role of cyril to Creator while you were looking.",
    );
    await waitFor(() => expect(dialog().getByText(/cyril is now/)).toHaveTextContent("cyril is now Creator."));
    expect(account?.me.role).toBe("creator");

    await user.click(dialog().getByRole("button", { name: "Change role" }));
    expect(await card("Actions").findByRole("status")).toHaveTextContent("Role changed to Moderator.");
    const sent = requests.to(`/api/v1/admin/users/${cyril.id}/role`, "PUT");
    expect(await Promise.all(sent.map((request) => request.json()))).toEqual([
      { role: "moderator", expectedRole: "user" },
      { role: "moderator", expectedRole: "creator" },
    ]);
  });

  it("shows the role the server reports in a 409, in the dialog's own story", async () => {
    applyStoryHandlers(RoleChangedMeanwhile.parameters);
    render(<RoleChangedMeanwhile />);
    const user = userEvent.setup();
    await screen.findByRole("dialog", { name: "Change the role of cyril" });

    await user.selectOptions(dialog().getByRole("combobox", { name: "New role" }), "Premium");
    await user.click(dialog().getByRole("button", { name: "Change role" }));

    expect(await dialog().findByRole("alert")).toHaveTextContent("changed the role of cyril to Creator");
  });

  it("suspends only with a reason, then lifts the suspension", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Listener, "cyril");

    await user.click(card("Actions").getByRole("button", { name: "Suspend" }));
    await user.click(dialog().getByRole("button", { name: "Suspend" }));
    expect(dialog().getByRole("textbox", { name: "Reason" })).toHaveAccessibleDescription(
      /Give a reason for the suspension\./,
    );
    await user.type(dialog().getByRole("textbox", { name: "Reason" }), "ok");
    await user.click(dialog().getByRole("button", { name: "Suspend" }));
    expect(dialog().getByRole("textbox", { name: "Reason" })).toHaveAccessibleDescription(/at least 3 characters/);
    expect(requests.to(`/api/v1/admin/users/${cyril.id}/suspend`)).toHaveLength(0);

    await user.type(dialog().getByRole("textbox", { name: "Reason" }), " then spam again");
    await user.click(dialog().getByRole("button", { name: "Suspend" }));

    expect(await card("Actions").findByRole("status")).toHaveTextContent("cyril is suspended.");
    expect(card("Account").getByText(/ok then spam again/)).toBeInTheDocument();
    expect(card("Sessions").getByText("Not signed in anywhere.")).toBeInTheDocument();

    await user.click(card("Actions").getByRole("button", { name: "Lift suspension" }));
    await user.click(card("Actions").getByRole("button", { name: "Lift suspension" }));
    expect(await card("Actions").findByText("Suspension lifted.")).toBeInTheDocument();
    await waitFor(() => expect(card("Account").queryByText(/ok then spam again/)).not.toBeInTheDocument());
    expect(card("Actions").getByRole("button", { name: "Suspend" })).toBeInTheDocument();
  });

  it("requires a reason in the suspend dialog's own story", async () => {
    const requests = recordApiRequests();
    applyStoryHandlers(SuspendDefault.parameters);
    render(<SuspendDefault />);
    const user = userEvent.setup();
    await screen.findByRole("dialog", { name: "Suspend cyril" });

    await user.click(dialog().getByRole("button", { name: "Suspend" }));

    expect(dialog().getByRole("textbox", { name: "Reason" })).toHaveAttribute("aria-invalid", "true");
    expect(requests.to(`/api/v1/admin/users/${cyril.id}/suspend`)).toHaveLength(0);
  });

  it("shows a suspended user's reason and their hidden track", async () => {
    await renderStory(Suspended, "gus");

    expect(card("Account").getByText(/Spam in comments, after two warnings\./)).toBeInTheDocument();
    expect(card("Actions").getByRole("button", { name: "Lift suspension" })).toBeInTheDocument();
    expect(card("Actions").queryByRole("button", { name: "Suspend" })).not.toBeInTheDocument();
    expect(card("Tracks (1)").getByText("Taken down")).toBeInTheDocument();
    expect(detailApi.admin.state.recordOf(gus.id).suspendedAt).not.toBeNull();
  });

  it("forces a password reset after asking", async () => {
    const user = await renderStory(Listener, "cyril");

    await user.click(card("Actions").getByRole("button", { name: "Force password reset" }));
    expect(card("Actions").getByRole("group", { name: /make them choose a new password/ })).toBeInTheDocument();
    await user.click(card("Actions").getByRole("button", { name: "Force reset" }));

    expect(
      await card("Actions").findByText("They must choose a new password at their next sign-in."),
    ).toBeInTheDocument();
    await waitFor(() => expect(card("Account").getByText("Must be reset at the next sign-in")).toBeInTheDocument());
  });

  it("sends an unverified user a new verification link; a verified one is not offered it", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Unverified, "kit");

    await user.click(card("Actions").getByRole("button", { name: "Resend verification email" }));
    await user.click(card("Actions").getByRole("button", { name: "Send it" }));

    expect(await card("Actions").findByText("Verification email sent.")).toBeInTheDocument();
    expect(requests.to(`/api/v1/admin/users/${kit.id}/resend-verification`, "POST")).toHaveLength(1);
  });

  it("sets a storage quota for the user, and puts the default back", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Creator, "hana");
    const storage = card("Storage");

    await user.type(storage.getByRole("textbox", { name: /Quota for this user/ }), "lots");
    await user.click(storage.getByRole("button", { name: "Save quota" }));
    expect(storage.getByRole("textbox", { name: /Quota for this user/ })).toHaveAccessibleDescription(
      /Enter a whole number of megabytes\./,
    );

    await user.clear(storage.getByRole("textbox", { name: /Quota for this user/ }));
    await user.type(storage.getByRole("textbox", { name: /Quota for this user/ }), "64");
    await user.click(storage.getByRole("button", { name: "Save quota" }));

    expect(await storage.findByRole("status")).toHaveTextContent("Quota set to 64.0 MB.");
    await waitFor(() =>
      expect(storage.getByText(/used of 64\.0 MB \(25%\), a quota set for this user\./)).toBeInTheDocument(),
    );
    await user.click(storage.getByRole("button", { name: "Use the instance default" }));
    expect(await storage.findByText("The instance default applies again.")).toBeInTheDocument();
    await waitFor(() =>
      expect(storage.getByText(/used of 1\.00 GB \(2%\), the instance default\./)).toBeInTheDocument(),
    );
    const sent = requests.to(`/api/v1/admin/users/${hana.id}/quota`, "PUT");
    expect(await Promise.all(sent.map((request) => request.json()))).toEqual([
      { storageQuotaBytes: 64 * 1024 * 1024 },
      { storageQuotaBytes: null },
    ]);
  });

  it("says when there is no such user", async () => {
    applyStoryHandlers(NotFound.parameters);
    render(<NotFound />);
    expect(await screen.findByRole("heading", { level: 2, name: "User not found" })).toBeInTheDocument();
  });
});
