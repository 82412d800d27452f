import { type UpgradeCreatorResponse, upgradeCreatorResponseSchema } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

/** The one-way, self-service move from listener to creator. */
export function upgradeToCreator(): Promise<UpgradeCreatorResponse> {
  return apiRequest("/api/v1/users/me/upgrade-creator", { method: "POST", schema: upgradeCreatorResponseSchema });
}
