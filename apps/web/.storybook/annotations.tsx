import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { MemoryRouter } from "react-router";
import { setCsrfToken } from "../src/lib/api.ts";
import { handlersByDomain, resetAllMocks } from "../src/mocks/handlers.ts";

function StoryProviders({ route, children }: { route: string; children: ReactNode }) {
  // One cache per story so a story's mocked API never leaks into the next;
  // no retries so failure states show at once.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

/** `parameters.route` starts a story at that URL, e.g. "/verify-email#token=…". */
const withAppProviders: Decorator = (Story, { parameters }) => (
  <StoryProviders route={typeof parameters.route === "string" ? parameters.route : "/"}>
    <Story />
  </StoryProviders>
);

/**
 * What Storybook and the Vitest story tests share. Kept apart from preview.tsx because
 * that file starts MSW's browser worker, while tests use the node server.
 */
export const sharedAnnotations = {
  decorators: [withAppProviders],
  parameters: {
    msw: { handlers: handlersByDomain },
  },
  // Each story starts with the mocked API as seeded and no session token in memory.
  beforeEach: () => {
    resetAllMocks();
    setCsrfToken(undefined);
  },
} satisfies Preview;
