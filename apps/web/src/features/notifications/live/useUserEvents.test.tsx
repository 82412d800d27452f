import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appHeader, renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { messagingApi } from "../../messages/messagingStoryMocks.ts";

const messagesLink = () => appHeader().queryByRole("link", { name: /^Messages/ });

/** The app signed in with its live stream open, as a page is once it has loaded. */
async function renderConnected() {
  const api = messagingApi();
  const rendered = renderLiveApp(api);
  await waitFor(() => expect(rendered.fake.connected).toBe(true));
  await waitFor(() => expect(messagesLink()).toBeInTheDocument());
  return { ...rendered, api };
}

describe("when the server ends the live stream", () => {
  it("shows the person signed out, and stops listening, once their session was revoked elsewhere", async () => {
    const { api, fake } = await renderConnected();
    // Revoked from another device: the session is gone, and the server ends its stream.
    api.accounts.state.signOut();
    act(() => fake.signOut("signed_out"));

    expect(await appHeader().findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(messagesLink()).not.toBeInTheDocument();
    expect(fake.connected).toBe(false);
    expect(fake.connections).toBe(1);
  });

  it("shows the person signed out once their account was suspended or deleted", async () => {
    const { api, fake } = await renderConnected();
    api.accounts.state.signOut("account_closed");
    act(() => fake.signOut("account_closed"));

    expect(await appHeader().findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(fake.connected).toBe(false);
  });

  it("listens again when the browser is still signed in (signed in again in another tab)", async () => {
    const { fake } = await renderConnected();
    act(() => fake.signOut("signed_out"));

    await waitFor(() => expect(fake.connections).toBe(2));
    expect(fake.connected).toBe(true);
    expect(messagesLink()).toBeInTheDocument();
    expect(appHeader().queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });
});
