import { api } from "@stave/contracts";
import { HttpResponse } from "msw";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockAdminState } from "./state.ts";

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

    handle(api.invites.list, () => ({ items: state.invites.map((invite) => state.inviteOf(invite)) })),

    handle(api.invites.create, ({ body, user }) => {
      const invite = state.createInvite(body);
      state.record(user, "admin.invite_create", { type: "invite", id: invite.id }, { maxUses: invite.maxUses });
      return invite;
    }),

    handle(api.invites.revoke, ({ params, user }) => {
      const invite = state.invites.find((candidate) => candidate.id === params.id);
      if (!invite) return errorResponse("NOT_FOUND", "Invite not found");
      invite.revokedAt ??= new Date().toISOString();
      state.record(user, "admin.invite_revoke", { type: "invite", id: invite.id });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
