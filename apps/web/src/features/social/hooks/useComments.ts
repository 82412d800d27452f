import type { CommentPage, CreateCommentRequest, TrackComment, TrackSocial } from "@stave/contracts";
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { deleteComment, fetchComments, postComment } from "../services/socialApi.ts";
import { socialKeys } from "./socialKeys.ts";

/** Every loaded page's comments in one list, newest first. */
export const allComments = (data: InfiniteData<CommentPage> | undefined): TrackComment[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

export function useComments(trackId: string) {
  return useInfiniteQuery({
    queryKey: socialKeys.comments(trackId),
    queryFn: ({ pageParam, signal }) => fetchComments(trackId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CommentPage) => last.nextCursor ?? undefined,
  });
}

/** The track's comment count, moved by `step` without asking the server again. */
function countComment(queryClient: QueryClient, trackId: string, step: number) {
  queryClient.setQueryData<TrackSocial>(socialKeys.track(trackId), (social) =>
    social ? { ...social, commentCount: Math.max(0, social.commentCount + step) } : social,
  );
}

/** Posts a comment; it goes on top of the list (newest first) and the count goes up. */
export function useAddComment(trackId: string, onAdded?: (comment: TrackComment) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateCommentRequest) => postComment(trackId, request),
    onSuccess: (comment) => {
      queryClient.setQueryData<InfiniteData<CommentPage>>(socialKeys.comments(trackId), (data) => {
        if (!data) return data;
        const [first, ...rest] = data.pages;
        if (!first) return data;
        return { ...data, pages: [{ ...first, items: [comment, ...first.items] }, ...rest] };
      });
      countComment(queryClient, trackId, 1);
      onAdded?.(comment);
    },
  });
}

export function useDeleteComment(trackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => deleteComment(trackId, commentId),
    onSuccess: (_nothing, commentId) => {
      queryClient.setQueryData<InfiniteData<CommentPage>>(socialKeys.comments(trackId), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((comment) => comment.id !== commentId),
              })),
            }
          : data,
      );
      countComment(queryClient, trackId, -1);
    },
  });
}
