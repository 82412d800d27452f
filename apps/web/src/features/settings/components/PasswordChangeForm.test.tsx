import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_PASSWORD } from "../../../mocks/handlers.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./PasswordChangeForm.stories.tsx";

const { Default } = composeStories(stories, sharedAnnotations);

async function renderForm() {
  applyStoryHandlers(Default.parameters);
  render(<Default />);
  await screen.findByRole("form", { name: "Change password" });
  const user = userEvent.setup();
  return {
    user,
    async fill(current: string, next: string, confirm = next) {
      await user.type(screen.getByLabelText("Current password"), current);
      await user.type(screen.getByLabelText("New password"), next);
      await user.type(screen.getByLabelText("Confirm new password"), confirm);
      await user.click(screen.getByRole("button", { name: "Change password" }));
    },
  };
}

describe("PasswordChangeForm", () => {
  it("changes the password and says the other sessions were signed out", async () => {
    const requests = recordApiRequests();
    const { fill } = await renderForm();

    await fill(MOCK_PASSWORD, "a much longer passphrase");

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Password changed. Your other sessions have been signed out and your access tokens revoked.",
    );
    const [put] = requests.to("/api/v1/users/me/password", "PUT");
    expect(await put?.json()).toEqual({ currentPassword: MOCK_PASSWORD, newPassword: "a much longer passphrase" });
    expect(screen.getByLabelText("Current password")).toHaveValue("");
  });

  it("shows PASSWORD_INCORRECT next to the current password", async () => {
    const { fill } = await renderForm();

    await fill("not my password", "a much longer passphrase");

    const current = screen.getByLabelText("Current password");
    expect(await screen.findByText("Your current password is incorrect.")).toBeInTheDocument();
    expect(current).toHaveAccessibleDescription("Your current password is incorrect.");
    expect(current).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows WEAK_PASSWORD next to the new password", async () => {
    const { fill } = await renderForm();

    await fill(MOCK_PASSWORD, "password1234");

    expect(await screen.findByText(/too common/i)).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(/too common/i);
  });

  it("checks length and the confirmation before sending anything", async () => {
    const requests = recordApiRequests();
    const { fill } = await renderForm();

    await fill(MOCK_PASSWORD, "short", "different");

    // The hint also says "at least 10 characters"; the field being marked invalid is the error.
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Current password")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByLabelText("Confirm new password")).toHaveAccessibleDescription("The new passwords don't match");
    expect(requests.to("/api/v1/users/me/password")).toHaveLength(0);
  });
});
