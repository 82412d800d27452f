import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { auditCsvHref, auditQuery, emptyAuditFilters } from "../auditFilters.ts";
import * as stories from "./AuditTab.stories.tsx";

const { Everything, AdminActions } = composeStories(stories, sharedAnnotations);

async function renderStory(Story: typeof Everything) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("table", { name: "Audit log" });
  return userEvent.setup();
}

const actions = () =>
  within(screen.getByRole("table", { name: "Audit log" }))
    .getAllByRole("rowheader")
    .map((cell) => cell.textContent);
const filters = () => within(screen.getByRole("form", { name: "Filter the audit log" }));
const csvLink = () => screen.getByRole("link", { name: "Export CSV" });

describe("Audit log", () => {
  it("lists entries newest first: when, who, what, to what", async () => {
    await renderStory(Everything);

    expect(actions()).toEqual([
      "admin.role_change",
      "admin.user_suspend",
      "moderation.takedown",
      "admin.settings_update",
      "user.login",
      "user.login",
      "user.login",
    ]);
    const first = within(screen.getAllByRole("row")[1] as HTMLElement);
    expect(first.getByRole("link", { name: "root" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/admin\/users\//),
    );
    expect(first.getByText("from: user, to: creator")).toBeInTheDocument();
    expect(csvLink()).toHaveAttribute("href", "/api/v1/admin/audit.csv");
  });

  it("filters by actor, action, target and dates, and the CSV link follows the same filters", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Everything);

    await user.type(filters().getByRole("textbox", { name: "Action" }), "admin.");
    await user.type(filters().getByRole("textbox", { name: "Actor" }), "root");
    await user.type(filters().getByRole("textbox", { name: "Target type" }), "user");
    // The fixtures' clock reads 2025-05-01.
    await user.type(filters().getByLabelText("From (UTC)"), "2025-04-30");
    await user.type(filters().getByLabelText("To (UTC)"), "2025-05-01");
    await user.click(filters().getByRole("button", { name: "Apply filters" }));

    await waitFor(() => expect(actions()).toEqual(["admin.role_change", "admin.user_suspend"]));
    const sent = requests.to("/api/v1/admin/audit").at(-1)?.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      actor: "root",
      action: "admin.",
      targetType: "user",
      from: "2025-04-30T00:00:00.000Z",
      to: "2025-05-01T23:59:59.999Z",
      limit: "25",
    });
    const href = new URL(csvLink().getAttribute("href") ?? "", "http://localhost");
    expect(href.pathname).toBe("/api/v1/admin/audit.csv");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      actor: "root",
      action: "admin.",
      targetType: "user",
      from: "2025-04-30T00:00:00.000Z",
      to: "2025-05-01T23:59:59.999Z",
    });

    await user.click(filters().getByRole("button", { name: "Clear" }));
    await waitFor(() => expect(actions()).toHaveLength(7));
    expect(filters().getByRole("textbox", { name: "Action" })).toHaveValue("");
    expect(csvLink()).toHaveAttribute("href", "/api/v1/admin/audit.csv");
  });

  it("starts from the filters in the URL", async () => {
    await renderStory(AdminActions);

    expect(actions()).toEqual(["admin.role_change", "admin.user_suspend", "admin.settings_update"]);
    expect(filters().getByRole("textbox", { name: "Action" })).toHaveValue("admin.");
    expect(csvLink()).toHaveAttribute("href", "/api/v1/admin/audit.csv?action=admin.");
  });

  it("says when nothing matches", async () => {
    const user = await renderStory(Everything);
    await user.type(filters().getByRole("textbox", { name: "Actor" }), "nobody");
    await user.click(filters().getByRole("button", { name: "Apply filters" }));
    expect(await screen.findByText("No entries match these filters.")).toBeInTheDocument();
  });
});

describe("auditQuery", () => {
  it("leaves blanks out and turns days into whole UTC days", () => {
    expect(auditQuery({ ...emptyAuditFilters, targetId: " 42 ", from: "2025-01-02", to: "not a day" }).toString()).toBe(
      "targetId=42&from=2025-01-02T00%3A00%3A00.000Z",
    );
    expect(auditCsvHref(emptyAuditFilters)).toBe("/api/v1/admin/audit.csv");
  });
});
