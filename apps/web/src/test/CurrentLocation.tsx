import { useLocation, useNavigate } from "react-router";

/**
 * Shows the router's current URL and a Back button, for tests that check where the app
 * went and that Back works (render it beside the routes; MemoryRouter ignores window.history).
 */
export function CurrentLocation() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="current-location">
        {location.pathname}
        {location.search}
      </output>
      <button type="button" onClick={() => navigate(-1)}>
        Browser back
      </button>
    </>
  );
}

/** The URL `<CurrentLocation />` shows, parsed. */
export function currentUrl(element: HTMLElement): URL {
  return new URL(element.textContent ?? "", "http://localhost");
}
