import {
  changePasswordRequestSchema,
  isCreatorTier,
  regenerateBackupCodesRequestSchema,
  twoFactorDisableRequestSchema,
  twoFactorEnableRequestSchema,
  updateProfileRequestSchema,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { errorResponse, validationFailed } from "../errors.ts";
import { buildQrCodeDataUrl, MOCK_TOTP_CODE, MOCK_TWO_FACTOR_SECRET, MOCK_WEAK_PASSWORDS } from "./factories.ts";
import { readJson, requireUser } from "./guards.ts";
import type { MockAccountsState } from "./state.ts";
import { checkSecondFactor, confirmationFailure } from "./twoFactor.ts";

const noContent = () => new HttpResponse(null, { status: 204 });
const wrongCode = () => errorResponse("INVALID_TWO_FACTOR_CODE", "Invalid two-factor code.");

/** /api/v1/users/me/* as the server answers them. */
export function meHandlers(state: MockAccountsState) {
  return [
    http.get("/api/v1/users/me", ({ request }) => {
      const user = requireUser(state, request);
      return user instanceof Response ? user : HttpResponse.json(user.me);
    }),

    http.patch("/api/v1/users/me", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = updateProfileRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      user.me.profile = { ...user.me.profile, ...changes };
      return HttpResponse.json(user.me);
    }),

    http.put("/api/v1/users/me/password", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = changePasswordRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (parsed.data.currentPassword !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The current password is incorrect.");
      }
      if (MOCK_WEAK_PASSWORDS.includes(parsed.data.newPassword)) {
        return errorResponse("WEAK_PASSWORD", "This password is too common. Choose one that is harder to guess.");
      }
      user.password = parsed.data.newPassword;
      // Every other credential dies with the old password: other sessions and every token.
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.password_change", request);
      return noContent();
    }),

    http.get("/api/v1/users/me/sessions", ({ request }) => {
      const user = requireUser(state, request);
      return user instanceof Response ? user : HttpResponse.json({ items: state.sessions });
    }),

    http.delete("/api/v1/users/me/sessions/:id", ({ request, params }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const session = state.sessions.find((candidate) => candidate.id === params.id);
      if (!session) return errorResponse("NOT_FOUND", "No such session.");
      if (session.current) state.signOut();
      else state.sessions = state.sessions.filter((candidate) => candidate !== session);
      return noContent();
    }),

    http.post("/api/v1/users/me/2fa/setup", ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      if (user.me.twoFactorEnabled) {
        return errorResponse("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on.");
      }
      state.pendingTwoFactor = true;
      return HttpResponse.json({
        secret: MOCK_TWO_FACTOR_SECRET,
        otpauthUri: `otpauth://totp/Stave:${user.me.username}?secret=${MOCK_TWO_FACTOR_SECRET}&issuer=Stave`,
        qrCodeDataUrl: buildQrCodeDataUrl(),
      });
    }),

    http.post("/api/v1/users/me/2fa/enable", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = twoFactorEnableRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (user.me.twoFactorEnabled) {
        return errorResponse("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on.");
      }
      if (!state.pendingTwoFactor) {
        return errorResponse("TWO_FACTOR_SETUP_REQUIRED", "Start the two-factor setup first.");
      }
      if (parsed.data.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is not correct.");
      }
      if (parsed.data.code !== MOCK_TOTP_CODE) return wrongCode();
      state.pendingTwoFactor = false;
      user.me.twoFactorEnabled = true;
      user.backupCodes = state.newBackupCodes();
      // As the server: whatever was signed in without the second factor goes, this session stays.
      const otherSessionsRevoked = state.sessions.filter((session) => !session.current).length;
      const accessTokensRevoked = state.accessTokens.length;
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.2fa_enable", request, { otherSessionsRevoked, accessTokensRevoked });
      return HttpResponse.json({ backupCodes: user.backupCodes });
    }),

    http.post("/api/v1/users/me/2fa/disable", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = twoFactorDisableRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (!user.me.twoFactorEnabled) {
        return errorResponse("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is not on.");
      }
      if (parsed.data.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is incorrect.");
      }
      if (!checkSecondFactor(user, parsed.data.code)) return wrongCode();
      user.me.twoFactorEnabled = false;
      user.backupCodes = [];
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.2fa_disable", request);
      return noContent();
    }),

    http.post("/api/v1/users/me/2fa/backup-codes", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = regenerateBackupCodesRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (!user.me.twoFactorEnabled) {
        return errorResponse("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is not on.");
      }
      const refused = confirmationFailure(user, parsed.data);
      if (refused) return refused;
      user.backupCodes = state.newBackupCodes();
      state.record(user.me, "user.2fa_backup_codes_regenerate", request);
      return HttpResponse.json({ backupCodes: user.backupCodes });
    }),

    http.post("/api/v1/users/me/upgrade-creator", ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      if (!user.me.isVerified) {
        return errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before upgrading.");
      }
      if (isCreatorTier(user.me.role)) {
        return HttpResponse.json({
          role: user.me.role,
          promoted_to_creator_at: user.me.promotedToCreatorAt,
          already_elevated: true,
        });
      }
      const from = user.me.role;
      user.me.role = "creator";
      user.me.promotedToCreatorAt = new Date().toISOString();
      state.record(user.me, "user.upgrade_creator", request, { from, to: "creator" });
      return HttpResponse.json({
        role: user.me.role,
        promoted_to_creator_at: user.me.promotedToCreatorAt,
        already_elevated: false,
      });
    }),

    http.get("/api/v1/users/me/security-events", ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const url = new URL(request.url);
      const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 20) || 20, 1), 100);
      const offset = Number(url.searchParams.get("cursor") ?? 0) || 0;
      const mine = state.events.filter((event) => event.actorId === user.me.id);
      const items = mine.slice(offset, offset + limit);
      const nextCursor = offset + limit < mine.length ? String(offset + limit) : null;
      return HttpResponse.json({ items, nextCursor });
    }),
  ];
}
