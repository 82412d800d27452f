import { api, type Conversation } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

/** Someone I blocked, as the block list names them. */
export type BlockedPerson = Conversation["with"];

/** People I have blocked, the latest first. */
export async function fetchBlocks(signal?: AbortSignal): Promise<BlockedPerson[]> {
  return (await callApi(api.blocks.list, { signal })).items;
}

export function blockUser(username: string): Promise<undefined> {
  return callApi(api.blocks.block, { params: { username } });
}

export function unblockUser(username: string): Promise<undefined> {
  return callApi(api.blocks.unblock, { params: { username } });
}
