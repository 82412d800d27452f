import { api, EXPORTS_PER_DAY } from "@stave/contracts";
import { HttpResponse, type RequestHandler } from "msw";
import { checkSecondFactor } from "../accounts/twoFactor.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockPrivacyState } from "./state.ts";

/**
 * The `api.privacy` operations (data exports and account deletion), as the server answers
 * them. Not the export download: the app offers it as a plain link, a navigation MSW never intercepts.
 */
export function privacyHandlersFor(state: MockPrivacyState): RequestHandler[] {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.privacy.requestExport, ({ user }) => {
      const result = state.request(user.me.id);
      if ("retryAfterSeconds" in result) {
        const { retryAfterSeconds } = result;
        return errorResponse(
          "EXPORT_RATE_LIMITED",
          `You can request ${EXPORTS_PER_DAY} exports a day. The next one is possible in ${Math.ceil(retryAfterSeconds / 3600)} h.`,
          { details: { retryAfterSeconds }, retryAfterSeconds },
        );
      }
      return { export: result.export };
    }),

    handle(api.privacy.exports, ({ user }) => state.list(user.me.id)),

    handle(api.privacy.deleteAccount, ({ body, user }) => {
      if (body.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is not correct");
      }
      if (user.me.twoFactorEnabled) {
        const { code } = body;
        if (!code) return errorResponse("INVALID_TWO_FACTOR_CODE", "Enter a code from your authenticator app");
        if (!checkSecondFactor(user, code)) return errorResponse("INVALID_TWO_FACTOR_CODE", "That code is not valid");
      }
      state.deleteAccount(user, body.keepPublicTracks);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
