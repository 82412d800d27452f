import { NavLink, Outlet } from "react-router";

/**
 * The library's sections, each its own linkable page: Playlists and Likes render below the
 * tabs here; History lives at /library/history.
 */
const tabs = [
  { to: "/library", label: "Playlists" },
  { to: "/library/likes", label: "Likes" },
  { to: "/library/history", label: "History" },
] as const;

/** The tabs of /library, for a signed-in listener, above the section the router renders. */
export function LibraryTabs() {
  return (
    <nav aria-label="Library" className="settings__tabs library__tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /library: the tabs, then the section the router renders below (Playlists at /library). */
export function LibraryPage() {
  return (
    <section className="page library">
      <h1>Library</h1>
      <LibraryTabs />
      <div className="library__panel">
        <Outlet />
      </div>
    </section>
  );
}
