import { NavLink, Outlet } from "react-router";

const tabs = [
  { to: "/settings", label: "Account" },
  { to: "/settings/security", label: "Security" },
  { to: "/settings/notifications", label: "Notifications" },
  { to: "/settings/privacy", label: "Privacy" },
] as const;

/** /settings: a page per tab so each is linkable; the router renders the tab below. */
export function SettingsPage() {
  return (
    <section className="page settings">
      <h1>Settings</h1>
      <nav aria-label="Settings" className="settings__tabs">
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
      <div className="settings__panel">
        <Outlet />
      </div>
    </section>
  );
}
