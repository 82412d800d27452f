import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { type ReactElement, StrictMode } from "react";
import { MemoryRouter } from "react-router";

type Options = {
  route?: string;
  /** A cache to start from, e.g. one that already knows who is signed in. */
  queryClient?: QueryClient;
  /** Wrap in StrictMode, as main.tsx does: effects then run twice on mount. */
  strict?: boolean;
};

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders `ui` as the app would, at `route`, with a fresh cache that never retries. */
export function renderWithProviders(
  ui: ReactElement,
  { route = "/", queryClient = createTestQueryClient(), strict = false }: Options = {},
) {
  const tree = (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>
  );
  const result = render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  return { ...result, queryClient };
}
