import { api, type InstanceSettings, type InstanceSettingsUpdate, type InviteCode } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export function fetchInstanceSettings(signal?: AbortSignal): Promise<InstanceSettings> {
  return callApi(api.instance.settings, { signal });
}

export function updateInstanceSettings(changes: InstanceSettingsUpdate): Promise<InstanceSettings> {
  return callApi(api.instance.updateSettings, { body: changes });
}

export async function fetchInvites(signal?: AbortSignal): Promise<InviteCode[]> {
  return (await callApi(api.invites.list, { signal })).items;
}

export type NewInvite = { note: string; maxUses: number; expiresInDays?: number };

/** The answer carries the whole code: the only time it is shown. */
export function createInvite(invite: NewInvite) {
  return callApi(api.invites.create, { body: invite });
}

export function revokeInvite(id: string): Promise<undefined> {
  return callApi(api.invites.revoke, { params: { id } });
}
