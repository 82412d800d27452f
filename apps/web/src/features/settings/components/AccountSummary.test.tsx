import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./AccountSummary.stories.tsx";

const { VerifiedListener, UnverifiedListener, Creator } = composeStories(stories, sharedAnnotations);

async function renderSummary(Story: typeof VerifiedListener) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return await screen.findByRole("region", { name: "Account" });
}

describe("AccountSummary", () => {
  it("shows username, email with its verified badge, and the account type", async () => {
    const summary = await renderSummary(VerifiedListener);

    expect(summary).toHaveTextContent("Usernameada");
    expect(summary).toHaveTextContent("Emailada@example.com Verified");
    expect(summary).toHaveTextContent("Account typeListener");
    expect(within(summary).queryByRole("link")).not.toBeInTheDocument();
  });

  it("flags an unverified email with a way to get a new link", async () => {
    const summary = await renderSummary(UnverifiedListener);

    expect(within(summary).getByText("Not verified")).toBeInTheDocument();
    expect(within(summary).getByRole("link", { name: "Resend verification email" })).toHaveAttribute(
      "href",
      "/verify-email/resend",
    );
  });

  it("names a creator's account type", async () => {
    const summary = await renderSummary(Creator);

    expect(summary).toHaveTextContent("Account typeCreator");
  });
});
