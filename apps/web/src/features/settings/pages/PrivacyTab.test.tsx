import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse, MOCK_PASSWORD, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./PrivacyTab.stories.tsx";

const { NoExports, PendingAndReady, LimitReached, DeleteAccount, DeleteAccountWithTwoFactor } = composeStories(
  stories,
  sharedAnnotations,
);

// Longer than one poll of the export list (2 s), on a busy machine.
const POLL_WAIT = { timeout: 8000 };

function renderStory(Story: typeof NoExports) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

const exportSection = () => screen.findByRole("region", { name: "Download my data" });
const deleteForm = async () => within(await screen.findByRole("region", { name: "Delete my account" }));

async function fillDeleteForm(
  user: ReturnType<typeof userEvent.setup>,
  { password = MOCK_PASSWORD, confirmation = "DELETE" } = {},
) {
  const form = await deleteForm();
  if (password) await user.type(form.getByLabelText("Password"), password);
  if (confirmation) await user.type(form.getByLabelText("Type DELETE to confirm"), confirmation);
  return form;
}

describe("Settings → Privacy: download my data", () => {
  it("is a tab of the settings", async () => {
    renderStory(NoExports);
    const tabs = await screen.findByRole("navigation", { name: "Settings" });
    expect(within(tabs).getByRole("link", { name: "Privacy" })).toHaveAttribute("aria-current", "page");
  });

  it("requests an export, lists it while it is prepared, then offers the download", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    renderStory(NoExports);
    const section = within(await exportSection());
    expect(await section.findByText("You haven't requested an export yet.")).toBeInTheDocument();
    expect(section.getByText(/you have 3 left/)).toBeInTheDocument();

    await user.click(section.getByRole("button", { name: "Request my data" }));

    const list = await section.findByRole("list", { name: "Your exports" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(within(list).getByText("Queued")).toBeInTheDocument();
    expect(within(list).queryByRole("link")).not.toBeInTheDocument();
    expect(requests.to("/api/v1/me/export", "POST")).toHaveLength(1);

    // No reload: the list is polled while the export is being prepared.
    const download = await within(list).findByRole("link", { name: /^Download the export requested/ }, POLL_WAIT);
    expect(download.getAttribute("href")).toMatch(/^\/api\/v1\/me\/exports\/[0-9a-f-]+\/download$/);
    expect(within(list).getByText("Ready")).toBeInTheDocument();
    expect(within(list).getByText(/2\.3 MB · Available until/)).toBeInTheDocument();
    expect(section.getByText(/you have 2 left/)).toBeInTheDocument();
  });

  it("links each ready export to its download, and none that is queued or expired", async () => {
    renderStory(PendingAndReady);
    const section = within(await exportSection());
    const items = within(await section.findByRole("list", { name: "Your exports" })).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    const [pending, ready, expired] = items as [HTMLElement, HTMLElement, HTMLElement];

    expect(within(pending).getByText("Queued")).toBeInTheDocument();
    expect(within(pending).queryByRole("link")).not.toBeInTheDocument();
    expect(within(ready).getByText("Ready")).toBeInTheDocument();
    expect(within(ready).getByRole("link", { name: /^Download/ })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/api\/v1\/me\/exports\/.+\/download$/),
    );
    expect(within(expired).getByText("Expired")).toBeInTheDocument();
    expect(within(expired).getByText(/the file has been deleted/)).toBeInTheDocument();
    expect(within(expired).queryByRole("link")).not.toBeInTheDocument();
  });

  it("explains the limit once three exports were requested in 24 hours", async () => {
    renderStory(LimitReached);
    const section = within(await exportSection());

    expect(
      await section.findByText(/You've requested 3 exports in the last 24 hours, the most allowed/),
    ).toHaveTextContent(/You can request the next one after/);
    expect(section.getByRole("button", { name: "Request my data" })).toBeDisabled();
  });

  it("says when the next export is possible when the server refuses one (429)", async () => {
    const user = userEvent.setup();
    renderStory(NoExports);
    server.use(
      http.post("/api/v1/me/export", () =>
        errorResponse("EXPORT_RATE_LIMITED", "You can request 3 exports a day.", {
          details: { retryAfterSeconds: 5 * 3600 },
          retryAfterSeconds: 5 * 3600,
        }),
      ),
    );
    const section = within(await exportSection());
    await section.findByText(/you have 3 left/);

    await user.click(section.getByRole("button", { name: "Request my data" }));

    const alert = await section.findByRole("alert");
    expect(alert).toHaveTextContent(/already requested 3 exports in the last 24 hours/);
    expect(alert).toHaveTextContent(/You can request the next one after .+ \(in about 5 hours\)/);
  });

  it("reads the wait from the error details when there is no Retry-After header", async () => {
    const user = userEvent.setup();
    renderStory(NoExports);
    server.use(
      http.post("/api/v1/me/export", () =>
        errorResponse("EXPORT_RATE_LIMITED", "You can request 3 exports a day.", {
          details: { retryAfterSeconds: 25 * 60 },
        }),
      ),
    );
    const section = within(await exportSection());
    await section.findByText(/you have 3 left/);

    await user.click(section.getByRole("button", { name: "Request my data" }));

    expect(await section.findByRole("alert")).toHaveTextContent(/\(in 25 minutes\)/);
  });
});

describe("Settings → Privacy: delete my account", () => {
  it("says what happens and when, before anything is deleted", async () => {
    renderStory(DeleteAccount);
    const section = await screen.findByRole("region", { name: "Delete my account" });

    for (const text of [
      /signed out on every device/,
      /email address, username, display name, bio, avatar, location and links are erased/,
      /private and unlisted tracks are deleted/,
      /public tracks are deleted too, unless you choose below to keep them/,
      /listening history, likes, follows, playlists, notifications and data exports are removed/,
      /Messages you sent stay with the people you sent them to/,
      /After 30 days:.*IP addresses/,
      /This cannot be undone/,
    ]) {
      expect(section).toHaveTextContent(text);
    }
    expect(within(section).queryByLabelText(/Code from your authenticator app/)).not.toBeInTheDocument();
  });

  it("requires the password and the typed confirmation", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    renderStory(DeleteAccount);
    const form = await deleteForm();

    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(form.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password");
    expect(form.getByLabelText("Type DELETE to confirm")).toHaveAccessibleDescription("Type DELETE to confirm");

    await user.type(form.getByLabelText("Password"), MOCK_PASSWORD);
    await user.type(form.getByLabelText("Type DELETE to confirm"), "delete");
    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(form.getByLabelText("Type DELETE to confirm")).toHaveAccessibleDescription("Type DELETE to confirm");
    expect(requests.to("/api/v1/users/me", "DELETE")).toHaveLength(0);
  });

  it("says so at the password field when the password is wrong, and keeps the account", async () => {
    const user = userEvent.setup();
    renderStory(DeleteAccount);
    const form = await fillDeleteForm(user, { password: "not my password" });

    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(await form.findByText("Your password is incorrect.")).toBeInTheDocument();
    expect(form.getByLabelText("Password")).toHaveAccessibleDescription("Your password is incorrect.");
    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });

  it("sends keepPublicTracks when ticked, then signs out and goes home with a notice", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    renderStory(DeleteAccount);
    const form = await deleteForm();
    await user.click(form.getByRole("checkbox", { name: /Keep my public tracks playable/ }));
    await fillDeleteForm(user);

    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/Your account has been deleted/);
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    const [sent] = requests.to("/api/v1/users/me", "DELETE");
    expect(await sent?.json()).toEqual({ password: MOCK_PASSWORD, keepPublicTracks: true });
  });

  it("sends keepPublicTracks false when left unticked", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    renderStory(DeleteAccount);
    const form = await fillDeleteForm(user);

    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    const [sent] = requests.to("/api/v1/users/me", "DELETE");
    expect(await sent?.json()).toEqual({ password: MOCK_PASSWORD, keepPublicTracks: false });
  });

  it("requires a two-factor code when two-factor is on, and refuses a wrong one", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    renderStory(DeleteAccountWithTwoFactor);
    const form = await fillDeleteForm(user);
    const code = form.getByLabelText("Code from your authenticator app");

    await user.click(form.getByRole("button", { name: "Delete my account" }));
    expect(code).toHaveAccessibleDescription(/Enter a code from your authenticator app/);
    expect(requests.to("/api/v1/users/me", "DELETE")).toHaveLength(0);

    await user.type(code, "000000");
    await user.click(form.getByRole("button", { name: "Delete my account" }));
    expect(await form.findByText(/That code didn't work/)).toBeInTheDocument();

    await user.clear(code);
    await user.type(code, MOCK_TOTP_CODE);
    await user.click(form.getByRole("button", { name: "Delete my account" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    const sent = requests.to("/api/v1/users/me", "DELETE").at(-1);
    expect(await sent?.json()).toEqual({ password: MOCK_PASSWORD, code: MOCK_TOTP_CODE, keepPublicTracks: false });
  });

  it("forgets the session: the header no longer shows the account", async () => {
    const user = userEvent.setup();
    renderStory(DeleteAccount);
    const form = await fillDeleteForm(user);
    await user.click(form.getByRole("button", { name: "Delete my account" }));
    await screen.findByRole("heading", { level: 1, name: "Welcome" });

    await waitFor(() => expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument());
    expect(screen.queryByRole("link", { name: "Settings" })).not.toBeInTheDocument();
  });
});
