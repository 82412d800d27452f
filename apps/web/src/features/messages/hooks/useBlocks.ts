import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { blockUser, fetchBlocks, unblockUser } from "../services/blocksApi.ts";
import { messageKeys } from "./messageKeys.ts";

export function useBlocks(enabled = true) {
  return useQuery({ queryKey: messageKeys.blocks, queryFn: ({ signal }) => fetchBlocks(signal), enabled });
}

/** Blocks (`block: true`) or unblocks a username; conversations show the change. */
export function useSetBlocked() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, block }: { username: string; block: boolean }) =>
      block ? blockUser(username) : unblockUser(username),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messageKeys.blocks });
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversationDetails });
    },
  });
}
