import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useStaveAndBrowser } from "./harness.ts";
import { type Person, registerVerified, signedInPage } from "./people.ts";

/** Opens `path` and waits until the page's live event stream is connected. */
async function openLive(page: Page, url: string): Promise<void> {
  const connected = page.waitForResponse((response) => response.url().endsWith("/api/v1/me/events"));
  await page.goto(url);
  expect((await connected).status()).toBe(200);
  // Marks this document: it is still there at the end only if nothing reloaded the page.
  await page.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
  });
}

const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage === true);

describe("direct messages", () => {
  const t = useStaveAndBrowser();

  it("two people in two browsers write to each other and each sees the other's message arrive live", async () => {
    const ada: Person = { email: "ada@example.com", username: "ada_l", password: "analytical-engine-1843" };
    const grace: Person = { email: "grace@example.com", username: "grace_h", password: "compiler-pioneer-1952" };
    await registerVerified(t.stave, ada);
    await registerVerified(t.stave, grace);
    const [adaPage, gracePage] = await Promise.all([
      signedInPage(t.browser, t.stave, ada),
      signedInPage(t.browser, t.stave, grace),
    ]);

    // Grace has her messages open, with nothing in them yet.
    await openLive(gracePage, `${t.stave.url}/messages`);
    await gracePage.getByText("No conversations yet.", { exact: false }).waitFor();
    const graceMessagesLink = gracePage.getByRole("banner").getByRole("link", { name: /^Messages/ });
    expect((await graceMessagesLink.textContent())?.trim()).toBe("Messages");

    // Ada starts a conversation with Grace and writes, Enter to send.
    await openLive(adaPage, `${t.stave.url}/messages`);
    await adaPage.getByRole("button", { name: "New message" }).click();
    await adaPage.getByLabel("To (username)").fill(grace.username);
    await adaPage.getByRole("button", { name: "Start conversation" }).click();
    const adaComposer = adaPage.getByRole("textbox", { name: `Message to ${grace.username}` });
    await adaComposer.waitFor();
    await adaComposer.fill("Hello Grace! Have you heard the new mix?");
    await adaComposer.press("Enter");
    const adaThread = adaPage.getByRole("log", { name: `Messages with ${grace.username}` });
    await adaThread.getByText("Hello Grace! Have you heard the new mix?").waitFor();

    // It reaches Grace's open page without a reload: in her list and on the header badge.
    const graceList = gracePage.getByRole("list", { name: "Conversations" });
    await graceList.getByText("Hello Grace! Have you heard the new mix?").waitFor({ timeout: 10_000 });
    expect(await graceList.textContent()).toContain("1 unread");
    await expect.poll(() => graceMessagesLink.textContent()).toBe("Messages 1 unread");
    expect(await notReloaded(gracePage)).toBe(true);

    // Grace opens it (a client-side navigation) and answers, Shift+Enter for a second line.
    await graceList.getByRole("link", { name: new RegExp(ada.username) }).click();
    const graceThread = gracePage.getByRole("log", { name: `Messages with ${ada.username}` });
    await graceThread.getByText("Hello Grace! Have you heard the new mix?").waitFor();
    await expect.poll(async () => (await graceMessagesLink.textContent())?.trim()).toBe("Messages");
    const graceComposer = gracePage.getByRole("textbox", { name: `Message to ${ada.username}` });
    await graceComposer.fill("Just now, it's lovely.");
    await graceComposer.press("Shift+Enter");
    await graceComposer.pressSequentially("The bridge especially.");
    await graceComposer.press("Enter");
    await graceThread.getByText("The bridge especially.", { exact: false }).waitFor();

    // Ada, still on the thread, sees the reply arrive live, line break and all.
    const reply = adaThread.locator(".message__body", { hasText: "Just now, it's lovely." });
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toBe("Just now, it's lovely.\nThe bridge especially.");
    expect(await notReloaded(adaPage)).toBe(true);
    expect(await notReloaded(gracePage)).toBe(true);

    await Promise.all([adaPage.context().close(), gracePage.context().close()]);
  });
});
