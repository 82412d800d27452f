import { instanceInfoSchema } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";
import { ApiError, apiRequest, getCsrfToken, setCsrfToken } from "./api.ts";

/** Mocks `method path` and records the headers of each request it answers. */
function recordRequests(method: "get" | "post" | "delete", path: string) {
  const seen: Headers[] = [];
  server.use(
    http[method](path, ({ request }) => {
      seen.push(request.headers);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return seen;
}

async function catchApiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  setCsrfToken(undefined);
  vi.restoreAllMocks();
});

describe("apiRequest", () => {
  it("returns the reply parsed with the schema", async () => {
    await expect(apiRequest("/api/v1/instance", { schema: instanceInfoSchema })).resolves.toEqual({
      name: "Stave",
      version: "0.1.0",
      description: "",
      registrationMode: "open",
      termsText: "",
      privacyText: "",
    });
  });

  it("sends a JSON body and parses the JSON reply", async () => {
    let contentType: string | null = null;
    server.use(
      http.post("/api/v1/echo", async ({ request }) => {
        contentType = request.headers.get("Content-Type");
        return HttpResponse.json(await request.json(), { status: 201 });
      }),
    );

    const reply = await apiRequest("/api/v1/echo", {
      method: "POST",
      body: { name: "Echo", version: "2" },
      schema: instanceInfoSchema.pick({ name: true, version: true }),
    });
    expect(reply).toEqual({ name: "Echo", version: "2" });
    expect(contentType).toBe("application/json");
  });

  it("resolves to undefined on a 204", async () => {
    recordRequests("delete", "/api/v1/things/1");
    await expect(apiRequest("/api/v1/things/1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("turns an error envelope into an ApiError with its code, status and details", async () => {
    server.use(
      http.get("/api/v1/instance", () =>
        HttpResponse.json(
          {
            error: {
              code: "VALIDATION_FAILED",
              message: "Name is too long.",
              details: { field: "name" },
            },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await catchApiError(apiRequest("/api/v1/instance", { schema: instanceInfoSchema }));
    expect(error.status).toBe(400);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe("Name is too long.");
    expect(error.details).toEqual({ field: "name" });
  });

  it("keeps the status of a contract error such as 403 CREATOR_ROLE_REQUIRED", async () => {
    server.use(http.post("/api/v1/tracks", () => errorResponse("CREATOR_ROLE_REQUIRED", "Only creators can upload.")));

    const error = await catchApiError(apiRequest("/api/v1/tracks", { method: "POST", body: {} }));
    expect(error).toMatchObject({ status: 403, code: "CREATOR_ROLE_REQUIRED" });
  });

  it("falls back to INTERNAL with a generic message for a non-JSON 502", async () => {
    server.use(
      http.get("/api/v1/instance", () =>
        HttpResponse.html("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502 }),
      ),
    );

    const error = await catchApiError(apiRequest("/api/v1/instance", { schema: instanceInfoSchema }));
    expect(error.status).toBe(502);
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toMatch(/HTTP 502/);
    expect(error.details).toBeUndefined();
  });

  it("falls back to INTERNAL for JSON that is not an error envelope", async () => {
    server.use(http.get("/api/v1/instance", () => HttpResponse.json({ oops: true }, { status: 500 })));

    const error = await catchApiError(apiRequest("/api/v1/instance"));
    expect(error).toMatchObject({ status: 500, code: "INTERNAL" });
  });

  it("sends the CSRF token on state-changing requests only", async () => {
    setCsrfToken("token-123");
    const gets = recordRequests("get", "/api/v1/things");
    const posts = recordRequests("post", "/api/v1/things");
    const deletes = recordRequests("delete", "/api/v1/things");

    await apiRequest("/api/v1/things");
    await apiRequest("/api/v1/things", { method: "POST", body: { a: 1 } });
    await apiRequest("/api/v1/things", { method: "DELETE" });

    expect(gets[0]?.get("X-CSRF-Token")).toBeNull();
    expect(posts[0]?.get("X-CSRF-Token")).toBe("token-123");
    expect(deletes[0]?.get("X-CSRF-Token")).toBe("token-123");
  });

  it("remembers the token it was given until told to forget it", () => {
    setCsrfToken("token-123");
    expect(getCsrfToken()).toBe("token-123");
    setCsrfToken(undefined);
    expect(getCsrfToken()).toBeUndefined();
  });

  it("reads a 429's Retry-After seconds into the error", async () => {
    server.use(
      http.post("/api/v1/auth/login", () =>
        errorResponse("RATE_LIMITED", "Too many attempts.", { retryAfterSeconds: 42 }),
      ),
    );

    const error = await catchApiError(apiRequest("/api/v1/auth/login", { method: "POST", body: {} }));
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfterSeconds: 42 });
  });

  it("ignores a Retry-After that is not a number of seconds", async () => {
    server.use(
      http.get("/api/v1/instance", () =>
        HttpResponse.json(
          { error: { code: "RATE_LIMITED", message: "Later." } },
          { status: 429, headers: { "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT" } },
        ),
      ),
    );

    const error = await catchApiError(apiRequest("/api/v1/instance"));
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("sends no CSRF header before a token is set", async () => {
    const posts = recordRequests("post", "/api/v1/things");

    await apiRequest("/api/v1/things", { method: "POST", body: {} });

    expect(posts).toHaveLength(1);
    expect(posts[0]?.has("X-CSRF-Token")).toBe(false);
  });

  it("sends cookies only to its own origin", async () => {
    // Node's fetch defaults to same-origin too, so check what the client asks for.
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    await apiRequest("/api/v1/instance", { schema: instanceInfoSchema });

    expect(fetchSpy).toHaveBeenCalledWith(
      new URL("http://localhost:3000/api/v1/instance"),
      expect.objectContaining({ credentials: "same-origin" }),
    );
  });
});
