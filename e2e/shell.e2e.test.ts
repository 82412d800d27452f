import { describe, expect, it } from "vitest";
import { useStaveAndBrowser } from "./harness.ts";

describe("the web shell", () => {
  const t = useStaveAndBrowser();

  it("opens the home page with header, navigation and player bar, and follows a client route", async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    // Signed out, the app's session probe answers 401: expected, not a problem.
    const sessionProbe = (url: string) => url.endsWith("/api/v1/users/me");
    page.on("console", (message) => {
      if (message.type() === "error" && !sessionProbe(message.location().url)) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      const expected = response.status() === 401 && sessionProbe(response.url());
      if (response.status() >= 400 && !expected) problems.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(t.stave.url);
    await expect.poll(() => page.getByRole("banner").textContent()).toContain("Stave");
    expect(await page.getByRole("navigation").getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining(["Home", "Search", "Library"]),
    );
    expect(await page.getByRole("contentinfo", { name: "Player" }).textContent()).toContain("Nothing playing");

    // A client-side route, then the same address loaded afresh (the server answers deep links).
    await page.getByRole("navigation").getByRole("link", { name: "Search" }).click();
    await expect.poll(() => page.url()).toBe(`${t.stave.url}/search`);
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Search/);
    // The library is for signed-in people: a visitor is sent to sign in, and comes back after.
    await page.getByRole("link", { name: "Library" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    // A CSP violation or a failed request would show up here.
    expect(problems).toEqual([]);
    await context.close();
  });
});
