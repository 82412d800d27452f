import { Route, Routes } from "react-router";
import {
  AdminIndex,
  AdminPage,
  AuditTab,
  InstanceSettingsTab,
  ModerationTab,
  RequireStaffRole,
  StatsTab,
  UserDetailTab,
  UsersTab,
} from "../features/admin/index.ts";
import {
  ForgotPasswordPage,
  LoginPage,
  RegisterPage,
  RequireAuth,
  ResendVerificationPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from "../features/auth/index.ts";
import { LibraryLikesTab, LibraryPage } from "../features/library/index.ts";
import { HistoryPage, StatsPage } from "../features/listening/index.ts";
import { ConversationPage, MessagesPage } from "../features/messages/index.ts";
import { NotificationsPage } from "../features/notifications/index.ts";
import { LibraryPlaylistsTab, PlaylistPage } from "../features/playlists/index.ts";
import { SearchPage } from "../features/search/index.ts";
import { AccountTab, NotificationsTab, PrivacyTab, SecurityTab, SettingsPage } from "../features/settings/index.ts";
import { FollowsPage } from "../features/social/index.ts";
import { CreatorPage, MyTracksPage, TrackPage, UploadPage } from "../features/tracks/index.ts";
import { AppLayout } from "./AppLayout.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

/** Router-agnostic: main.tsx wraps it in a BrowserRouter, tests and stories in a MemoryRouter. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route
          path="library"
          element={
            <RequireAuth>
              <LibraryPage />
            </RequireAuth>
          }
        >
          <Route index element={<LibraryPlaylistsTab />} />
          <Route path="likes" element={<LibraryLikesTab />} />
        </Route>
        <Route
          path="library/history"
          element={
            <RequireAuth>
              <HistoryPage />
            </RequireAuth>
          }
        />
        <Route
          path="stats"
          element={
            <RequireAuth>
              <StatsPage />
            </RequireAuth>
          }
        />
        <Route path="register" element={<RegisterPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="verify-email/resend" element={<ResendVerificationPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route
          path="settings"
          element={
            <RequireAuth>
              <SettingsPage />
            </RequireAuth>
          }
        >
          <Route index element={<AccountTab />} />
          <Route path="security" element={<SecurityTab />} />
          <Route path="notifications" element={<NotificationsTab />} />
          <Route path="privacy" element={<PrivacyTab />} />
        </Route>
        <Route
          path="upload"
          element={
            <RequireAuth>
              <UploadPage />
            </RequireAuth>
          }
        />
        <Route
          path="me/tracks"
          element={
            <RequireAuth>
              <MyTracksPage />
            </RequireAuth>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="messages"
          element={
            <RequireAuth>
              <MessagesPage />
            </RequireAuth>
          }
        />
        <Route
          path="messages/:conversationId"
          element={
            <RequireAuth>
              <ConversationPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin"
          element={
            <RequireAuth>
              <RequireStaffRole level="staff">
                <AdminPage />
              </RequireStaffRole>
            </RequireAuth>
          }
        >
          <Route index element={<AdminIndex />} />
          <Route path="moderation" element={<ModerationTab />} />
          {[
            { path: "users", page: <UsersTab /> },
            { path: "users/:id", page: <UserDetailTab /> },
            { path: "audit", page: <AuditTab /> },
            { path: "settings", page: <InstanceSettingsTab /> },
            { path: "stats", page: <StatsTab /> },
          ].map(({ path, page }) => (
            <Route key={path} path={path} element={<RequireStaffRole level="admin">{page}</RequireStaffRole>} />
          ))}
        </Route>
        <Route path="tracks/:id" element={<TrackPage />} />
        <Route path="playlists/:id" element={<PlaylistPage />} />
        <Route path="creators/:username" element={<CreatorPage />} />
        <Route path="creators/:username/followers" element={<FollowsPage direction="followers" />} />
        <Route path="creators/:username/following" element={<FollowsPage direction="following" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
