import { describe, expect, it } from "vitest";
import { linksMailedTo, useStaveAndBrowser } from "./harness.ts";

describe("becoming a creator", () => {
  const t = useStaveAndBrowser();

  it("registers, verifies the email from the real outbox, signs in and becomes a creator from /settings", async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    const email = "ada@example.com";

    await page.goto(`${t.stave.url}/register`);
    const form = page.getByRole("form", { name: "Create account" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Username").fill("ada_lovelace");
    await form.getByLabel("Password").fill("analytical-engine-1843");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    const links = await linksMailedTo(t.stave.dataDir, email);
    const verifyLink = links.find((link) => link.includes("/verify-email#token="));
    expect(verifyLink).toBeDefined();
    await page.goto(verifyLink as string);
    await page.getByText("Your email address is verified.").waitFor();

    await page.getByRole("link", { name: "Sign in" }).last().click();
    const signIn = page.getByRole("form", { name: "Sign in" });
    await signIn.getByLabel("Email or username").fill("ada_lovelace");
    await signIn.getByLabel("Password").fill("analytical-engine-1843");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("banner").getByText("ada_lovelace").waitFor();

    await page.goto(`${t.stave.url}/settings`);
    await page.getByText("This change is one-way.").waitFor();
    await page.getByRole("button", { name: "Become an artist" }).click();
    await page.getByText("You're now an artist.", { exact: false }).waitFor();

    // After a reload the card is gone: creators do not see it.
    await page.reload();
    await page.getByRole("heading", { name: "Settings" }).first().waitFor();
    expect(await page.getByRole("button", { name: "Become an artist" }).count()).toBe(0);
    const me = await page.evaluate(async () => (await fetch("/api/v1/users/me")).json());
    expect(me).toMatchObject({ role: "creator", isVerified: true });
    await context.close();
  });
});
