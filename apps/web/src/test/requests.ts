import { server } from "../mocks/server.ts";

type Seen = {
  method: string;
  pathname: string;
  /** The query string, e.g. to check a search sent its filters. */
  searchParams: URLSearchParams;
  headers: Headers;
  json: () => Promise<unknown>;
};

/**
 * Records every request the mocked API receives from now on (setup.ts drops the
 * listener after each test), so a test can check what was sent and how often.
 */
export function recordApiRequests() {
  const seen: Seen[] = [];
  server.events.on("request:start", ({ request }) => {
    const copy = request.clone();
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      pathname: url.pathname,
      searchParams: url.searchParams,
      headers: request.headers,
      json: () => copy.json(),
    });
  });
  return {
    /** Requests to `pathname` (exactly, or matching a pattern), with `method` if given; oldest first. */
    to(pathname: string | RegExp, method?: string): Seen[] {
      const matches = (path: string) => (typeof pathname === "string" ? path === pathname : pathname.test(path));
      return seen.filter((request) => matches(request.pathname) && (!method || request.method === method));
    },
  };
}
