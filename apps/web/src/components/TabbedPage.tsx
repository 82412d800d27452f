import { NavLink, Outlet } from "react-router";

export type PageTab = { to: string; label: string };

type TabbedPageProps = {
  title: string;
  /** Names the tab navigation for screen readers. */
  navLabel: string;
  /** The page's own class, beside `page`. */
  className: string;
  tabs: readonly PageTab[];
  /** A tab is marked only on its exact path, not on the paths below it. */
  exact?: boolean;
};

/** A page with a route per tab, so each is linkable; the router renders the open tab below. */
export function TabbedPage({ title, navLabel, className, tabs, exact = false }: TabbedPageProps) {
  return (
    <section className={`page ${className}`}>
      <h1>{title}</h1>
      <nav aria-label={navLabel} className="settings__tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={exact}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings__panel">
        <Outlet />
      </div>
    </section>
  );
}
