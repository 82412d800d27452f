import { api } from "@stave/contracts";
import { HttpResponse } from "msw";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { buildUnverifiedUser, MOCK_WEAK_PASSWORDS } from "./factories.ts";
import type { MockAccountsState } from "./state.ts";
import { checkSecondFactor } from "./twoFactor.ts";

const weakPassword = () =>
  errorResponse("WEAK_PASSWORD", "This password is too common. Choose one that is harder to guess.");

/**
 * /api/v1/auth/* as the server answers them. Like the server (the operations say so), the
 * entry points that start a session (register, login, verify, reset…) take no CSRF token;
 * logout does.
 */
export function authHandlers(state: MockAccountsState) {
  const handle = mockOperations(state);
  return [
    handle(api.auth.register, ({ body }) => {
      const { email, username, password } = body;
      const refused = state.admitRegistration(body.inviteCode);
      if (refused) return refused;
      if (state.users.some((user) => user.me.email.toLowerCase() === email.toLowerCase())) {
        return errorResponse("EMAIL_TAKEN", "An account with this email already exists.");
      }
      if (state.users.some((user) => user.me.username === username)) {
        return errorResponse("USERNAME_TAKEN", "This username is taken.");
      }
      if (MOCK_WEAK_PASSWORDS.includes(password)) return weakPassword();
      state.registered(body.inviteCode);
      const me = buildUnverifiedUser({ email, username, createdAt: new Date().toISOString() });
      state.users.push({ me, password, backupCodes: [] });
      state.tokens.set(`verify-${username}`, { kind: "verify", userId: me.id });
      return { user: me };
    }),

    handle(api.auth.verifyEmail, ({ request, body }) => {
      const token = state.tokens.get(body.token);
      const user = token?.kind === "verify" ? state.findById(token.userId) : undefined;
      if (!user) return errorResponse("INVALID_TOKEN", "This verification link is invalid or has expired.");
      state.tokens.delete(body.token);
      user.me.isVerified = true;
      state.record(user.me, "user.verify_email", request);
      return { verified: true as const };
    }),

    handle(api.auth.resendVerification, () => ({
      message: "If an unverified account uses that address, we've sent it a new verification link.",
    })),

    handle(api.auth.login, ({ request, body }) => {
      const user = state.findByLogin(body.login);
      if (!user || user.password !== body.password) {
        if (user) state.record(user.me, "user.login", request, { success: false, reason: "wrong_password" });
        return errorResponse("INVALID_CREDENTIALS", "Invalid email, username or password.");
      }
      if (user.me.twoFactorEnabled) {
        const challenge = state.issue("challenge");
        state.challenges.set(challenge, user.me.id);
        return { twoFactorRequired: true as const, challenge };
      }
      return state.signIn(user, request);
    }),

    handle(api.auth.loginTwoFactor, ({ request, body }) => {
      const userId = state.challenges.get(body.challenge);
      const user = userId === undefined ? undefined : state.findById(userId);
      if (!user) return errorResponse("INVALID_TOKEN", "This sign-in has expired. Start again with your password.");
      if (!checkSecondFactor(user, body.code)) {
        state.record(user.me, "user.login", request, { success: false, reason: "wrong_second_factor" });
        return errorResponse("INVALID_TWO_FACTOR_CODE", "Invalid two-factor code.");
      }
      state.challenges.delete(body.challenge);
      return state.signIn(user, request, "password+totp");
    }),

    handle(api.auth.logout, ({ request, user }) => {
      state.record(user.me, "user.logout", request);
      state.signOut();
      return new HttpResponse(null, { status: 204 });
    }),

    // Signed in means a session here, so there is always a token to repeat.
    handle(api.auth.csrf, () => ({ csrfToken: state.csrfToken ?? "" })),

    handle(api.auth.forgotPassword, () => ({
      message: "If an account uses that address, we've sent it a link to reset the password.",
    })),

    handle(api.auth.resetPassword, ({ request, body }) => {
      const token = state.tokens.get(body.token);
      const user = token?.kind === "reset" ? state.findById(token.userId) : undefined;
      if (!user) return errorResponse("INVALID_TOKEN", "This reset link is invalid or has expired.");
      if (MOCK_WEAK_PASSWORDS.includes(body.newPassword)) return weakPassword();
      state.tokens.delete(body.token);
      user.password = body.newPassword;
      state.record(user.me, "user.password_reset", request);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
