import { errorEnvelopeSchema, instanceInfoSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { errorResponse } from "./handlers.ts";

describe("mock handlers", () => {
  it("serve an instance that satisfies the contract", async () => {
    const response = await fetch(new URL("/api/v1/instance", window.location.origin));

    expect(response.status).toBe(200);
    expect(instanceInfoSchema.parse(await response.json())).toEqual({
      name: "Stave",
      version: "0.1.0",
    });
  });

  it("build error replies as contract envelopes with the code's status", async () => {
    const response = errorResponse("EMAIL_NOT_VERIFIED", "Verify your email first.");

    expect(response.status).toBe(403);
    expect(errorEnvelopeSchema.parse(await response.json())).toEqual({
      error: { code: "EMAIL_NOT_VERIFIED", message: "Verify your email first." },
    });
  });
});
