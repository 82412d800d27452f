import {
  createdInviteSchema,
  type InstanceSettings,
  type InstanceSettingsUpdate,
  type InviteCode,
  instanceSettingsSchema,
  inviteCodeListSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export function fetchInstanceSettings(signal?: AbortSignal): Promise<InstanceSettings> {
  return apiRequest("/api/v1/admin/settings", { schema: instanceSettingsSchema, signal });
}

export function updateInstanceSettings(changes: InstanceSettingsUpdate): Promise<InstanceSettings> {
  return apiRequest("/api/v1/admin/settings", { method: "PATCH", body: changes, schema: instanceSettingsSchema });
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
