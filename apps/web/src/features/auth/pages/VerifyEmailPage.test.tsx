import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { MOCK_VERIFY_TOKEN } from "../../../mocks/handlers.ts";
import { createTestQueryClient, renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { meQueryKey } from "../useMe.ts";
import * as stories from "./VerifyEmailPage.stories.tsx";

const { Verified, VerifiedWhileSignedIn, InvalidToken, MissingToken } = composeStories(stories, sharedAnnotations);

function renderStory(Story: typeof Verified) {
  applyStoryHandlers(Story.parameters);
  // StrictMode runs effects twice, as in development: the single-use token must still go once.
  render(
    <StrictMode>
      <Story />
    </StrictMode>,
  );
}

describe("VerifyEmailPage", () => {
  it("verifies the token from the link once and offers to sign in", async () => {
    const requests = recordApiRequests();
    renderStory(Verified);

    await screen.findByText("Your email address is verified.");
    const success = screen.getByRole("status");
    expect(within(success).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    const posts = requests.to("/api/v1/auth/verify-email", "POST");
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.json()).toEqual({ token: MOCK_VERIFY_TOKEN });
  });

  it("verifies a signed-in account and sends the CSRF token with it", async () => {
    const requests = recordApiRequests();
    renderStory(VerifiedWhileSignedIn);

    expect(await screen.findByText("Your email address is verified.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to your settings" })).toHaveAttribute("href", "/settings");
    expect(requests.to("/api/v1/auth/verify-email")[0]?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
  });

  it("explains an invalid or expired link and links to a new one", async () => {
    renderStory(InvalidToken);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This verification link has expired or has already been used.");
    expect(within(alert).getByRole("link", { name: "Send a new verification link" })).toHaveAttribute(
      "href",
      "/verify-email/resend",
    );
  });

  it("explains a link without a token, without calling the API", async () => {
    const requests = recordApiRequests();
    renderStory(MissingToken);

    expect(await screen.findByRole("alert")).toHaveTextContent(/missing its verification code/);
    expect(requests.to("/api/v1/auth/verify-email")).toHaveLength(0);
  });

  it("sends the single-use token once even when the session is known at mount and effects run twice", async () => {
    const requests = recordApiRequests();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(meQueryKey, null);

    renderWithProviders(<AppRoutes />, {
      route: `/verify-email#token=${MOCK_VERIFY_TOKEN}`,
      queryClient,
      strict: true,
    });

    expect(await screen.findByText("Your email address is verified.")).toBeInTheDocument();
    expect(requests.to("/api/v1/auth/verify-email", "POST")).toHaveLength(1);
  });

  it("still reads the token from the query of a link mailed before links carried it in the fragment", async () => {
    const requests = recordApiRequests();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(meQueryKey, null);

    renderWithProviders(<AppRoutes />, { route: `/verify-email?token=${MOCK_VERIFY_TOKEN}`, queryClient });

    expect(await screen.findByText("Your email address is verified.")).toBeInTheDocument();
    expect(await requests.to("/api/v1/auth/verify-email", "POST")[0]?.json()).toEqual({ token: MOCK_VERIFY_TOKEN });
  });
});
