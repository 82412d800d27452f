import {
  emailRequestSchema,
  loginRequestSchema,
  loginTwoFactorRequestSchema,
  registerRequestSchema,
  resetPasswordRequestSchema,
  tokenRequestSchema,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { errorResponse, validationFailed } from "../errors.ts";
import { buildUnverifiedUser, MOCK_WEAK_PASSWORDS } from "./factories.ts";
import { csrfFailure, readJson } from "./guards.ts";
import type { MockAccountsState } from "./state.ts";
import { checkSecondFactor } from "./twoFactor.ts";

const weakPassword = () =>
  errorResponse("WEAK_PASSWORD", "This password is too common. Choose one that is harder to guess.");

/**
 * /api/v1/auth/* as the server answers them. Like the server, the entry points that
 * start a session (register, login, verify, reset…) take no CSRF token; logout does.
 */
export function authHandlers(state: MockAccountsState) {
  return [
    http.post("/api/v1/auth/register", async ({ request }) => {
      const parsed = registerRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { email, username, password } = parsed.data;
      const refused = state.admitRegistration(parsed.data.inviteCode);
      if (refused) return refused;
      if (state.users.some((user) => user.me.email.toLowerCase() === email.toLowerCase())) {
        return errorResponse("EMAIL_TAKEN", "An account with this email already exists.");
      }
      if (state.users.some((user) => user.me.username === username)) {
        return errorResponse("USERNAME_TAKEN", "This username is taken.");
      }
      if (MOCK_WEAK_PASSWORDS.includes(password)) return weakPassword();
      state.registered(parsed.data.inviteCode);
      const me = buildUnverifiedUser({ email, username, createdAt: new Date().toISOString() });
      state.users.push({ me, password, backupCodes: [] });
      state.tokens.set(`verify-${username}`, { kind: "verify", userId: me.id });
      return HttpResponse.json({ user: me }, { status: 201 });
    }),

    http.post("/api/v1/auth/verify-email", async ({ request }) => {
      const parsed = tokenRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const token = state.tokens.get(parsed.data.token);
      const user = token?.kind === "verify" ? state.findById(token.userId) : undefined;
      if (!user) return errorResponse("INVALID_TOKEN", "This verification link is invalid or has expired.");
      state.tokens.delete(parsed.data.token);
      user.me.isVerified = true;
      state.record(user.me, "user.verify_email", request);
      return HttpResponse.json({ verified: true });
    }),

    http.post("/api/v1/auth/verify-email/resend", async ({ request }) => {
      const parsed = emailRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      return HttpResponse.json(
        { message: "If an unverified account uses that address, we've sent it a new verification link." },
        { status: 202 },
      );
    }),

    http.post("/api/v1/auth/login", async ({ request }) => {
      const parsed = loginRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const user = state.findByLogin(parsed.data.login);
      if (!user || user.password !== parsed.data.password) {
        if (user) state.record(user.me, "user.login", request, { success: false, reason: "wrong_password" });
        return errorResponse("INVALID_CREDENTIALS", "Invalid email, username or password.");
      }
      if (user.me.twoFactorEnabled) {
        const challenge = state.issue("challenge");
        state.challenges.set(challenge, user.me.id);
        return HttpResponse.json({ twoFactorRequired: true, challenge });
      }
      return HttpResponse.json(state.signIn(user, request));
    }),

    http.post("/api/v1/auth/login/2fa", async ({ request }) => {
      const parsed = loginTwoFactorRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const userId = state.challenges.get(parsed.data.challenge);
      const user = userId === undefined ? undefined : state.findById(userId);
      if (!user) return errorResponse("INVALID_TOKEN", "This sign-in has expired. Start again with your password.");
      if (!checkSecondFactor(user, parsed.data.code)) {
        state.record(user.me, "user.login", request, { success: false, reason: "wrong_second_factor" });
        return errorResponse("INVALID_TWO_FACTOR_CODE", "Invalid two-factor code.");
      }
      state.challenges.delete(parsed.data.challenge);
      return HttpResponse.json(state.signIn(user, request, "password+totp"));
    }),

    http.post("/api/v1/auth/logout", ({ request }) => {
      if (state.currentUserId === null) return errorResponse("UNAUTHENTICATED", "Sign in to continue.");
      const refused = csrfFailure(state, request);
      if (refused) return refused;
      const user = state.current;
      if (user) state.record(user.me, "user.logout", request);
      state.signOut();
      return new HttpResponse(null, { status: 204 });
    }),

    http.get("/api/v1/auth/csrf", () => {
      if (state.csrfToken === null) return errorResponse("UNAUTHENTICATED", "Sign in to continue.");
      return HttpResponse.json({ csrfToken: state.csrfToken });
    }),

    http.post("/api/v1/auth/password/forgot", async ({ request }) => {
      const parsed = emailRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      return HttpResponse.json(
        { message: "If an account uses that address, we've sent it a link to reset the password." },
        { status: 202 },
      );
    }),

    http.post("/api/v1/auth/password/reset", async ({ request }) => {
      const parsed = resetPasswordRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const token = state.tokens.get(parsed.data.token);
      const user = token?.kind === "reset" ? state.findById(token.userId) : undefined;
      if (!user) return errorResponse("INVALID_TOKEN", "This reset link is invalid or has expired.");
      if (MOCK_WEAK_PASSWORDS.includes(parsed.data.newPassword)) return weakPassword();
      state.tokens.delete(parsed.data.token);
      user.password = parsed.data.newPassword;
      state.record(user.me, "user.password_reset", request);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
