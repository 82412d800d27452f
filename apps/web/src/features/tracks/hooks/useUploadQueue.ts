import type { Track, TrackStatusEvent } from "@stave/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { FieldErrors } from "../../../lib/forms.ts";
import { isAbortError, uploadTrack } from "../services/uploadTrack.ts";
import { type DraftField, emptyDraft, type TrackDraft, uploadFieldsFromDraft } from "../trackDraft.ts";
import { trackKeys } from "./trackKeys.ts";

/**
 * selected → uploading → answered (the server has the track; processing follows),
 * or uploading → failed / cancelled, from where it can be sent again.
 */
export type UploadPhase = "selected" | "uploading" | "answered" | "failed" | "cancelled";

export type UploadItem = {
  key: string;
  file: File;
  artwork: File | null;
  /** What the person typed before sending. */
  draft: TrackDraft;
  /** Problems with the draft found before sending. */
  fieldErrors: FieldErrors<DraftField>;
  phase: UploadPhase;
  /** Fraction of the body sent, 0..1. */
  sent: number;
  error: unknown;
  /** The server's answer, then kept up to date by edits and retries. */
  track: Track | null;
  /** The latest processing status from the server. */
  status: TrackStatusEvent | null;
};

type Action =
  | { type: "add"; files: File[] }
  | { type: "remove"; key: string }
  | { type: "artwork"; key: string; artwork: File | null }
  | { type: "draft"; key: string; draft: TrackDraft }
  | { type: "invalid"; key: string; fieldErrors: FieldErrors<DraftField> }
  | { type: "start"; key: string }
  | { type: "progress"; key: string; sent: number }
  | { type: "answered"; key: string; track: Track }
  | { type: "failed"; key: string; error: unknown }
  | { type: "cancelled"; key: string }
  | { type: "status"; key: string; status: TrackStatusEvent };

let nextKey = 0;

function update(items: UploadItem[], key: string, change: (item: UploadItem) => Partial<UploadItem>): UploadItem[] {
  return items.map((item) => (item.key === key ? { ...item, ...change(item) } : item));
}

const statusOf = (track: Track): TrackStatusEvent => ({
  status: track.status,
  progress: track.progress,
  failureReason: track.failureReason,
});

function reducer(items: UploadItem[], action: Action): UploadItem[] {
  switch (action.type) {
    case "add":
      return [
        ...items,
        ...action.files.map((file) => {
          nextKey += 1;
          return {
            key: `upload-${nextKey}`,
            file,
            artwork: null,
            draft: emptyDraft,
            fieldErrors: {},
            phase: "selected" as const,
            sent: 0,
            error: null,
            track: null,
            status: null,
          };
        }),
      ];
    case "remove":
      return items.filter((item) => item.key !== action.key);
    case "artwork":
      return update(items, action.key, () => ({ artwork: action.artwork }));
    case "draft":
      return update(items, action.key, () => ({ draft: action.draft }));
    case "invalid":
      return update(items, action.key, () => ({ fieldErrors: action.fieldErrors }));
    case "start":
      return update(items, action.key, () => ({ phase: "uploading", sent: 0, error: null, fieldErrors: {} }));
    case "progress":
      return update(items, action.key, () => ({ sent: action.sent }));
    case "answered":
      return update(items, action.key, () => ({
        phase: "answered",
        sent: 1,
        track: action.track,
        status: statusOf(action.track),
      }));
    case "failed":
      return update(items, action.key, () => ({ phase: "failed", error: action.error }));
    case "cancelled":
      return update(items, action.key, () => ({ phase: "cancelled", sent: 0 }));
    case "status":
      return update(items, action.key, (item) => ({
        status: action.status,
        track: item.track ? { ...item.track, ...action.status } : item.track,
      }));
  }
}

/** The uploader's files and what happened to each; uploads run side by side. */
export function useUploadQueue() {
  const [items, dispatch] = useReducer(reducer, []);
  const inFlight = useRef(new Map<string, AbortController>());
  const queryClient = useQueryClient();

  /** Checks the item's details and sends it; invalid details stay with the item instead. */
  const send = useCallback(
    (item: UploadItem) => {
      const fields = uploadFieldsFromDraft(item.draft);
      if (!fields.ok) {
        dispatch({ type: "invalid", key: item.key, fieldErrors: fields.fieldErrors });
        return;
      }
      const controller = new AbortController();
      inFlight.current.set(item.key, controller);
      dispatch({ type: "start", key: item.key });
      uploadTrack(
        { file: item.file, artwork: item.artwork, fields: fields.data },
        { signal: controller.signal, onProgress: (sent) => dispatch({ type: "progress", key: item.key, sent }) },
      )
        .then((track) => {
          dispatch({ type: "answered", key: item.key, track });
          void queryClient.invalidateQueries({ queryKey: trackKeys.mine });
        })
        .catch((error: unknown) =>
          dispatch(
            isAbortError(error) ? { type: "cancelled", key: item.key } : { type: "failed", key: item.key, error },
          ),
        )
        .finally(() => inFlight.current.delete(item.key));
    },
    [queryClient],
  );

  const cancel = useCallback((key: string) => inFlight.current.get(key)?.abort(), []);

  const uploading = items.some((item) => item.phase === "uploading");
  // Closing the tab would lose a half-sent file: ask first.
  useEffect(() => {
    if (!uploading) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [uploading]);

  return {
    items,
    add: useCallback((files: File[]) => dispatch({ type: "add", files }), []),
    remove: useCallback((key: string) => dispatch({ type: "remove", key }), []),
    setArtwork: useCallback((key: string, artwork: File | null) => dispatch({ type: "artwork", key, artwork }), []),
    setDraft: useCallback((key: string, draft: TrackDraft) => dispatch({ type: "draft", key, draft }), []),
    send,
    cancel,
    /** The server's newer copy of the track (after an edit or a retry). */
    answered: useCallback((key: string, track: Track) => dispatch({ type: "answered", key, track }), []),
    status: useCallback((key: string, status: TrackStatusEvent) => dispatch({ type: "status", key, status }), []),
  };
}

export type UploadQueue = ReturnType<typeof useUploadQueue>;
