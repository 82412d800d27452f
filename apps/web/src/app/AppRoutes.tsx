import { Route, Routes } from "react-router";
import { RequireAuth } from "../features/auth/components/RequireAuth.tsx";
import { ForgotPasswordPage } from "../features/auth/pages/ForgotPasswordPage.tsx";
import { LoginPage } from "../features/auth/pages/LoginPage.tsx";
import { RegisterPage } from "../features/auth/pages/RegisterPage.tsx";
import { ResendVerificationPage } from "../features/auth/pages/ResendVerificationPage.tsx";
import { ResetPasswordPage } from "../features/auth/pages/ResetPasswordPage.tsx";
import { VerifyEmailPage } from "../features/auth/pages/VerifyEmailPage.tsx";
import { AccountTab } from "../features/settings/pages/AccountTab.tsx";
import { SecurityTab } from "../features/settings/pages/SecurityTab.tsx";
import { SettingsPage } from "../features/settings/pages/SettingsPage.tsx";
import { CreatorPage } from "../features/tracks/pages/CreatorPage.tsx";
import { MyTracksPage } from "../features/tracks/pages/MyTracksPage.tsx";
import { TrackPage } from "../features/tracks/pages/TrackPage.tsx";
import { UploadPage } from "../features/tracks/pages/UploadPage.tsx";
import { AppLayout } from "./AppLayout.tsx";
import { ComingSoonPage } from "./pages/ComingSoonPage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

/** Router-agnostic: main.tsx wraps it in a BrowserRouter, tests and stories in a MemoryRouter. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<ComingSoonPage title="Search" />} />
        <Route path="library" element={<ComingSoonPage title="Library" />} />
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
        <Route path="tracks/:id" element={<TrackPage />} />
        <Route path="creators/:username" element={<CreatorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
