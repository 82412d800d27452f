import {
  api,
  createdInviteSchema,
  type InstanceSettings,
  type InstanceSettingsUpdate,
  type InviteCode,
  inviteCodeListSchema,
} from "@stave/contracts";
import { apiRequest, callApi } from "../../../lib/api.ts";

export function fetchInstanceSettings(signal?: AbortSignal): Promise<InstanceSettings> {
  return callApi(api.instance.settings, { signal });
}

export function updateInstanceSettings(changes: InstanceSettingsUpdate): Promise<InstanceSettings> {
  return callApi(api.instance.updateSettings, { body: changes });
}

export async function fetchInvites(signal?: AbortSignal): Promise<InviteCode[]> {
  return (await apiRequest("/api/v1/admin/invites", { schema: inviteCodeListSchema, signal })).items;
}

export type NewInvite = { note: string; maxUses: number; expiresInDays?: number };

/** The answer carries the whole code: the only time it is shown. */
export function createInvite(invite: NewInvite) {
  return apiRequest("/api/v1/admin/invites", { method: "POST", body: invite, schema: createdInviteSchema });
}

export function revokeInvite(id: string): Promise<undefined> {
  return apiRequest(`/api/v1/admin/invites/${encodeURIComponent(id)}`, { method: "DELETE" });
}
