import { createTokenRequestSchema, defaultTokenScopes, type PersonalToken } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { errorResponse, validationFailed } from "../errors.ts";
import { mockId } from "./factories.ts";
import { readJson, requireUser } from "./guards.ts";
import type { MockAccountsState } from "./state.ts";
import { confirmationFailure } from "./twoFactor.ts";

const DAY_MS = 24 * 3600 * 1000;

/** /api/v1/users/me/tokens as the server answers them: scoped, optionally expiring, shown once. */
export function tokenHandlers(state: MockAccountsState) {
  return [
    http.get("/api/v1/users/me/tokens", ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const now = Date.now();
      const items = state.accessTokens.map((token) => ({
        ...token,
        expired: token.expiresAt !== null && Date.parse(token.expiresAt) <= now,
      }));
      return HttpResponse.json({ items });
    }),

    http.post("/api/v1/users/me/tokens", async ({ request }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const parsed = createTokenRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { name, scopes = [...defaultTokenScopes], expiresInDays, password, code } = parsed.data;
      if (!user.me.isVerified) {
        return errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before creating an access token");
      }
      if (scopes.includes("admin") && user.me.role !== "admin" && user.me.role !== "moderator") {
        return errorResponse("FORBIDDEN", "Only administrators and moderators can create a token with the admin scope");
      }
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
      return HttpResponse.json({ ...created, token: `stave_pat_${state.issue("mock")}` }, { status: 201 });
    }),

    http.delete("/api/v1/users/me/tokens/:id", ({ request, params }) => {
      const user = requireUser(state, request);
      if (user instanceof Response) return user;
      const before = state.accessTokens.length;
      state.accessTokens = state.accessTokens.filter((token) => token.id !== params.id);
      if (state.accessTokens.length === before) return errorResponse("NOT_FOUND", "Token not found");
      state.record(user.me, "user.token_revoke", request, { tokenId: params.id });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
