import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_RESET_TOKEN } from "../../../mocks/handlers.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./ResetPasswordPage.stories.tsx";

const { ValidLink, InvalidLink, MissingToken } = composeStories(stories, sharedAnnotations);

async function choosePassword(Story: typeof ValidLink, password: string, confirm = password) {
  const user = userEvent.setup();
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await user.type(await screen.findByLabelText("New password"), password);
  await user.type(screen.getByLabelText("Confirm new password"), confirm);
  await user.click(screen.getByRole("button", { name: "Set new password" }));
}

describe("ResetPasswordPage", () => {
  it("sets the new password with the link's token and offers to sign in", async () => {
    const requests = recordApiRequests();
    await choosePassword(ValidLink, "a brand new passphrase");

    const done = await screen.findByRole("status");
    expect(done).toHaveTextContent("Your password has been changed.");
    expect(within(done).getByRole("link", { name: "Sign in with your new password" })).toHaveAttribute(
      "href",
      "/login",
    );
    expect(await requests.to("/api/v1/auth/password/reset")[0]?.json()).toEqual({
      token: MOCK_RESET_TOKEN,
      newPassword: "a brand new passphrase",
    });
  });

  it("shows WEAK_PASSWORD next to the new password", async () => {
    await choosePassword(ValidLink, "password1234");

    expect(await screen.findByText(/too common/i)).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
  });

  it("catches a mismatched confirmation before sending", async () => {
    const requests = recordApiRequests();
    await choosePassword(ValidLink, "a brand new passphrase", "a brand new passphrasf");

    expect(screen.getByLabelText("Confirm new password")).toHaveAccessibleDescription("The passwords don't match");
    expect(requests.to("/api/v1/auth/password/reset")).toHaveLength(0);
  });

  it("explains an expired link and offers a new one", async () => {
    await choosePassword(InvalidLink, "a brand new passphrase");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This reset link has expired or has already been used.");
    expect(within(alert).getByRole("link", { name: "Request a new reset link" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
  });

  it("explains a link without a token", async () => {
    applyStoryHandlers(MissingToken.parameters);
    render(<MissingToken />);

    expect(await screen.findByRole("alert")).toHaveTextContent("This link is missing its reset code.");
    expect(screen.queryByLabelText("New password")).not.toBeInTheDocument();
  });
});
