import { api, defaultTokenScopes, type PersonalToken } from "@stave/contracts";
import { HttpResponse } from "msw";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { mockId } from "./factories.ts";
import type { MockAccountsState } from "./state.ts";
import { confirmationFailure } from "./twoFactor.ts";

const DAY_MS = 24 * 3600 * 1000;

/**
 * /api/v1/users/me/tokens as the server answers them: scoped, optionally expiring, shown once.
 * Who may have a token (a verified address; the admin scope for staff only) is the server's
 * rule: the settings offer the admin scope to staff alone, and no story asks for the refusals.
 */
export function tokenHandlers(state: MockAccountsState) {
  const handle = mockOperations(state);
  return [
    handle(api.me.tokens, () => {
      const now = Date.now();
      const items = state.accessTokens.map((token) => ({
        ...token,
        expired: token.expiresAt !== null && Date.parse(token.expiresAt) <= now,
      }));
      return { items };
    }),

    handle(api.me.createToken, ({ request, body, user }) => {
      const { name, scopes = [...defaultTokenScopes], expiresInDays, password, code } = body;
      const refused = confirmationFailure(user, { password, code });
      if (refused) return refused;
      const created: PersonalToken = {
        id: mockId(),
        name,
        scopes,
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
        expiresAt: expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * DAY_MS).toISOString(),
        expired: false,
      };
      state.accessTokens.unshift(created);
      state.record(user.me, "user.token_create", request, { tokenId: created.id, scopes });
      return { ...created, token: `stave_pat_${state.issue("mock")}` };
    }),

    handle(api.me.revokeToken, ({ request, params, user }) => {
      const before = state.accessTokens.length;
      state.accessTokens = state.accessTokens.filter((token) => token.id !== params.id);
      if (state.accessTokens.length === before) return errorResponse("NOT_FOUND", "Token not found");
      state.record(user.me, "user.token_revoke", request, { tokenId: params.id });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
