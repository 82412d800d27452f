import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { buildBackupCodes, MOCK_PASSWORD, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./LoginPage.stories.tsx";

const { Default, RateLimited } = composeStories(stories, sharedAnnotations);

async function renderLogin(Story = Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("form", { name: "Sign in" });
  const user = userEvent.setup();
  return {
    user,
    async signIn(login: string, password: string) {
      await user.type(screen.getByLabelText("Email or username"), login);
      await user.type(screen.getByLabelText("Password"), password);
      await user.click(screen.getByRole("button", { name: "Sign in" }));
    },
  };
}

const banner = () => screen.getByRole("banner");

describe("LoginPage", () => {
  it("signs in with username and password and goes home, signed in", async () => {
    const { signIn } = await renderLogin();

    await signIn("ada", MOCK_PASSWORD);

    expect(await screen.findByRole("heading", { level: 1, name: "Home" })).toBeInTheDocument();
    expect(within(banner()).getByText("ada")).toBeInTheDocument();
    expect(within(banner()).queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("keeps the session's CSRF token for later changes (signing out carries it)", async () => {
    const requests = recordApiRequests();
    const { user, signIn } = await renderLogin();
    await signIn("ada@example.com", MOCK_PASSWORD);

    await user.click(await within(banner()).findByRole("button", { name: "Sign out" }));

    expect(await within(banner()).findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    const [logout] = requests.to("/api/v1/auth/logout", "POST");
    expect(logout?.headers.get("X-CSRF-Token")).toMatch(/^csrf-/);
  });

  it("asks for a second factor when the account has one, then signs in", async () => {
    const { user, signIn } = await renderLogin();

    await signIn("grace", MOCK_PASSWORD);

    const step = await screen.findByRole("form", { name: "Two-factor authentication" });
    expect(within(step).getByLabelText("Authentication code")).toHaveAccessibleDescription(
      /6-digit code from your authenticator app, or one of your backup codes/,
    );
    await user.type(within(step).getByLabelText("Authentication code"), MOCK_TOTP_CODE);
    await user.click(within(step).getByRole("button", { name: "Verify and sign in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Home" })).toBeInTheDocument();
    expect(within(banner()).getByText("grace")).toBeInTheDocument();
  });

  it("accepts a backup code at the second step, and says when a code is wrong", async () => {
    const { user, signIn } = await renderLogin();
    await signIn("grace", MOCK_PASSWORD);
    const step = await screen.findByRole("form", { name: "Two-factor authentication" });
    const code = within(step).getByLabelText("Authentication code");

    await user.type(code, "999999");
    await user.click(within(step).getByRole("button", { name: "Verify and sign in" }));
    expect(await within(step).findByText(/that code didn't work/i)).toBeInTheDocument();
    expect(code).toHaveAttribute("aria-invalid", "true");

    await user.clear(code);
    await user.type(code, buildBackupCodes()[0] ?? "");
    await user.click(within(step).getByRole("button", { name: "Verify and sign in" }));

    expect(await within(banner()).findByText("grace")).toBeInTheDocument();
  });

  it("says so when the email or username and password don't match", async () => {
    const { signIn } = await renderLogin();

    await signIn("ada", "not the password");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "That email or username and password don't match. Check them and try again.",
    );
    expect(screen.getByRole("form", { name: "Sign in" })).toBeInTheDocument();
    expect(within(banner()).getByRole("link", { name: "Sign in" })).toBeInTheDocument();
  });

  it("says when to try again after too many attempts", async () => {
    const { signIn } = await renderLogin(RateLimited);

    await signIn("ada", MOCK_PASSWORD);

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts. Try again in 2 minutes.");
  });

  it("asks for both fields before sending anything", async () => {
    const requests = recordApiRequests();
    const { user } = await renderLogin();

    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(screen.getByLabelText("Email or username")).toHaveAccessibleDescription("Enter your email or username");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Enter your password/);
    expect(requests.to("/api/v1/auth/login")).toHaveLength(0);
  });
});
