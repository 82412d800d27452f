import type { Role } from "@stave/contracts";
import { Link, NavLink, Outlet } from "react-router";
import { isAdmin, isStaff } from "../features/admin/index.ts";
import { AccountMenu, useMe } from "../features/auth/index.ts";
import { useSiteName } from "../features/instance/index.ts";
import { HeaderInbox } from "../features/notifications/index.ts";
import { SearchBox } from "../features/search/index.ts";
import { PlayerBar } from "../player/PlayerBar.tsx";
import { PlayerProvider } from "../player/PlayerProvider.tsx";
import { playerApi } from "./playerApi.ts";

const navItems = [
  { to: "/", label: "Home" },
  { to: "/search", label: "Search" },
  { to: "/library", label: "Library" },
] as const;

/** Admins get the admin pages, moderators the queue; nobody else sees either in the nav. */
function staffNavItems(role: Role | undefined) {
  if (!isStaff(role)) return [];
  return isAdmin(role) ? [{ to: "/admin", label: "Admin" }] : [{ to: "/admin/moderation", label: "Moderation" }];
}

export function AppLayout() {
  const siteName = useSiteName();
  const role = useMe().data?.role;
  return (
    // The player wraps the routed pages and stays mounted while they change, so
    // playback continues across navigation.
    <PlayerProvider api={playerApi}>
      <div className="app">
        <header className="app-header">
          <Link to="/" className="app-header__brand">
            {siteName}
          </Link>
          <nav aria-label="Primary" className="app-nav">
            <ul>
              {[...navItems, ...staffNavItems(role)].map((item) => (
                <li key={item.to}>
                  {/* `end` so Home is not marked current on every page below "/" */}
                  <NavLink to={item.to} end={item.to === "/"}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <SearchBox />
          <HeaderInbox />
          <AccountMenu />
        </header>
        <main className="app-main">
          <Outlet />
        </main>
        <PlayerBar />
      </div>
    </PlayerProvider>
  );
}
