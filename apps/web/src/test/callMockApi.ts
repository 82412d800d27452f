import { errorEnvelopeSchema } from "@stave/contracts";
import { expect } from "vitest";

/** Calls the mocked API as the browser would; `csrf` goes in X-CSRF-Token. */
export async function call(method: string, path: string, { body, csrf }: { body?: unknown; csrf?: string } = {}) {
  const headers = new Headers();
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (csrf !== undefined) headers.set("X-CSRF-Token", csrf);
  const response = await fetch(new URL(path, window.location.origin), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The reply is a contract error envelope with `code`. */
export function expectError(reply: { status: number; json: unknown }, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(errorEnvelopeSchema.parse(reply.json).error.code).toBe(code);
}
