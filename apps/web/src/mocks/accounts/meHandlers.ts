import { api, isCreatorTier } from "@stave/contracts";
import { HttpResponse } from "msw";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { buildQrCodeDataUrl, MOCK_TOTP_CODE, MOCK_TWO_FACTOR_SECRET, MOCK_WEAK_PASSWORDS } from "./factories.ts";
import type { MockAccountsState } from "./state.ts";
import { checkSecondFactor, confirmationFailure } from "./twoFactor.ts";

const noContent = () => new HttpResponse(null, { status: 204 });
const wrongCode = () => errorResponse("INVALID_TWO_FACTOR_CODE", "Invalid two-factor code.");

/** /api/v1/users/me/* as the server answers them. */
export function meHandlers(state: MockAccountsState) {
  const handle = mockOperations(state);
  return [
    handle(api.me.current, ({ user }) => user.me),

    handle(api.me.updateProfile, ({ body, user }) => {
      const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      user.me.profile = { ...user.me.profile, ...changes };
      return user.me;
    }),

    handle(api.me.changePassword, ({ request, body, user }) => {
      if (body.currentPassword !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The current password is incorrect.");
      }
      if (MOCK_WEAK_PASSWORDS.includes(body.newPassword)) {
        return errorResponse("WEAK_PASSWORD", "This password is too common. Choose one that is harder to guess.");
      }
      user.password = body.newPassword;
      // Every other credential dies with the old password: other sessions and every token.
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.password_change", request);
      return noContent();
    }),

    handle(api.me.sessions, () => ({ items: state.sessions })),

    handle(api.me.revokeSession, ({ params }) => {
      const session = state.sessions.find((candidate) => candidate.id === params.id);
      if (!session) return errorResponse("NOT_FOUND", "No such session.");
      if (session.current) state.signOut();
      else state.sessions = state.sessions.filter((candidate) => candidate !== session);
      return noContent();
    }),

    // The settings only offer setup while two-factor is off and turning it off while it is
    // on, so the server's refusals for the other order are left to the server's own tests.
    handle(api.me.startTwoFactorSetup, ({ user }) => ({
      secret: MOCK_TWO_FACTOR_SECRET,
      otpauthUri: `otpauth://totp/Stave:${user.me.username}?secret=${MOCK_TWO_FACTOR_SECRET}&issuer=Stave`,
      qrCodeDataUrl: buildQrCodeDataUrl(),
    })),

    handle(api.me.enableTwoFactor, ({ request, body, user }) => {
      if (body.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is not correct.");
      }
      if (body.code !== MOCK_TOTP_CODE) return wrongCode();
      user.me.twoFactorEnabled = true;
      user.backupCodes = state.newBackupCodes();
      // As the server: whatever was signed in without the second factor goes, this session stays.
      const otherSessionsRevoked = state.sessions.filter((session) => !session.current).length;
      const accessTokensRevoked = state.accessTokens.length;
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.2fa_enable", request, { otherSessionsRevoked, accessTokensRevoked });
      return { backupCodes: user.backupCodes };
    }),

    handle(api.me.disableTwoFactor, ({ request, body, user }) => {
      if (body.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is incorrect.");
      }
      if (!checkSecondFactor(user, body.code)) return wrongCode();
      user.me.twoFactorEnabled = false;
      user.backupCodes = [];
      state.sessions = state.sessions.filter((session) => session.current);
      state.accessTokens = [];
      state.record(user.me, "user.2fa_disable", request);
      return noContent();
    }),

    handle(api.me.regenerateBackupCodes, ({ request, body, user }) => {
      const refused = confirmationFailure(user, body);
      if (refused) return refused;
      user.backupCodes = state.newBackupCodes();
      state.record(user.me, "user.2fa_backup_codes_regenerate", request);
      return { backupCodes: user.backupCodes };
    }),

    // An unverified listener's button is disabled, so the server's EMAIL_NOT_VERIFIED is not mocked.
    handle(api.me.upgradeToCreator, ({ request, user }) => {
      if (isCreatorTier(user.me.role)) {
        return { role: user.me.role, promoted_to_creator_at: user.me.promotedToCreatorAt, already_elevated: true };
      }
      const from = user.me.role;
      user.me.role = "creator";
      user.me.promotedToCreatorAt = new Date().toISOString();
      state.record(user.me, "user.upgrade_creator", request, { from, to: "creator" });
      return { role: user.me.role, promoted_to_creator_at: user.me.promotedToCreatorAt, already_elevated: false };
    }),

    // The offset is the cursor here; the server's is opaque, which the client never looks into.
    handle(api.audit.mySecurityEvents, ({ query, user }) => {
      const { limit } = query;
      const offset = Number(query.cursor ?? 0) || 0;
      const mine = state.events.filter((event) => event.actorId === user.me.id);
      const items = mine.slice(offset, offset + limit);
      const nextCursor = offset + limit < mine.length ? String(offset + limit) : null;
      return { items, nextCursor };
    }),
  ];
}
