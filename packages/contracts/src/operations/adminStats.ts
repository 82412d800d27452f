import { instanceStatsSchema } from "../admin.ts";
import { operation } from "../operation.ts";

export const adminStatsOperations = {
  overview: operation({
    method: "GET",
    path: "/api/v1/admin/stats",
    summary: "Users, signups, tracks, storage, plays, jobs and open reports at a glance",
    tags: ["admin"],
    access: ["admin"],
    response: { 200: instanceStatsSchema },
    errors: ["FORBIDDEN"],
  }),
};
