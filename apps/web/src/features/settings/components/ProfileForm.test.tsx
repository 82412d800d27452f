import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./ProfileForm.stories.tsx";

const { Filled, Empty, RejectedByServer } = composeStories(stories, sharedAnnotations);

async function renderStory(Story: typeof Filled) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return await screen.findByRole("form", { name: "Profile" });
}

describe("ProfileForm", () => {
  it("starts from the saved profile", async () => {
    await renderStory(Filled);

    expect(screen.getByLabelText("Display name (optional)")).toHaveValue("Ada Lovelace");
    expect(screen.getByLabelText("Bio (optional)")).toHaveValue("Composer of analytical engines.");
    expect(screen.getByLabelText("Location (optional)")).toHaveValue("London");
  });

  it("saves changes, says so, and sends an emptied field as null", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    await renderStory(Filled);

    await user.clear(screen.getByLabelText("Display name (optional)"));
    await user.type(screen.getByLabelText("Display name (optional)"), "Countess of Lovelace");
    await user.clear(screen.getByLabelText("Location (optional)"));
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Profile saved.");
    const [patch] = requests.to("/api/v1/users/me", "PATCH");
    expect(await patch?.json()).toEqual({
      displayName: "Countess of Lovelace",
      bio: "Composer of analytical engines.",
      location: null,
    });
    // Sent from a reloaded page: the session's CSRF token was loaded and sent with it.
    expect(patch?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    expect(screen.getByLabelText("Location (optional)")).toHaveValue("");
  });

  it("fills empty fields for a new account", async () => {
    await renderStory(Empty);

    expect(screen.getByLabelText("Display name (optional)")).toHaveValue("");
    expect(screen.getByLabelText("Bio (optional)")).toHaveValue("");
  });

  it("shows a server validation error next to its field", async () => {
    const user = userEvent.setup();
    await renderStory(RejectedByServer);

    await user.click(screen.getByRole("button", { name: "Save profile" }));

    const field = screen.getByLabelText("Display name (optional)");
    expect(await screen.findByText("This display name is reserved")).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(/This display name is reserved/);
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows any other failure as an alert", async () => {
    const user = userEvent.setup();
    await renderStory(Filled);
    server.use(http.patch("/api/v1/users/me", () => errorResponse("SERVICE_UNAVAILABLE", "Down for maintenance.")));

    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(/your profile wasn't saved/i);
  });
});
