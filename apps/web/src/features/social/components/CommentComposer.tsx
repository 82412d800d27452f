import { COMMENT_MAX_LENGTH, type Track } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { Link, useLocation } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { formatClock } from "../../../lib/time.ts";
import { usePlayerSelector } from "../../../player/playerContext.ts";
import { currentTrackOf } from "../../../player/playerState.ts";
import { type ReturnTo, useMe } from "../../auth/index.ts";
import { useAddComment } from "../hooks/useComments.ts";
import { formatTimestamp, parseClock } from "../socialText.ts";

/** The server's word on a bad timestamp comes in the details, at `body.timestampMs`. */
function timestampProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== "VALIDATION_FAILED" || !Array.isArray(error.details)) {
    return undefined;
  }
  const issue = (error.details as { path?: unknown }[]).find((detail) => detail.path === "body.timestampMs");
  return issue ? error.message : undefined;
}

/**
 * Writes a comment, optionally at a moment of the track. While the player plays this track
 * the moment follows the playhead, and is fixed at the first character typed ("at 1:23"),
 * so the comment lands where it was meant. Otherwise a time can be ticked and typed.
 */
export function CommentComposer({ track }: { track: Track }) {
  const me = useMe().data;
  const location = useLocation();
  if (me === undefined) return null;
  if (me === null) {
    const returnTo: ReturnTo = { from: `${location.pathname}${location.search}` };
    return (
      <p className="comments__signed-out">
        <Link to="/login" state={returnTo}>
          Sign in
        </Link>{" "}
        to comment.
      </p>
    );
  }
  if (!me.isVerified) {
    return (
      <p className="comments__signed-out">
        Verify your email address to comment. <Link to="/verify-email/resend">Send the link again</Link>.
      </p>
    );
  }
  return <ComposerForm track={track} />;
}

function ComposerForm({ track }: { track: Track }) {
  const timeId = useId();
  const isCurrent = usePlayerSelector((state) => currentTrackOf(state)?.id === track.id);
  const playhead = usePlayerSelector((state) => (currentTrackOf(state)?.id === track.id ? state.currentTime : 0));
  const [body, setBody] = useState("");
  const [attach, setAttach] = useState(false);
  const [timeText, setTimeText] = useState("");
  // Once the person has typed or chosen, the time stays where they put it.
  const [settled, setSettled] = useState(false);
  const [timeError, setTimeError] = useState<string | undefined>();
  const add = useAddComment(track.id, () => {
    setBody("");
    setAttach(false);
    setTimeText("");
    setSettled(false);
  });

  // A track still processing has no length yet: its comments cannot have a moment.
  const canAttach = track.status === "ready" && track.durationMs !== null;
  const durationSeconds = (track.durationMs ?? 0) / 1000;
  const clockAtPlayhead = formatClock(Math.min(playhead, durationSeconds));
  const following = canAttach && !settled && isCurrent;
  const shownAttach = canAttach && (following || attach);
  const shownTime = following ? clockAtPlayhead : timeText;

  function settle() {
    if (settled) return;
    setSettled(true);
    if (canAttach && isCurrent) {
      setAttach(true);
      setTimeText(clockAtPlayhead);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTimeError(undefined);
    let timestampMs: number | null = null;
    if (shownAttach) {
      const seconds = parseClock(shownTime);
      if (seconds === undefined) {
        setTimeError("Write the time as minutes and seconds, e.g. 1:23.");
        return;
      }
      if (track.durationMs !== null && seconds * 1000 > track.durationMs) {
        setTimeError(`The track is only ${formatTimestamp(track.durationMs)} long.`);
        return;
      }
      timestampMs = seconds * 1000;
    }
    add.mutate({ body, timestampMs });
  }

  const serverTimeProblem = timestampProblem(add.error);
  const bodyError =
    add.error instanceof ApiError && add.error.code === "VALIDATION_FAILED" && !serverTimeProblem
      ? errorMessage(add.error)
      : undefined;

  return (
    <form className="comment-composer" onSubmit={onSubmit} noValidate>
      <Field
        label="Comment"
        name="body"
        multiline
        required
        maxLength={COMMENT_MAX_LENGTH}
        value={body}
        error={bodyError}
        onChange={(value) => {
          settle();
          setBody(value);
        }}
      />
      <div className="comment-composer__row">
        {canAttach ? (
          <>
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={shownAttach}
                onChange={(event) => {
                  setSettled(true);
                  setAttach(event.target.checked);
                  if (event.target.checked && !shownTime) setTimeText(isCurrent ? clockAtPlayhead : "0:00");
                  if (following) setTimeText(clockAtPlayhead);
                }}
              />
              At a moment of the track
            </label>
            <label className="visually-hidden" htmlFor={timeId}>
              Time in the track
            </label>
            <input
              id={timeId}
              className="comment-composer__time"
              type="text"
              inputMode="numeric"
              placeholder="m:ss"
              value={shownTime}
              disabled={!shownAttach}
              aria-invalid={timeError || serverTimeProblem ? true : undefined}
              onChange={(event) => {
                setSettled(true);
                setAttach(true);
                setTimeText(event.target.value);
              }}
            />
          </>
        ) : null}
        <button type="submit" className="button" disabled={add.isPending || body.trim() === ""}>
          {add.isPending ? "Posting…" : "Post comment"}
        </button>
      </div>
      {timeError || serverTimeProblem ? <p className="field__error">{timeError ?? serverTimeProblem}</p> : null}
      {add.isError && !bodyError && !serverTimeProblem ? (
        <ErrorAlert>Your comment wasn't posted. {errorMessage(add.error)}</ErrorAlert>
      ) : null}
    </form>
  );
}
