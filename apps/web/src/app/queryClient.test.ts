import { describe, expect, it } from "vitest";
import { meQueryKey } from "../features/auth/index.ts";
import { ApiError } from "../lib/api.ts";
import { buildVerifiedUser } from "../mocks/handlers.ts";
import { createQueryClient } from "./queryClient.ts";

const failWith = (status: number, code: "UNAUTHENTICATED" | "FORBIDDEN") => () =>
  Promise.reject(new ApiError(status, code, "No."));

describe("createQueryClient", () => {
  it("re-checks who is signed in when any request answers 401 UNAUTHENTICATED", async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(meQueryKey, buildVerifiedUser());

    await queryClient
      .fetchQuery({ queryKey: ["me", "sessions"], queryFn: failWith(401, "UNAUTHENTICATED") })
      .catch(() => {});

    expect(queryClient.getQueryState(meQueryKey)?.isInvalidated).toBe(true);
  });

  it("leaves the session alone for other failures", async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(meQueryKey, buildVerifiedUser());

    await queryClient.fetchQuery({ queryKey: ["me", "sessions"], queryFn: failWith(403, "FORBIDDEN") }).catch(() => {});

    expect(queryClient.getQueryState(meQueryKey)?.isInvalidated).toBe(false);
  });

  it("does not retry a 4xx", async () => {
    const queryClient = createQueryClient();
    let calls = 0;
    const queryFn = () => {
      calls += 1;
      return Promise.reject(new ApiError(403, "FORBIDDEN", "No."));
    };

    await queryClient.fetchQuery({ queryKey: ["x"], queryFn }).catch(() => {});

    expect(calls).toBe(1);
  });
});
