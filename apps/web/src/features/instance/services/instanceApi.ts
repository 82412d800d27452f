import { api, type InstanceInfo } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export function fetchInstanceInfo(signal?: AbortSignal): Promise<InstanceInfo> {
  return callApi(api.instance.info, { signal });
}
