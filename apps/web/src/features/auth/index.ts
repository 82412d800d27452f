// What the app and other features may use of auth; everything else in this folder is its own.
export { AccountMenu } from "./components/AccountMenu.tsx";
export { confirmationError, NewPasswordFields } from "./components/NewPasswordFields.tsx";
export { RequireAuth, type ReturnTo } from "./components/RequireAuth.tsx";
export { ForgotPasswordPage } from "./pages/ForgotPasswordPage.tsx";
export { LoginPage } from "./pages/LoginPage.tsx";
export { RegisterPage } from "./pages/RegisterPage.tsx";
export { ResendVerificationPage } from "./pages/ResendVerificationPage.tsx";
export { ResetPasswordPage } from "./pages/ResetPasswordPage.tsx";
export { VerifyEmailPage } from "./pages/VerifyEmailPage.tsx";
export { roleLabels } from "./roles.ts";
export { endSession } from "./session.ts";
export { isCodeShaped, wrongCodeMessages } from "./twoFactorCodes.ts";
export { meQueryKey, useMe } from "./useMe.ts";
