// What the app and other features may use of admin; everything else in this folder is its own.
export { isAdmin, isStaff } from "./adminAccess.ts";
export { RequireStaffRole } from "./components/RequireStaffRole.tsx";
export { AdminIndex, AdminPage } from "./pages/AdminPage.tsx";
export { AuditTab } from "./pages/AuditTab.tsx";
export { InstanceSettingsTab } from "./pages/InstanceSettingsTab.tsx";
export { ModerationTab } from "./pages/ModerationTab.tsx";
export { StatsTab } from "./pages/StatsTab.tsx";
export { UserDetailTab } from "./pages/UserDetailTab.tsx";
export { UsersTab } from "./pages/UsersTab.tsx";
