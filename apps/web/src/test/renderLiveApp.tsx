import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRoutes } from "../app/AppRoutes.tsx";
import { UserEventSourceProvider } from "../features/notifications/index.ts";
import type { MockApi } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";
import { CurrentLocation } from "./CurrentLocation.tsx";
import { createFakeUserEvents } from "./fakeUserEvents.ts";
import { renderWithProviders } from "./renderWithProviders.tsx";

/**
 * The whole app at `route` against `api`, with a live event stream the test drives
 * (`fake.emit(...)` inside act) and the current URL shown in `current-location`.
 */
export function renderLiveApp(api: MockApi, route = "/") {
  server.use(...api.handlers);
  const fake = createFakeUserEvents();
  const user = userEvent.setup();
  const result = renderWithProviders(
    <UserEventSourceProvider source={fake.source}>
      <AppRoutes />
      <CurrentLocation />
    </UserEventSourceProvider>,
    { route },
  );
  return { ...result, fake, user };
}

/** The app's own header (pages may have `<header>`s of their own, also banners to testing-library). */
export function appHeader() {
  const [header] = screen.getAllByRole("banner");
  if (!header) throw new Error("no app header");
  return within(header);
}
