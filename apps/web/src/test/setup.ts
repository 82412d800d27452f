import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { setCsrfToken } from "../lib/api.ts";
import { resetAllMocks } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";

// findBy*/waitFor wait up to 1s by default; a busy two-core CI box can need longer.
configure({ asyncUtilTimeout: 3000 });

// A request nobody mocked is a test bug, not something to let through to the network.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  // The mocked server's memory and the client's CSRF token outlive a test otherwise.
  resetAllMocks();
  setCsrfToken(undefined);
  // tus-js-client remembers unfinished resumable uploads there: a test must not resume another's.
  localStorage.clear();
});
afterAll(() => server.close());
