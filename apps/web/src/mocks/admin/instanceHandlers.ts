import { createInviteRequestSchema, instanceSettingsUpdateSchema } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockAdminState } from "./state.ts";

const ADMINS = ["admin"] as const;

/** The public instance info, served from the same settings the admin edits. */
export function instanceInfoHandlers(state: MockAdminState) {
  return [http.get("/api/v1/instance", () => HttpResponse.json(state.instanceInfo()))];
}

/** /api/v1/admin/settings and /api/v1/admin/invites. */
export function adminSettingsHandlers(state: MockAdminState) {
  return [
    http.get("/api/v1/admin/settings", ({ request }) => {
      const admin = state.requireRole(request, ADMINS);
      return admin instanceof Response ? admin : HttpResponse.json(state.settings);
    }),

    http.patch("/api/v1/admin/settings", async ({ request }) => {
      const admin = state.requireRole(request, ADMINS);
      if (admin instanceof Response) return admin;
      const parsed = instanceSettingsUpdateSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      Object.assign(state.settings, changes, { updatedAt: new Date().toISOString() });
      state.record(admin, "admin.settings_update", { type: "instance", id: null }, { fields: Object.keys(changes) });
      return HttpResponse.json(state.settings);
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
