// The people of a journey: registered and verified through the API as a person would be
// (with the link mailed to the outbox), then signed in, through the API or in a browser.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { linksMailedTo, type RunningStave } from "./harness.ts";

export type Person = { email: string; username: string; password: string };

export async function postJson(stave: RunningStave, url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stave.url}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** Registers through the API and verifies with the link mailed to the outbox. */
export async function registerVerified(stave: RunningStave, person: Person): Promise<void> {
  expect((await postJson(stave, "/api/v1/auth/register", person)).status).toBe(201);
  const verifyLink = (await linksMailedTo(stave.dataDir, person.email)).find((link) => link.includes("verify-email"));
  // The token is in the fragment (#token=…), which browsers never send to a server.
  const token = new URLSearchParams(new URL(verifyLink as string).hash.slice(1)).get("token");
  expect((await postJson(stave, "/api/v1/auth/verify-email", { token })).ok).toBe(true);
}

/** A browser context of its own (its own cookies), signed in through the sign-in form. */
export async function signedInPage(browser: Browser, stave: RunningStave, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stave.url}/login`);
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email or username").fill(person.username);
  await form.getByLabel("Password").fill(person.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("banner").getByText(person.username).waitFor();
  return page;
}
