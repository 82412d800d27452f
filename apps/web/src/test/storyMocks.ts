import type { RequestHandler } from "msw";
import { server } from "../mocks/server.ts";

type MswParameter =
  | RequestHandler[]
  | { handlers: RequestHandler[] | Record<string, RequestHandler | RequestHandler[]> };

/**
 * Installs a composed story's `parameters.msw` on the node server, as msw-storybook-addon
 * does in the browser, so a story renders against its own mocks in tests too.
 */
export function applyStoryHandlers(parameters: { msw?: MswParameter }): void {
  const msw = parameters.msw;
  if (!msw) return;
  const handlers = Array.isArray(msw) ? msw : msw.handlers;
  server.use(...(Array.isArray(handlers) ? handlers : Object.values(handlers).flat()));
}

/** Resolves with the status of the next mocked response to `pathname`. */
export function nextMockedResponseStatus(pathname: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname !== pathname) return;
      server.events.removeListener("response:mocked", listener);
      resolve(response.status);
    };
    server.events.on("response:mocked", listener);
  });
}
