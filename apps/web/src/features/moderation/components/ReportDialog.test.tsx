import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import {
  listener,
  moderationApi,
  openPlaylist,
  openTrack,
  owner,
  ownTrack,
  theoComment,
} from "../moderationStoryMocks.ts";
import * as stories from "./ReportDialog.stories.tsx";

const { Default, AlreadyReported, RateLimited } = composeStories(stories, sharedAnnotations);

async function renderDialog(Story: typeof Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("dialog", { name: "Report this track" });
  return userEvent.setup();
}

const dialog = () => within(screen.getByRole("dialog"));

describe("ReportDialog", () => {
  it("requires a reason, then sends the report and thanks the reporter", async () => {
    const requests = recordApiRequests();
    const user = await renderDialog(Default);

    await user.click(dialog().getByRole("button", { name: "Send report" }));
    expect(dialog().getByRole("combobox", { name: "Reason" })).toHaveAccessibleDescription("Choose a reason.");
    expect(requests.to("/api/v1/reports")).toHaveLength(0);

    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Copyright infringement");
    await user.type(dialog().getByRole("textbox", { name: /^Details/ }), "  My song, re-uploaded.  ");
    await user.click(dialog().getByRole("button", { name: "Send report" }));

    expect(await dialog().findByRole("status")).toHaveTextContent(
      "Thank you. Your report was sent, and a moderator will look at it.",
    );
    const [sent] = requests.to("/api/v1/reports", "POST");
    expect(await sent?.json()).toEqual({
      subjectType: "track",
      subjectId: openTrack.id,
      category: "copyright",
      details: "My song, re-uploaded.",
    });
  });

  it("says clearly when this person already reported it (409)", async () => {
    const user = await renderDialog(AlreadyReported);

    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Spam or scam");
    await user.click(dialog().getByRole("button", { name: "Send report" }));

    expect(await dialog().findByRole("alert")).toHaveTextContent(
      "You've already reported this track. A moderator will look at it soon.",
    );
    expect(dialog().getByRole("button", { name: "Send report" })).toBeEnabled();
  });

  it("says when to try again after too many reports (429)", async () => {
    const user = await renderDialog(RateLimited);

    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Spam or scam");
    await user.click(dialog().getByRole("button", { name: "Send report" }));

    expect(await dialog().findByRole("alert")).toHaveTextContent(
      "You've sent a lot of reports in a short time. Try again in 30 minutes.",
    );
  });
});

describe("Report buttons", () => {
  function renderAs(me: typeof listener | undefined, route: string) {
    const api = moderationApi(me);
    applyStoryHandlers({ msw: { handlers: api.handlersByDomain } });
    renderWithProviders(<AppRoutes />, { route });
    return { api, user: userEvent.setup() };
  }

  it("offers Report on someone else's track and each of its comments, and a second report is refused", async () => {
    const { api, user } = renderAs(listener, `/tracks/${openTrack.id}`);
    await screen.findByRole("heading", { level: 1, name: openTrack.title });

    const comments = await screen.findByRole("list", { name: "Comments" });
    await user.click(within(comments).getByRole("button", { name: "Report comment by theo" }));
    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Harassment or bullying");
    await user.click(dialog().getByRole("button", { name: "Send report" }));
    expect(await dialog().findByRole("status")).toBeInTheDocument();
    await user.click(dialog().getByRole("button", { name: "Close" }));
    expect(api.admin.state.reports[0]).toMatchObject({ subjectType: "comment", subjectId: theoComment.id });

    await user.click(screen.getByRole("button", { name: "Report this track" }));
    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Spam or scam");
    await user.click(dialog().getByRole("button", { name: "Send report" }));
    await dialog().findByRole("status");
    await user.click(dialog().getByRole("button", { name: "Close" }));

    await user.click(screen.getByRole("button", { name: "Report this track" }));
    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Spam or scam");
    await user.click(dialog().getByRole("button", { name: "Send report" }));
    expect(await dialog().findByRole("alert")).toHaveTextContent("You've already reported this track.");
  });

  it("offers Report on someone else's playlist", async () => {
    const { user } = renderAs(listener, `/playlists/${openPlaylist.id}`);

    await user.click(await screen.findByRole("button", { name: "Report this playlist" }));
    expect(screen.getByRole("dialog", { name: "Report this playlist" })).toBeInTheDocument();
  });

  it("offers Report on someone else's profile", async () => {
    const { api, user } = renderAs(listener, `/creators/${owner.username}`);

    await user.click(await screen.findByRole("button", { name: "Report Lin Park" }));
    await user.selectOptions(dialog().getByRole("combobox", { name: "Reason" }), "Impersonation");
    await user.click(dialog().getByRole("button", { name: "Send report" }));

    await dialog().findByRole("status");
    expect(api.admin.state.reports[0]).toMatchObject({
      subjectType: "user",
      subjectId: owner.id,
      category: "impersonation",
    });
  });

  it("offers no Report on my own things, nor to anyone signed out", async () => {
    renderAs(owner, `/tracks/${ownTrack.id}`);
    await screen.findByRole("heading", { level: 1, name: ownTrack.title });
    await screen.findByRole("region", { name: "Manage this track" });
    expect(screen.queryByRole("button", { name: /^Report/ })).not.toBeInTheDocument();
  });

  it("offers no Report to someone signed out", async () => {
    renderAs(undefined, `/tracks/${openTrack.id}`);
    await screen.findByRole("heading", { level: 1, name: openTrack.title });
    await screen.findByRole("list", { name: "Comments" });
    await waitFor(() =>
      expect(within(screen.getByRole("banner")).getByRole("link", { name: "Sign in" })).toBeInTheDocument(),
    );
    expect(screen.queryByRole("button", { name: /^Report/ })).not.toBeInTheDocument();
  });
});
