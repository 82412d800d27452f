import { meSchema } from "@stave/contracts";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError, getCsrfToken, setCsrfToken } from "../../../lib/api.ts";
import { accountsHandlers, buildVerifiedUser, errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { loadSession } from "./meApi.ts";

describe("loadSession", () => {
  it("answers null when signed out, without asking for a CSRF token", async () => {
    const requests = recordApiRequests();
    setCsrfToken("left-over");

    await expect(loadSession()).resolves.toBeNull();

    expect(getCsrfToken()).toBeUndefined();
    expect(requests.to("/api/v1/auth/csrf")).toHaveLength(0);
  });

  it("returns the user and loads the session's CSRF token for a reloaded page", async () => {
    const ada = buildVerifiedUser();
    server.use(...accountsHandlers({ me: ada }));

    const me = await loadSession();

    expect(meSchema.parse(me)).toEqual(ada);
    expect(getCsrfToken()).toBe("mock-csrf-token");
  });

  it("keeps a token it already has rather than asking again", async () => {
    const requests = recordApiRequests();
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));
    setCsrfToken("from-sign-in");

    await loadSession();

    expect(getCsrfToken()).toBe("from-sign-in");
    expect(requests.to("/api/v1/auth/csrf")).toHaveLength(0);
  });

  it("fails on anything but a 401, so the failure is shown rather than taken for signed out", async () => {
    server.use(http.get("/api/v1/users/me", () => errorResponse("SERVICE_UNAVAILABLE", "Starting up.")));

    await expect(loadSession()).rejects.toBeInstanceOf(ApiError);
  });
});
