import { Route, Routes } from "react-router";
import { RequireStaffRole } from "../features/admin/components/RequireStaffRole.tsx";
import { AdminIndex, AdminPage } from "../features/admin/pages/AdminPage.tsx";
import { AuditTab } from "../features/admin/pages/AuditTab.tsx";
import { InstanceSettingsTab } from "../features/admin/pages/InstanceSettingsTab.tsx";
import { ModerationTab } from "../features/admin/pages/ModerationTab.tsx";
import { StatsTab } from "../features/admin/pages/StatsTab.tsx";
import { UserDetailTab } from "../features/admin/pages/UserDetailTab.tsx";
import { UsersTab } from "../features/admin/pages/UsersTab.tsx";
import { RequireAuth } from "../features/auth/components/RequireAuth.tsx";
import { ForgotPasswordPage } from "../features/auth/pages/ForgotPasswordPage.tsx";
import { LoginPage } from "../features/auth/pages/LoginPage.tsx";
import { RegisterPage } from "../features/auth/pages/RegisterPage.tsx";
import { ResendVerificationPage } from "../features/auth/pages/ResendVerificationPage.tsx";
import { ResetPasswordPage } from "../features/auth/pages/ResetPasswordPage.tsx";
import { VerifyEmailPage } from "../features/auth/pages/VerifyEmailPage.tsx";
import { LibraryPage } from "../features/library/pages/LibraryPage.tsx";
import { HistoryPage } from "../features/listening/pages/HistoryPage.tsx";
import { StatsPage } from "../features/listening/pages/StatsPage.tsx";
import { ConversationPage } from "../features/messages/pages/ConversationPage.tsx";
import { MessagesPage } from "../features/messages/pages/MessagesPage.tsx";
import { NotificationsPage } from "../features/notifications/pages/NotificationsPage.tsx";
import { LibraryPlaylistsTab } from "../features/playlists/pages/LibraryPlaylistsTab.tsx";
import { PlaylistPage } from "../features/playlists/pages/PlaylistPage.tsx";
import { SearchPage } from "../features/search/pages/SearchPage.tsx";
import { AccountTab } from "../features/settings/pages/AccountTab.tsx";
import { NotificationsTab } from "../features/settings/pages/NotificationsTab.tsx";
import { PrivacyTab } from "../features/settings/pages/PrivacyTab.tsx";
import { SecurityTab } from "../features/settings/pages/SecurityTab.tsx";
import { SettingsPage } from "../features/settings/pages/SettingsPage.tsx";
import { FollowsPage } from "../features/social/pages/FollowsPage.tsx";
import { LibraryLikesTab } from "../features/social/pages/LibraryLikesTab.tsx";
import { CreatorPage } from "../features/tracks/pages/CreatorPage.tsx";
import { MyTracksPage } from "../features/tracks/pages/MyTracksPage.tsx";
import { TrackPage } from "../features/tracks/pages/TrackPage.tsx";
import { UploadPage } from "../features/tracks/pages/UploadPage.tsx";
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
