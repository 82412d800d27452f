import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import * as stories from "./TwoFactorLoginForm.stories.tsx";

const { AskingForCode } = composeStories(stories, sharedAnnotations);

describe("TwoFactorLoginForm", () => {
  it("asks for a code, and checks its length before sending", async () => {
    const user = userEvent.setup();
    render(<AskingForCode />);

    await user.type(screen.getByLabelText("Authentication code"), "123");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));

    expect(screen.getByLabelText("Authentication code")).toHaveAttribute("aria-invalid", "true");
    expect(AskingForCode.args.onSignedIn).not.toHaveBeenCalled();
  });

  it("shows an expired sign-in attempt as an alert", async () => {
    const user = userEvent.setup();
    render(<AskingForCode />);

    await user.type(screen.getByLabelText("Authentication code"), MOCK_TOTP_CODE);
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This sign-in attempt has expired. Start over and enter your password again.",
    );
  });

  it("starts over on request", async () => {
    const user = userEvent.setup();
    render(<AskingForCode />);

    await user.click(screen.getByRole("button", { name: "Start over" }));

    expect(AskingForCode.args.onStartOver).toHaveBeenCalledOnce();
  });
});
