import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { BrowserRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { useLinkToken } from "./linkToken.ts";

function ShowsToken() {
  const token = useLinkToken();
  const [renders, setRenders] = useState(0);
  return (
    <>
      <p>token: {token || "none"}</p>
      <button type="button" onClick={() => setRenders(renders + 1)}>
        Render again {renders}
      </button>
    </>
  );
}

// The real browser history (jsdom's), as BrowserRouter uses it in the app.
function openLink(address: string) {
  window.history.replaceState(null, "", address);
  const entries = window.history.length;
  render(
    <BrowserRouter>
      <ShowsToken />
    </BrowserRouter>,
  );
  return entries;
}

afterEach(() => window.history.replaceState(null, "", "/"));

describe("useLinkToken", () => {
  it("reads the token from the fragment, then takes it out of the address bar and history", async () => {
    const user = userEvent.setup();
    const entries = openLink("/reset-password?utm=mail#token=secret-link-token");

    expect(screen.getByText("token: secret-link-token")).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe(""));
    expect(window.location.href).not.toContain("secret-link-token");
    expect(window.location.pathname + window.location.search).toBe("/reset-password?utm=mail");
    // Replaced, not pushed: Back does not lead to the address with the token.
    expect(window.history.length).toBe(entries);

    // The page keeps its token when it renders again from the cleaned address.
    await user.click(screen.getByRole("button", { name: /Render again/ }));
    expect(screen.getByText("token: secret-link-token")).toBeInTheDocument();
  });

  it("clears an older link's ?token= too", async () => {
    openLink("/verify-email?token=old-style-token");

    expect(screen.getByText("token: old-style-token")).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe(""));
    expect(window.location.href).not.toContain("old-style-token");
    expect(screen.getByText("token: old-style-token")).toBeInTheDocument();
  });

  it("has no token, and changes nothing, without one in the link", () => {
    openLink("/reset-password#section=top");

    expect(screen.getByText("token: none")).toBeInTheDocument();
    expect(window.location.hash).toBe("#section=top");
  });
});
