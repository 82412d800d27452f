import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_INVITE_CODE, validationFailed } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./RegisterPage.stories.tsx";

const { Default, RateLimited, InviteOnly, InviteLink, Closed, WithTerms } = composeStories(stories, sharedAnnotations);

async function renderRegister(Story = Default) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("form", { name: "Create account" });
  const user = userEvent.setup();
  return {
    user,
    async register(email: string, username: string, password: string) {
      if (email) await user.type(screen.getByLabelText("Email"), email);
      if (username) await user.type(screen.getByLabelText("Username"), username);
      if (password) await user.type(screen.getByLabelText("Password"), password);
      await user.click(screen.getByRole("button", { name: "Create account" }));
    },
  };
}

describe("RegisterPage", () => {
  it("creates the account and asks the person to check their email", async () => {
    const { register } = await renderRegister();

    await register("lin@example.com", "lin", "a long enough passphrase");

    expect(await screen.findByRole("heading", { level: 1, name: "Check your email" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(
      "We sent a verification link to lin@example.com. Check your email",
    );
    expect(screen.getByRole("link", { name: "Send the link again" })).toHaveAttribute("href", "/verify-email/resend");
  });

  it("checks the fields before sending and ties each error to its field", async () => {
    const requests = recordApiRequests();
    const { register } = await renderRegister();

    await register("not-an-email", "Bad Name!", "short");

    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address");
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription(
      /3–30 characters.*3–30 characters: lower-case letters/,
    );
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(requests.to("/api/v1/auth/register")).toHaveLength(0);
  });

  it("says what is missing when submitted empty", async () => {
    const { register } = await renderRegister();

    await register("", "", "");

    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email address");
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription(/Choose a username$/);
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Choose a password$/);
  });

  it("shows the server's VALIDATION_FAILED details next to their fields", async () => {
    const { register } = await renderRegister();
    server.use(
      http.post("/api/v1/auth/register", () =>
        validationFailed([
          { path: ["username"], message: "This username is reserved" },
          { path: ["email"], message: "This email domain does not accept mail" },
        ]),
      ),
    );

    await register("lin@example.com", "admin", "a long enough passphrase");

    expect(await screen.findByText("This username is reserved")).toBeInTheDocument();
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription(/This username is reserved/);
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("This email domain does not accept mail");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a taken email and a taken username next to their fields", async () => {
    const { user, register } = await renderRegister();

    await register("ada@example.com", "lin", "a long enough passphrase");
    expect(await screen.findByText("An account with this email already exists.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");

    await user.clear(screen.getByLabelText("Email"));
    await user.type(screen.getByLabelText("Email"), "lin@example.com");
    await user.clear(screen.getByLabelText("Username"));
    await user.type(screen.getByLabelText("Username"), "ada");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("This username is taken.")).toBeInTheDocument();
    expect(screen.getByLabelText("Username")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid");
  });

  it("shows WEAK_PASSWORD next to the password", async () => {
    const { register } = await renderRegister();

    await register("lin@example.com", "lin", "password1234");

    expect(await screen.findByText(/too common/i)).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/too common/i);
  });

  it("shows any other failure as an alert", async () => {
    const { register } = await renderRegister(RateLimited);

    await register("lin@example.com", "lin", "a long enough passphrase");

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts. Try again in 30 seconds.");
  });
});

describe("RegisterPage and the instance's registration mode", () => {
  it("asks for an invite code when registration is invite only, and sends it", async () => {
    const requests = recordApiRequests();
    const { register } = await renderRegister(InviteOnly);
    expect(screen.getByText("Registration here is by invitation: you need an invite code.")).toBeInTheDocument();

    await register("lin@example.com", "lin", "a long enough passphrase");
    expect(screen.getByLabelText("Invite code")).toHaveAccessibleDescription("Enter your invite code");
    expect(requests.to("/api/v1/auth/register")).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Invite code"), "NOT-A-CODE");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText(/This invite code is not valid/)).toBeInTheDocument();
    expect(screen.getByLabelText("Invite code")).toHaveAttribute("aria-invalid", "true");

    await userEvent.clear(screen.getByLabelText("Invite code"));
    await userEvent.type(screen.getByLabelText("Invite code"), MOCK_INVITE_CODE);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Check your email" })).toBeInTheDocument();
    const sent = requests.to("/api/v1/auth/register", "POST").at(-1);
    expect(await sent?.json()).toMatchObject({ username: "lin", inviteCode: MOCK_INVITE_CODE });
  });

  it("fills the invite code in from an invite link", async () => {
    await renderRegister(InviteLink);
    expect(screen.getByLabelText("Invite code")).toHaveValue(MOCK_INVITE_CODE);
  });

  it("says registration is closed, with no form", async () => {
    applyStoryHandlers(Closed.parameters);
    render(<Closed />);

    expect(await screen.findByRole("heading", { level: 1, name: "Registration is closed" })).toBeInTheDocument();
    expect(screen.getByText("Stave isn't accepting new accounts at the moment.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Create account" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
  });

  it("has no invite field on an open instance", async () => {
    await renderRegister(Default);
    expect(screen.queryByLabelText("Invite code")).not.toBeInTheDocument();
    expect(screen.queryByText("Terms of service")).not.toBeInTheDocument();
  });

  it("folds out the terms and privacy policy when the operator wrote them", async () => {
    const { user } = await renderRegister(WithTerms);
    const terms = screen.getByText("Terms of service");
    const details = terms.closest("details") as HTMLDetailsElement;
    expect(details.open).toBe(false);

    await user.click(terms);
    expect(details.open).toBe(true);
    expect(details).toHaveTextContent("2. Upload only what you have the rights to.");
    expect(screen.getByText("Privacy policy").closest("details")).toHaveTextContent("nothing else about you is sold");
  });
});
