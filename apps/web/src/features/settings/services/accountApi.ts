import { type ChangePasswordRequest, type Me, meSchema, type UpdateProfileRequest } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export function updateProfile(changes: UpdateProfileRequest): Promise<Me> {
  return apiRequest("/api/v1/users/me", { method: "PATCH", body: changes, schema: meSchema });
}

/** The server signs out every other session of the account when this succeeds. */
export function changePassword(request: ChangePasswordRequest): Promise<undefined> {
  return apiRequest("/api/v1/users/me/password", { method: "PUT", body: request });
}
