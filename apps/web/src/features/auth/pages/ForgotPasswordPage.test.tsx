import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./ForgotPasswordPage.stories.tsx";

const { Default } = composeStories(stories, sharedAnnotations);

function renderPage() {
  applyStoryHandlers(Default.parameters);
  render(<Default />);
}

async function requestReset(email: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Email"), email);
  await user.click(screen.getByRole("button", { name: "Send reset link" }));
}

describe("ForgotPasswordPage", () => {
  it("asks for a reset link and shows the server's answer", async () => {
    renderPage();
    await requestReset("ada@example.com");

    expect(await screen.findByRole("status")).toHaveTextContent(/we've sent it a link to reset the password/);
    expect(screen.queryByRole("form", { name: "Request a password reset" })).not.toBeInTheDocument();
  });

  it("shows a failure as an alert and keeps the form", async () => {
    renderPage();
    server.use(
      http.post("/api/v1/auth/password/forgot", () =>
        errorResponse("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 1 }),
      ),
    );
    await requestReset("ada@example.com");

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts. Try again in 1 second.");
    expect(screen.getByRole("form", { name: "Request a password reset" })).toBeInTheDocument();
  });
});
