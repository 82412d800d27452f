import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./SessionsList.stories.tsx";

const { SeveralDevices, OnlyThisDevice, LoadFails } = composeStories(stories, sharedAnnotations);

async function renderSessions(Story: typeof SeveralDevices) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return await screen.findByRole("list", { name: "Where you're signed in" });
}

const itemFor = (list: HTMLElement, device: string) => {
  const item = within(list)
    .getAllByRole("listitem")
    .find((candidate) => candidate.textContent?.includes(device));
  if (!item) throw new Error(`no session for ${device}`);
  return item;
};

describe("SessionsList", () => {
  it("lists each session's device, IP and last activity, with this device marked first", async () => {
    const list = await renderSessions(SeveralDevices);

    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("Firefox on Linux");
    expect(items[0]).toHaveTextContent("This device");
    expect(within(items[0] as HTMLElement).queryByRole("button")).not.toBeInTheDocument();

    const phone = itemFor(list, "Safari on iOS");
    expect(phone).toHaveTextContent("IP 198.51.100.23");
    expect(phone).toHaveTextContent("Last active");
    expect(phone).not.toHaveTextContent("This device");
    expect(within(phone).getByRole("button", { name: "Sign out Safari on iOS" })).toBeEnabled();
  });

  it("signs out another session, which then leaves the list", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const list = await renderSessions(SeveralDevices);

    await user.click(within(itemFor(list, "Safari on iOS")).getByRole("button", { name: /^Sign out/ }));

    await waitFor(() => expect(list).not.toHaveTextContent("Safari on iOS"));
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(requests.to(/^\/api\/v1\/users\/me\/sessions\/.+/, "DELETE")).toHaveLength(1);
  });

  it("says so when a session cannot be signed out", async () => {
    const user = userEvent.setup();
    const list = await renderSessions(SeveralDevices);
    server.use(http.delete("/api/v1/users/me/sessions/:id", () => errorResponse("NOT_FOUND", "No such session.")));

    await user.click(within(itemFor(list, "Chrome on Windows")).getByRole("button", { name: /^Sign out/ }));

    expect(await within(itemFor(list, "Chrome on Windows")).findByRole("alert")).toHaveTextContent(
      "Couldn't sign out that session. No such session.",
    );
  });

  it("has nothing to sign out when this is the only session", async () => {
    const list = await renderSessions(OnlyThisDevice);

    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(within(list).queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows a failure to load as an alert with a retry", async () => {
    applyStoryHandlers(LoadFails.parameters);
    render(<LoadFails />);

    expect(await screen.findByRole("alert")).toHaveTextContent(/couldn't load your sessions/i);
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
