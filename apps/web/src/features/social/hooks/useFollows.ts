import type { FollowPage, UserProfile } from "@stave/contracts";
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FollowDirection, fetchFollows, fetchProfile, setFollowing } from "../services/socialApi.ts";
import { socialKeys } from "./socialKeys.ts";

export function useProfile(username: string) {
  return useQuery({
    queryKey: socialKeys.profile(username),
    queryFn: ({ signal }) => fetchProfile(username, signal),
  });
}

export function useFollows(username: string, direction: FollowDirection) {
  return useInfiniteQuery({
    queryKey: socialKeys.follows(username, direction),
    queryFn: ({ pageParam, signal }) => fetchFollows(username, direction, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: FollowPage) => last.nextCursor ?? undefined,
  });
}

type FollowState = { following: boolean; followerCount: number };

/** `username`'s rows in every cached followers/following list, with `change` applied. */
function updateEntries(
  data: InfiniteData<FollowPage> | undefined,
  username: string,
  change: (entry: FollowState) => FollowState,
): InfiniteData<FollowPage> | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((entry) => {
        if (entry.user.username !== username || !entry.viewer) return entry;
        const next = change({ following: entry.viewer.following, followerCount: entry.user.followerCount });
        return {
          ...entry,
          user: { ...entry.user, followerCount: next.followerCount },
          viewer: { following: next.following },
        };
      }),
    })),
  };
}

/**
 * Follows `username` (or stops): their profile and their rows in follower lists change at
 * once, go back if the server refuses, and then take the server's counts. My own profile's
 * "following" count is refetched.
 */
export function useFollow(username: string, myUsername?: string) {
  const queryClient = useQueryClient();
  const profileKey = socialKeys.profile(username);
  const mutationKey = ["social", "follow", username];

  const optimistic = (following: boolean) => (state: FollowState) =>
    state.following === following
      ? state
      : { following, followerCount: Math.max(0, state.followerCount + (following ? 1 : -1)) };

  return useMutation({
    mutationKey,
    mutationFn: (following: boolean) => setFollowing(username, following),
    onMutate: async (following) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: profileKey }),
        queryClient.cancelQueries({ queryKey: socialKeys.allFollows }),
      ]);
      const previousProfile = queryClient.getQueryData<UserProfile>(profileKey);
      const previousLists = queryClient.getQueriesData<InfiniteData<FollowPage>>({ queryKey: socialKeys.allFollows });
      if (previousProfile?.viewer) {
        const next = optimistic(following)({
          following: previousProfile.viewer.following,
          followerCount: previousProfile.followerCount,
        });
        queryClient.setQueryData<UserProfile>(profileKey, {
          ...previousProfile,
          followerCount: next.followerCount,
          viewer: { ...previousProfile.viewer, following: next.following },
        });
      }
      queryClient.setQueriesData<InfiniteData<FollowPage>>({ queryKey: socialKeys.allFollows }, (data) =>
        updateEntries(data, username, optimistic(following)),
      );
      return { previousProfile, previousLists };
    },
    onError: (_error, _following, context) => {
      if (context?.previousProfile) queryClient.setQueryData(profileKey, context.previousProfile);
      for (const [key, data] of context?.previousLists ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (profile) => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      if (profile) {
        queryClient.setQueryData(profileKey, profile);
        queryClient.setQueriesData<InfiniteData<FollowPage>>({ queryKey: socialKeys.allFollows }, (data) =>
          updateEntries(data, username, () => ({
            following: profile.viewer?.following ?? false,
            followerCount: profile.followerCount,
          })),
        );
      }
      // Without a profile (a suspended account, whose profile is hidden now) the optimistic
      // state stands: the follow is gone, as asked.
      if (myUsername) {
        void queryClient.invalidateQueries({ queryKey: socialKeys.profile(myUsername) });
        void queryClient.invalidateQueries({ queryKey: socialKeys.follows(myUsername, "following") });
      }
      void queryClient.invalidateQueries({ queryKey: socialKeys.follows(username, "followers") });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed });
    },
  });
}
