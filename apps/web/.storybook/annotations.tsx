import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { MemoryRouter } from "react-router";
import { handlersByDomain } from "../src/mocks/handlers.ts";

function StoryProviders({ children }: { children: ReactNode }) {
  // One cache per story so a story's mocked API never leaks into the next;
  // no retries so failure states show at once.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

const withAppProviders: Decorator = (Story) => (
  <StoryProviders>
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
} satisfies Preview;
