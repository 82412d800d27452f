import { TabbedPage } from "../../../components/TabbedPage.tsx";

const tabs = [
  { to: "/settings", label: "Account" },
  { to: "/settings/security", label: "Security" },
  { to: "/settings/notifications", label: "Notifications" },
  { to: "/settings/privacy", label: "Privacy" },
] as const;

/** /settings: a page per tab so each is linkable; the router renders the tab below. */
export function SettingsPage() {
  return <TabbedPage title="Settings" navLabel="Settings" className="settings" tabs={tabs} exact />;
}
