import { type Conversation, trackOwnerSchema } from "@stave/contracts";
import { apiRequest, type Schema } from "../../../lib/api.ts";

/** Someone I blocked, as `GET /api/v1/me/blocks` lists them. */
export type BlockedPerson = Conversation["with"];

const blockListReply: Schema<BlockedPerson[]> = {
  parse(data) {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error("unexpected reply: no items");
    return items.map((item) => trackOwnerSchema.parse(item));
  },
};

const path = (username: string) => `/api/v1/me/blocks/${encodeURIComponent(username)}`;

/** People I have blocked, the latest first. */
export function fetchBlocks(signal?: AbortSignal): Promise<BlockedPerson[]> {
  return apiRequest("/api/v1/me/blocks", { schema: blockListReply, signal });
}

export function blockUser(username: string): Promise<undefined> {
  return apiRequest(path(username), { method: "PUT" });
}

export function unblockUser(username: string): Promise<undefined> {
  return apiRequest(path(username), { method: "DELETE" });
}
