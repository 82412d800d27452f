import { api, type ChangePasswordRequest, type Me, type UpdateProfileRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export function updateProfile(changes: UpdateProfileRequest): Promise<Me> {
  return callApi(api.me.updateProfile, { body: changes });
}

/** The server signs out every other session of the account when this succeeds. */
export function changePassword(request: ChangePasswordRequest): Promise<undefined> {
  return callApi(api.me.changePassword, { body: request });
}
