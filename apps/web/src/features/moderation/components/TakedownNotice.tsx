import type { Takedown } from "@stave/contracts";
import { formatDateTime } from "../../../lib/dates.ts";
import { takedownText } from "../moderationText.ts";

type TakedownNoticeProps = {
  takedown: Takedown;
  /** "track", "playlist", "comment". */
  noun: string;
  /** Its owner reads "only you can see it"; a moderator reads why it is hidden. */
  isOwner: boolean;
};

/** Why something is hidden, for the only people who still see it: its owner and moderators. */
export function TakedownNotice({ takedown, noun, isOwner }: TakedownNoticeProps) {
  return (
    <div className="takedown-notice">
      <p>
        <strong>Hidden.</strong> {takedownText(takedown, noun, isOwner)}
      </p>
      <p className="takedown-notice__meta">
        {isOwner && takedown.kind !== "owner_suspended" ? "Only you can see it. " : ""}
        Since <time dateTime={takedown.at}>{formatDateTime(takedown.at)}</time>.
      </p>
    </div>
  );
}
