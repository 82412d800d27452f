import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { gus, reports, spamComment, theoPlaylist, theoTrack } from "../adminStoryMocks.ts";
import * as dialogStories from "../components/ResolveReportDialog.stories.tsx";
import * as stories from "./ModerationTab.stories.tsx";

const { AsModerator, AsAdmin, Resolved, EmptyQueue } = composeStories(stories, sharedAnnotations);
const { UserReport } = composeStories(dialogStories, sharedAnnotations);
const { moderatorApi } = stories;

async function renderStory(Story: typeof AsModerator) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 2, name: "Reports" });
  return userEvent.setup();
}

const queue = (name = "Open reports") => screen.findByRole("list", { name });
const labels = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector(".report__label")?.textContent);
const itemAbout = (list: HTMLElement, label: string) =>
  within(within(list).getByText(label).closest("li") as HTMLElement);
const dialog = () => within(screen.getByRole("dialog", { name: "Resolve report" }));

describe("Moderation queue", () => {
  it("lists open reports newest first: subject with a link, category, details and reporter", async () => {
    await renderStory(AsModerator);

    const list = await queue();
    expect(labels(list)).toEqual(["Paper Planes", spamComment.body, "Stolen Tapes", "gus"]);
    const track = itemAbout(list, "Paper Planes");
    expect(track.getByRole("link", { name: "Paper Planes" })).toHaveAttribute("href", `/tracks/${theoTrack.id}`);
    expect(track.getByText("Copyright infringement")).toBeInTheDocument();
    expect(track.getByText(/This is my song, uploaded without permission\./)).toBeInTheDocument();
    expect(track.getByText(/Reported by cyril/)).toBeInTheDocument();
    expect(track.getByText("by Theo", { exact: false })).toBeInTheDocument();
    const comment = itemAbout(list, spamComment.body);
    expect(comment.getByRole("link")).toHaveAttribute("href", `/tracks/${spamComment.trackId}#comments`);
    expect(comment.getByText("No details given.")).toBeInTheDocument();
  });

  it("filters by subject type and status, from the URL too", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(AsModerator);
    await queue();
    const filters = within(screen.getByRole("form", { name: "Filter reports" }));

    await user.selectOptions(filters.getByRole("combobox", { name: "About" }), "Users");
    await waitFor(async () => expect(labels(await queue())).toEqual(["gus"]));
    expect(requests.to("/api/v1/admin/reports").at(-1)?.searchParams.get("subjectType")).toBe("user");

    await user.selectOptions(filters.getByRole("combobox", { name: "About" }), "Anything");
    await user.selectOptions(filters.getByRole("combobox", { name: "Status" }), "Resolved");
    const resolved = await queue("Resolved reports");
    expect(labels(resolved)).toEqual(["Borrowed Beat"]);
    expect(within(resolved).getByText(/Taken down by Site admin/)).toHaveTextContent(
      "Claimed by Example Records: it uses their master.",
    );
    expect(within(resolved).queryByRole("button", { name: /^Resolve/ })).not.toBeInTheDocument();
  });

  it("opens on resolved reports from the URL", async () => {
    await renderStory(Resolved);
    expect(labels(await queue("Resolved reports"))).toEqual(["Borrowed Beat"]);
  });

  it("takes a track down as a copyright claim, after requiring a decision and a note", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(AsModerator);
    const list = await queue();

    await user.click(itemAbout(list, "Paper Planes").getByRole("button", { name: "Resolve report on Paper Planes" }));
    expect(dialog().getByRole("radio", { name: "Take the track down" })).toBeInTheDocument();
    expect(dialog().queryByRole("radio", { name: "Restore the track" })).not.toBeInTheDocument();
    await user.click(dialog().getByRole("button", { name: "Resolve" }));
    expect(dialog().getByText("Choose what to do.")).toBeInTheDocument();
    expect(dialog().getByRole("textbox", { name: "Note" })).toHaveAccessibleDescription(/Write a note\./);
    expect(requests.to(/\/resolve$/)).toHaveLength(0);

    await user.click(dialog().getByRole("radio", { name: "Take the track down" }));
    // A copyright report starts ticked as a copyright claim.
    expect(dialog().getByRole("checkbox", { name: "It's a copyright claim" })).toBeChecked();
    expect(dialog().getByRole("textbox", { name: "Note" })).toHaveAccessibleDescription(/The owner is told this/);
    await user.type(
      dialog().getByRole("textbox", { name: "Note" }),
      "Uploaded without the rights holder's permission.",
    );
    await user.click(dialog().getByRole("button", { name: "Resolve" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Taken down, and the report resolved.");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(async () => expect(labels(await queue())).toEqual([spamComment.body, "Stolen Tapes", "gus"]));
    const [sent] = requests.to(`/api/v1/admin/reports/${reports[0]?.id}/resolve`, "POST");
    expect(await sent?.json()).toEqual({
      action: "take_down",
      note: "Uploaded without the rights holder's permission.",
      copyright: true,
    });
    const track = moderatorApi.tracks.state.tracks.find((candidate) => candidate.id === theoTrack.id);
    expect(track).toMatchObject({
      status: "hidden",
      takedown: { kind: "copyright", reason: "Uploaded without the rights holder's permission." },
    });
  });

  it("dismisses a report, which then shows among the dismissed", async () => {
    const user = await renderStory(AsModerator);
    const list = await queue();

    await user.click(itemAbout(list, "Stolen Tapes").getByRole("button", { name: /^Resolve report/ }));
    await user.click(dialog().getByRole("radio", { name: "Dismiss the report as unfounded" }));
    expect(dialog().queryByRole("checkbox", { name: "It's a copyright claim" })).not.toBeInTheDocument();
    await user.type(dialog().getByRole("textbox", { name: "Note" }), "The title is fine.");
    await user.click(dialog().getByRole("button", { name: "Resolve" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Report dismissed.");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Dismissed");
    const dismissed = await queue("Dismissed reports");
    expect(within(dismissed).getByText(/Dismissed by Morgan/)).toHaveTextContent("The title is fine.");
  });

  it("says when another moderator closed the report first (409), and the queue drops it", async () => {
    const user = await renderStory(AsModerator);
    const list = await queue();
    await user.click(itemAbout(list, "Stolen Tapes").getByRole("button", { name: /^Resolve report/ }));
    // Another moderator dismisses it while this one is writing the note.
    const report = moderatorApi.admin.state.reports.find((candidate) => candidate.subjectId === theoPlaylist.id);
    if (report) report.status = "dismissed";

    await user.click(dialog().getByRole("radio", { name: "Leave it as it is (no action)" }));
    await user.type(dialog().getByRole("textbox", { name: "Note" }), "Looks fine to me.");
    await user.click(dialog().getByRole("button", { name: "Resolve" }));

    expect(await dialog().findByRole("alert")).toHaveTextContent(
      "The report wasn't resolved. Someone else closed this report while you were looking at it.",
    );
    await waitFor(async () => expect(labels(await queue())).toEqual(["Paper Planes", spamComment.body, "gus"]));
  });

  it("offers no takedown for a user report: they are suspended from their admin page", async () => {
    applyStoryHandlers(UserReport.parameters);
    render(<UserReport />);
    await screen.findByRole("dialog", { name: "Resolve report" });

    expect(
      dialog()
        .getAllByRole("radio")
        .map((radio) => radio.closest("label")?.textContent?.trim()),
    ).toEqual(["Leave it as it is (no action)", "Dismiss the report as unfounded"]);
  });

  it("says when the queue is empty", async () => {
    await renderStory(EmptyQueue);
    expect(await screen.findByText("No open reports. All caught up.")).toBeInTheDocument();
  });

  it("is the moderator's only tab; an admin has it among the others", async () => {
    await renderStory(AsModerator);
    expect(screen.getByRole("heading", { level: 1, name: "Moderation" })).toBeInTheDocument();
    const tabs = () => within(screen.getByRole("navigation", { name: "Admin" }));
    expect(
      tabs()
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Moderation"]);
  });

  it("shows the same queue to an admin", async () => {
    await renderStory(AsAdmin);
    expect(screen.getByRole("heading", { level: 1, name: "Admin" })).toBeInTheDocument();
    const list = await queue();
    expect(labels(list)).toHaveLength(4);
    // A reported user is suspended from their account page, which only admins have.
    expect(itemAbout(list, "gus").getByRole("link", { name: "Their account page" })).toHaveAttribute(
      "href",
      `/admin/users/${gus.id}`,
    );
  });
});
