import { api, createInviteRequestSchema } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockAdminState } from "./state.ts";

const ADMINS = ["admin"] as const;

/** The public instance info, served from the same settings the admin edits. */
export function instanceInfoHandlers(state: MockAdminState) {
  const handle = mockOperations(state.accounts);
  return [handle(api.instance.info, () => state.instanceInfo())];
}

/** /api/v1/admin/settings and /api/v1/admin/invites. */
export function adminSettingsHandlers(state: MockAdminState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.instance.settings, () => state.settings),

    handle(api.instance.updateSettings, ({ body, user }) => {
      const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      Object.assign(state.settings, changes, { updatedAt: new Date().toISOString() });
      state.record(user, "admin.settings_update", { type: "instance", id: null }, { fields: Object.keys(changes) });
      return state.settings;
    }),

    http.get("/api/v1/admin/invites", ({ request }) => {
      const admin = state.requireRole(request, ADMINS);
      if (admin instanceof Response) return admin;
      return HttpResponse.json({ items: state.invites.map((invite) => state.inviteOf(invite)) });
    }),

    http.post("/api/v1/admin/invites", async ({ request }) => {
      const admin = state.requireRole(request, ADMINS);
      if (admin instanceof Response) return admin;
      const parsed = createInviteRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const invite = state.createInvite(parsed.data);
      state.record(admin, "admin.invite_create", { type: "invite", id: invite.id }, { maxUses: invite.maxUses });
      return HttpResponse.json(invite, { status: 201 });
    }),

    http.delete("/api/v1/admin/invites/:id", ({ request, params }) => {
      const admin = state.requireRole(request, ADMINS);
      if (admin instanceof Response) return admin;
      const invite = state.invites.find((candidate) => candidate.id === String(params.id));
      if (!invite) return errorResponse("NOT_FOUND", "Invite not found");
      invite.revokedAt ??= new Date().toISOString();
      state.record(admin, "admin.invite_revoke", { type: "invite", id: invite.id });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
