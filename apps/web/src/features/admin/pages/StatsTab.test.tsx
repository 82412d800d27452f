import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./StatsTab.stories.tsx";

const { Default, NoFailedJobs } = composeStories(stories, sharedAnnotations);

async function renderStory(Story: typeof Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByLabelText("Totals");
  return userEvent.setup();
}

const total = (name: string) => {
  const term = within(screen.getByLabelText("Totals")).getByText(name, { selector: "dt" });
  return term.nextElementSibling?.textContent;
};

describe("Admin stats", () => {
  it("counts users, tracks, storage, reports and jobs", async () => {
    await renderStory(Default);

    expect(total("Users")).toBe("25");
    expect(total("Suspended")).toBe("1");
    expect(total("Tracks")).toBe("5");
    expect(total("Storage used")).toBe("40.0 MB");
    expect(total("Open reports")).toBe("4");
    expect(total("Jobs failed")).toBe("2");
    const roles = within(screen.getByRole("table", { name: "Users by role" }));
    expect(roles.getByRole("row", { name: "Listener 13" })).toBeInTheDocument();
    expect(roles.getByRole("row", { name: "Administrator 1" })).toBeInTheDocument();
    const tracks = within(screen.getByRole("table", { name: "Tracks by status" }));
    expect(tracks.getByRole("row", { name: "Hidden 2" })).toBeInTheDocument();
  });

  it("charts sign-ups and plays per day over the last 30 days", async () => {
    await renderStory(Default);

    const signups = screen.getByRole("img", { name: "Sign-ups per day, last 30 days" });
    expect(signups).toHaveAccessibleDescription(/sign-ups from Apr 2, 2025 to May 1, 2025; the busiest day was/);
    expect(signups.querySelectorAll("rect.plays-chart__bar")).toHaveLength(30);
    expect(screen.getByRole("img", { name: "Plays per day, last 30 days" })).toHaveAccessibleDescription(/plays from/);
  });

  it("retries a failed job, which leaves the list", async () => {
    const user = await renderStory(Default);
    const jobs = within(screen.getByRole("region", { name: "Failed jobs" }));
    await jobs.findByRole("table", { name: "Failed jobs" });

    await user.click(jobs.getByRole("button", { name: "Retry mail.send" }));

    await waitFor(() => expect(jobs.queryByRole("button", { name: "Retry mail.send" })).not.toBeInTheDocument());
    expect(jobs.getByRole("button", { name: "Retry tracks.process" })).toBeInTheDocument();
    await waitFor(() => expect(total("Jobs failed")).toBe("1"));
  });

  it("says when no job failed", async () => {
    await renderStory(NoFailedJobs);
    expect(await screen.findByText("No failed jobs.")).toBeInTheDocument();
  });
});
