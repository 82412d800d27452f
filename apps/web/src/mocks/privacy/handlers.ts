import { deleteAccountRequestSchema, EXPORTS_PER_DAY } from "@stave/contracts";
import { HttpResponse, http, type RequestHandler } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import { checkSecondFactor } from "../accounts/twoFactor.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import { buildEmptyZip } from "./factories.ts";
import type { MockPrivacyState } from "./state.ts";

/** /api/v1/me/export, /api/v1/me/exports* and DELETE /api/v1/users/me, as the server answers them. */
export function privacyHandlersFor(state: MockPrivacyState): RequestHandler[] {
  const accounts = state.accounts;
  return [
    http.post("/api/v1/me/export", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const result = state.request(user.me.id);
      if ("retryAfterSeconds" in result) {
        const { retryAfterSeconds } = result;
        return errorResponse(
          "EXPORT_RATE_LIMITED",
          `You can request ${EXPORTS_PER_DAY} exports a day. The next one is possible in ${Math.ceil(retryAfterSeconds / 3600)} h.`,
          { details: { retryAfterSeconds }, retryAfterSeconds },
        );
      }
      return HttpResponse.json({ export: result.export }, { status: 202 });
    }),

    http.get("/api/v1/me/exports", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return HttpResponse.json(state.list(user.me.id));
    }),

    http.get("/api/v1/me/exports/:id/download", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      // Someone else's export is as missing as one that never was.
      const found = state.find(user.me.id, String(params.id));
      if (!found) return errorResponse("NOT_FOUND", "Export not found");
      if (found.status === "expired")
        return errorResponse("EXPORT_EXPIRED", "This export has expired; request a new one");
      if (found.status !== "ready") return errorResponse("EXPORT_NOT_READY", "This export is not ready yet");
      const zip = buildEmptyZip();
      return new HttpResponse(zip, {
        headers: {
          "Content-Type": "application/zip",
          "Content-Length": String(zip.byteLength),
          "Content-Disposition": `attachment; filename="stave-export-${found.createdAt.slice(0, 10)}.zip"`,
        },
      });
    }),

    http.delete("/api/v1/users/me", async ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = deleteAccountRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (parsed.data.password !== user.password) {
        return errorResponse("PASSWORD_INCORRECT", "The password is not correct");
      }
      if (user.me.twoFactorEnabled) {
        const { code } = parsed.data;
        if (!code) return errorResponse("INVALID_TWO_FACTOR_CODE", "Enter a code from your authenticator app");
        if (!checkSecondFactor(user, code)) return errorResponse("INVALID_TWO_FACTOR_CODE", "That code is not valid");
      }
      state.deleteAccount(user, parsed.data.keepPublicTracks);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
