import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_PASSWORD, MOCK_TOTP_CODE, MOCK_TWO_FACTOR_SECRET } from "../../../mocks/handlers.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./TwoFactorSettings.stories.tsx";

const { Off, On } = composeStories(stories, sharedAnnotations);

async function renderStory(Story: typeof Off) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return await screen.findByRole("region", { name: "Two-factor authentication" });
}

describe("TwoFactorSettings", () => {
  it("sets up two-factor: QR code and key, code confirmation, then the ten backup codes once", async () => {
    const user = userEvent.setup();
    const card = await renderStory(Off);
    expect(within(card).getByText(/Two-factor authentication is/)).toHaveTextContent(
      "Two-factor authentication is off.",
    );

    await user.click(within(card).getByRole("button", { name: "Set up two-factor authentication" }));

    const qr = await within(card).findByRole("img", { name: "QR code for your authenticator app" });
    expect(qr.getAttribute("src")).toMatch(/^data:image\//);
    expect(within(card).getByText(MOCK_TWO_FACTOR_SECRET)).toBeInTheDocument();

    expect(
      within(card).getByText(/signs out your other sessions and revokes your personal access tokens/i),
    ).toBeVisible();
    await user.type(within(card).getByLabelText("Code from your app"), MOCK_TOTP_CODE);
    await user.type(within(card).getByLabelText("Your password"), MOCK_PASSWORD);
    await user.click(within(card).getByRole("button", { name: "Turn on two-factor authentication" }));

    const codes = await within(card).findByRole("region", { name: "Your backup codes" });
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
    expect(codes).toHaveTextContent(/save these codes now: you won't be able to see them again/i);
    // Whoever else was signed in (an intruder, perhaps) is out: the page says so.
    const notice = within(card).getByRole("status");
    expect(notice).toHaveTextContent(/two-factor authentication is now on/i);
    expect(notice).toHaveTextContent(/other sessions were signed out and your personal access tokens were revoked/i);

    await user.click(within(codes).getByRole("button", { name: "I've saved my backup codes" }));

    expect(within(card).queryByRole("region", { name: "Your backup codes" })).not.toBeInTheDocument();
    expect(await within(card).findByText(/Two-factor authentication is/)).toHaveTextContent(
      "Two-factor authentication is on.",
    );
  });

  it("says so when the confirmation code is wrong, and stays off", async () => {
    const user = userEvent.setup();
    const card = await renderStory(Off);
    await user.click(within(card).getByRole("button", { name: "Set up two-factor authentication" }));

    await user.type(await within(card).findByLabelText("Code from your app"), "000000");
    await user.type(within(card).getByLabelText("Your password"), MOCK_PASSWORD);
    await user.click(within(card).getByRole("button", { name: "Turn on two-factor authentication" }));

    expect(await within(card).findByText(/that code didn't work/i)).toBeInTheDocument();
    expect(within(card).getByLabelText("Code from your app")).toHaveAccessibleDescription(/that code didn't work/i);
    expect(within(card).queryByRole("region", { name: "Your backup codes" })).not.toBeInTheDocument();
  });

  it("asks for the current password to turn two-factor on, and refuses a wrong one", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(Off);
    await user.click(within(card).getByRole("button", { name: "Set up two-factor authentication" }));

    await user.type(await within(card).findByLabelText("Code from your app"), MOCK_TOTP_CODE);
    await user.click(within(card).getByRole("button", { name: "Turn on two-factor authentication" }));
    expect(within(card).getByLabelText(/Your password/)).toHaveAccessibleDescription(/enter your password/i);
    expect(requests.to("/api/v1/users/me/2fa/enable", "POST")).toHaveLength(0);

    await user.type(within(card).getByLabelText(/Your password/), "not my password");
    await user.click(within(card).getByRole("button", { name: "Turn on two-factor authentication" }));
    expect(await within(card).findByText("Your password is incorrect.")).toBeInTheDocument();
    expect(within(card).queryByRole("region", { name: "Your backup codes" })).not.toBeInTheDocument();
    const [enable] = requests.to("/api/v1/users/me/2fa/enable", "POST");
    expect(await enable?.json()).toEqual({ code: MOCK_TOTP_CODE, password: "not my password" });
  });

  it("makes a new set of backup codes when two-factor is on", async () => {
    const user = userEvent.setup();
    const card = await renderStory(On);
    const form = within(card).getByRole("form", { name: "New backup codes" });

    await user.type(within(form).getByLabelText(/Code from your app/), MOCK_TOTP_CODE);
    await user.click(within(form).getByRole("button", { name: "Generate new backup codes" }));

    const codes = await within(card).findByRole("region", { name: "Your backup codes" });
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
  });

  it("asks for a code, not the password, before making new backup codes", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(On);
    const form = within(card).getByRole("form", { name: "New backup codes" });
    // A stolen session and a leaked password must not replace the owner's codes.
    expect(within(form).queryByLabelText(/Password/)).not.toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Generate new backup codes" }));
    expect(within(form).getByLabelText(/Code from your app/)).toHaveAccessibleDescription(
      /enter a code from your authenticator app/i,
    );
    expect(requests.to("/api/v1/users/me/2fa/backup-codes", "POST")).toHaveLength(0);

    await user.type(within(form).getByLabelText(/Code from your app/), "000000");
    await user.click(within(form).getByRole("button", { name: "Generate new backup codes" }));
    expect(await within(form).findByText(/That code didn't work/)).toBeInTheDocument();
    expect(within(card).queryByRole("region", { name: "Your backup codes" })).not.toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/Code from your app/));
    await user.type(within(form).getByLabelText(/Code from your app/), MOCK_TOTP_CODE);
    await user.click(within(form).getByRole("button", { name: "Generate new backup codes" }));
    const codes = await within(card).findByRole("region", { name: "Your backup codes" });
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
    const posts = requests.to("/api/v1/users/me/2fa/backup-codes", "POST");
    expect(await posts.at(-1)?.json()).toEqual({ code: MOCK_TOTP_CODE });
  });

  it("turns two-factor off with password and code, and refuses a wrong password", async () => {
    const user = userEvent.setup();
    const card = await renderStory(On);
    const form = within(card).getByRole("form", { name: "Turn off two-factor authentication" });

    await user.type(within(form).getByLabelText("Password"), "wrong password");
    await user.type(within(form).getByLabelText(/Code from your app/), MOCK_TOTP_CODE);
    await user.click(within(form).getByRole("button", { name: "Turn off two-factor authentication" }));
    expect(await within(form).findByText("Your password is incorrect.")).toBeInTheDocument();

    await user.clear(within(form).getByLabelText("Password"));
    await user.type(within(form).getByLabelText("Password"), MOCK_PASSWORD);
    await user.click(within(form).getByRole("button", { name: "Turn off two-factor authentication" }));

    expect(await within(card).findByRole("status")).toHaveTextContent("Two-factor authentication is now off.");
    expect(within(card).getByRole("button", { name: "Set up two-factor authentication" })).toBeInTheDocument();
  });
});
