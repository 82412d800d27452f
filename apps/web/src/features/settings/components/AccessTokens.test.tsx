import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { MOCK_PASSWORD, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./AccessTokens.stories.tsx";

const { Empty, WithTokens, Admin } = composeStories(stories, sharedAnnotations);

async function renderStory(Story: typeof Empty) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return await screen.findByRole("region", { name: "Personal access tokens" });
}

describe("AccessTokens", () => {
  it("creates a token with name, permissions and expiry, confirmed by the password, and shows it once", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(Empty);
    expect(await within(card).findByText("You have no tokens.")).toBeInTheDocument();
    const form = within(card).getByRole("form", { name: "New access token" });
    expect(within(form).queryByRole("checkbox", { name: /Admin/ })).not.toBeInTheDocument();

    await user.type(within(form).getByLabelText("Name"), "sync script");
    await user.click(within(form).getByRole("checkbox", { name: /Upload/ }));
    await user.click(within(form).getByRole("checkbox", { name: /Write/ }));
    await user.selectOptions(within(form).getByLabelText("Expires after"), "30 days");
    await user.type(within(form).getByLabelText("Your password"), MOCK_PASSWORD);
    await user.click(within(form).getByRole("button", { name: "Create token" }));

    const secret = await within(card).findByRole("region", { name: "Your new token" });
    expect(secret).toHaveTextContent(/stave_pat_/);
    expect(secret).toHaveTextContent(/you won't be able to see it again/i);
    const [post] = requests.to("/api/v1/users/me/tokens", "POST");
    expect(await post?.json()).toEqual({
      name: "sync script",
      scopes: ["read", "upload"],
      expiresInDays: 30,
      password: MOCK_PASSWORD,
    });

    const item = await within(card).findByRole("listitem");
    expect(item).toHaveTextContent("sync script");
    expect(item).toHaveTextContent("Read, Upload");
    expect(item).toHaveTextContent(/Expires/);
    await user.click(within(secret).getByRole("button", { name: "I've copied my token" }));
    expect(within(card).queryByText(/stave_pat_/)).not.toBeInTheDocument();
  });

  it("asks for the password before sending, and says when it is wrong", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(Empty);
    const form = within(card).getByRole("form", { name: "New access token" });
    await user.type(within(form).getByLabelText("Name"), "ci");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(within(form).getByLabelText("Your password")).toHaveAccessibleDescription(/enter your password/i);
    expect(requests.to("/api/v1/users/me/tokens", "POST")).toHaveLength(0);

    await user.type(within(form).getByLabelText("Your password"), "not my password");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(form).findByText("Your password is incorrect.")).toBeInTheDocument();
    expect(within(card).queryByRole("region", { name: "Your new token" })).not.toBeInTheDocument();
  });

  it("lists expired tokens as expired, confirms with a 2FA code, and revokes a token", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(WithTokens);
    const items = await within(card).findAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent("old uploader");
    expect(items[1]).toHaveTextContent("Expired");
    expect(items[0]).toHaveTextContent("Never expires");

    const form = within(card).getByRole("form", { name: "New access token" });
    await user.type(within(form).getByLabelText("Name"), "phone");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(within(form).getByLabelText(/Code from your app/)).toHaveAccessibleDescription(
      /enter a code from your authenticator app/i,
    );
    await user.type(within(form).getByLabelText(/Code from your app/), MOCK_TOTP_CODE);
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(card).findByRole("region", { name: "Your new token" })).toBeInTheDocument();

    // With two-factor on the code is the confirmation: the password alone is not asked for.
    expect(within(form).queryByLabelText(/password/i)).not.toBeInTheDocument();
    const [post] = requests.to("/api/v1/users/me/tokens", "POST");
    expect(await post?.json()).toMatchObject({ name: "phone", code: MOCK_TOTP_CODE });

    await user.click(within(card).getByRole("button", { name: "Revoke old uploader" }));
    await waitFor(() => expect(within(card).queryByText("old uploader")).not.toBeInTheDocument());
    const names = within(card)
      .getAllByRole("listitem")
      .map((item) => item.querySelector(".item-list__title")?.textContent);
    expect(names).toEqual(["phone", "backup script"]);
  });

  it("offers the admin scope to an administrator, only with read", async () => {
    const user = userEvent.setup();
    const requests = recordApiRequests();
    const card = await renderStory(Admin);
    const form = within(card).getByRole("form", { name: "New access token" });
    const admin = within(form).getByRole("checkbox", { name: "Admin" });
    const read = within(form).getByRole("checkbox", { name: "Read" });
    expect(admin).not.toBeChecked();
    expect(read).toBeChecked();
    // The hint describes the checkbox rather than being read as part of its name.
    expect(read).toHaveAccessibleDescription("See what your account can see");

    await user.type(within(form).getByLabelText("Name"), "moderation bot");
    await user.click(admin);
    await user.click(read);
    await user.click(within(form).getByRole("checkbox", { name: "Write" }));
    await user.type(within(form).getByLabelText("Your password"), MOCK_PASSWORD);
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(admin).toHaveAttribute("aria-invalid", "true");
    expect(admin).toHaveAccessibleDescription(/Admin needs Read too/);
    expect(requests.to("/api/v1/users/me/tokens", "POST")).toHaveLength(0);

    await user.click(read);
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(card).findByRole("region", { name: "Your new token" })).toBeInTheDocument();
    const [post] = requests.to("/api/v1/users/me/tokens", "POST");
    expect(await post?.json()).toMatchObject({ scopes: ["read", "admin"] });
  });
});
