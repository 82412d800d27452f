// What the app and other features may use of settings; everything else in this folder is its own.
export { AccountTab } from "./pages/AccountTab.tsx";
export { NotificationsTab } from "./pages/NotificationsTab.tsx";
export { PrivacyTab } from "./pages/PrivacyTab.tsx";
export { SecurityTab } from "./pages/SecurityTab.tsx";
export { SettingsPage } from "./pages/SettingsPage.tsx";
