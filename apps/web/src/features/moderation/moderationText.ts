import type { ReportCategory, ReportSubjectType, Takedown } from "@stave/contracts";

/** Why someone reports something, as the report form offers it. */
export const reportCategoryLabels: Record<ReportCategory, string> = {
  spam: "Spam or scam",
  harassment: "Harassment or bullying",
  hate: "Hate speech",
  sexual: "Sexual content",
  violence: "Violence or threats",
  copyright: "Copyright infringement",
  impersonation: "Impersonation",
  other: "Something else",
};

/** What a report is about, in a sentence: "Report this track". */
export const subjectNouns: Record<ReportSubjectType, string> = {
  track: "track",
  comment: "comment",
  playlist: "playlist",
  user: "user",
};

/** Why something is hidden, as its owner (or a moderator) reads it. */
export function takedownText(takedown: Takedown, noun: string, isOwner: boolean): string {
  switch (takedown.kind) {
    case "owner_suspended":
      return isOwner
        ? `Your account is suspended, so this ${noun} is hidden from everyone but you.`
        : `This ${noun} is hidden while its owner's account is suspended.`;
    case "copyright":
      return `This ${noun} was taken down after a copyright claim: ${takedown.reason}`;
    default:
      return `A moderator took this ${noun} down: ${takedown.reason}`;
  }
}
