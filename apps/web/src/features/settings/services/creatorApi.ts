import { api, type UpgradeCreatorResponse } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

/** The one-way, self-service move from listener to creator. */
export function upgradeToCreator(): Promise<UpgradeCreatorResponse> {
  return callApi(api.me.upgradeToCreator);
}
