import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./InstanceSettingsTab.stories.tsx";

const { Default, NoInvites } = composeStories(stories, sharedAnnotations);
const { settingsApi } = stories;

async function renderStory(Story: typeof Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("form", { name: "Instance settings" });
  return userEvent.setup();
}

const form = () => within(screen.getByRole("form", { name: "Instance settings" }));
const invites = () => within(screen.getByRole("region", { name: "Invite codes" }));

describe("Instance settings", () => {
  it("shows the saved settings, and saves only what changed", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Default);

    expect(form().getByRole("radio", { name: /^Open/ })).toBeChecked();
    expect(form().getByRole("textbox", { name: "Site name" })).toHaveValue("Stave");
    expect(form().getByRole("textbox", { name: /Terms of service/ })).toHaveValue(
      "Be kind. Upload only what you have the rights to.",
    );
    expect(form().getByRole("textbox", { name: "Largest upload (MB)" })).toHaveValue("200");
    expect(form().getByRole("textbox", { name: "Storage quota per creator (MB)" })).toHaveValue("1024");

    await user.click(form().getByRole("radio", { name: /^Invite only/ }));
    await user.clear(form().getByRole("textbox", { name: "Site name" }));
    await user.type(form().getByRole("textbox", { name: "Site name" }), "Night Owl Radio");
    await user.clear(form().getByRole("textbox", { name: "Storage quota per creator (MB)" }));
    await user.type(form().getByRole("textbox", { name: "Storage quota per creator (MB)" }), "2048");
    await user.click(form().getByRole("button", { name: "Save settings" }));

    expect(await form().findByRole("status")).toHaveTextContent("Settings saved.");
    const [sent] = requests.to("/api/v1/admin/settings", "PATCH");
    expect(await sent?.json()).toEqual({
      registrationMode: "invite",
      siteName: "Night Owl Radio",
      defaultStorageQuotaBytes: 2048 * 1024 * 1024,
    });
    expect(settingsApi.admin.state.settings).toMatchObject({ registrationMode: "invite", siteName: "Night Owl Radio" });
    // The app's own name follows.
    await waitFor(() =>
      expect(within(screen.getByRole("banner")).getByRole("link", { name: "Night Owl Radio" })).toBeInTheDocument(),
    );
  });

  it("checks the fields before saving", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Default);

    await user.clear(form().getByRole("textbox", { name: "Site name" }));
    await user.clear(form().getByRole("textbox", { name: "Largest upload (MB)" }));
    await user.type(form().getByRole("textbox", { name: "Largest upload (MB)" }), "0");
    await user.click(form().getByRole("button", { name: "Save settings" }));

    expect(form().getByRole("textbox", { name: "Site name" })).toHaveAccessibleDescription("Give the site a name.");
    expect(form().getByRole("textbox", { name: "Largest upload (MB)" })).toHaveAccessibleDescription(
      "Enter a whole number of megabytes, at least 1.",
    );
    expect(requests.to("/api/v1/admin/settings", "PATCH")).toHaveLength(0);
  });
});

describe("Invite codes", () => {
  it("lists invites with their use and state", async () => {
    await renderStory(Default);

    const table = within(await invites().findByRole("table", { name: "Invite codes" }));
    const rows = table.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.querySelector("th")?.textContent)).toEqual(["LABE…", "OLD-…"]);
    expect(within(rows[0] as HTMLElement).getByText("3 of 10")).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText("Active")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("Revoked")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it("shows a new invite's code once, to copy; afterwards only its first characters", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(NoInvites);
    expect(await invites().findByText("No invite codes yet.")).toBeInTheDocument();

    await user.type(invites().getByRole("textbox", { name: /^Note/ }), "For Dana");
    await user.clear(invites().getByRole("textbox", { name: "Uses" }));
    await user.type(invites().getByRole("textbox", { name: "Uses" }), "5");
    await user.type(invites().getByRole("textbox", { name: /Expires after/ }), "30");
    await user.click(invites().getByRole("button", { name: "Create invite code" }));

    const notice = await invites().findByRole("status");
    const code = notice.querySelector("code")?.textContent ?? "";
    expect(code).toMatch(/^INV001-/);
    expect(notice).toHaveTextContent("Copy it now: it won't be shown again.");
    expect(notice).toHaveTextContent(`/register?invite=${code}`);
    const [sent] = requests.to("/api/v1/admin/invites", "POST");
    expect(await sent?.json()).toEqual({ note: "For Dana", maxUses: 5, expiresInDays: 30 });

    await user.click(within(notice).getByRole("button", { name: "Copy code" }));
    expect(await navigator.clipboard.readText()).toBe(code);
    expect(within(notice).getByRole("button", { name: "Copied" })).toBeInTheDocument();

    await user.click(within(notice).getByRole("button", { name: "Done" }));
    expect(invites().queryByText(code)).not.toBeInTheDocument();
    const row = within(await invites().findByRole("row", { name: /For Dana/ }));
    expect(row.getByRole("rowheader")).toHaveTextContent(`${code.slice(0, 4)}…`);
    expect(row.getByText("0 of 5")).toBeInTheDocument();
    expect(screen.queryByText(code)).not.toBeInTheDocument();
  });

  it("checks the uses before creating", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(NoInvites);
    await invites().findByText("No invite codes yet.");

    await user.clear(invites().getByRole("textbox", { name: "Uses" }));
    await user.type(invites().getByRole("textbox", { name: "Uses" }), "0");
    await user.click(invites().getByRole("button", { name: "Create invite code" }));

    expect(invites().getByRole("textbox", { name: "Uses" })).toHaveAccessibleDescription("From 1 to 10,000 uses.");
    expect(requests.to("/api/v1/admin/invites", "POST")).toHaveLength(0);
  });

  it("revokes an invite after asking", async () => {
    const user = await renderStory(Default);
    const table = within(await invites().findByRole("table", { name: "Invite codes" }));

    await user.click(table.getByRole("button", { name: "Revoke invite LABE…" }));
    await user.click(table.getByRole("button", { name: "Revoke" }));

    await waitFor(() => expect(table.getAllByText("Revoked")).toHaveLength(2));
    expect(settingsApi.admin.state.invites[0]?.revokedAt).not.toBeNull();
  });
});
