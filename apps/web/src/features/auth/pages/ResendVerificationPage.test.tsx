import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./ResendVerificationPage.stories.tsx";

const { SignedOut, SignedInUnverified } = composeStories(stories, sharedAnnotations);

describe("ResendVerificationPage", () => {
  it("sends a new link and shows the server's answer", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    applyStoryHandlers(SignedOut.parameters);
    render(<SignedOut />);

    await user.type(await screen.findByLabelText("Email"), "newbie@example.com");
    await user.click(screen.getByRole("button", { name: "Send verification link" }));

    expect(await screen.findByRole("status")).toHaveTextContent(/we've sent it a new verification link/);
    expect(await requests.to("/api/v1/auth/verify-email/resend")[0]?.json()).toEqual({ email: "newbie@example.com" });
  });

  it("refuses an address that isn't one, next to the field", async () => {
    const user = userEvent.setup();
    applyStoryHandlers(SignedOut.parameters);
    render(<SignedOut />);

    await user.type(await screen.findByLabelText("Email"), "newbie");
    await user.click(screen.getByRole("button", { name: "Send verification link" }));

    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("fills in the signed-in account's address", async () => {
    applyStoryHandlers(SignedInUnverified.parameters);
    render(<SignedInUnverified />);

    expect(await screen.findByDisplayValue("newbie@example.com")).toBe(screen.getByLabelText("Email"));
  });
});
