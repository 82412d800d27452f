import { type InstanceInfo, instanceInfoSchema } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export function fetchInstanceInfo(signal?: AbortSignal): Promise<InstanceInfo> {
  return apiRequest("/api/v1/instance", { schema: instanceInfoSchema, signal });
}
