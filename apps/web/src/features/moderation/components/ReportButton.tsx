import type { ReportSubjectType } from "@stave/contracts";
import { useState } from "react";
import { useMe } from "../../auth/index.ts";
import { ReportDialog } from "./ReportDialog.tsx";

type ReportButtonProps = {
  subjectType: ReportSubjectType;
  subjectId: string;
  /** Whose it is: nobody reports their own. */
  ownerId: string;
  /** Its accessible name, when "Report" alone does not say what it reports (e.g. one comment of many). */
  ariaLabel?: string;
  className?: string;
};

/** "Report" and its dialog, for signed-in people on somebody else's track, comment, playlist or profile. */
export function ReportButton({
  subjectType,
  subjectId,
  ownerId,
  ariaLabel,
  className = "button button--secondary",
}: ReportButtonProps) {
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  if (!me || me.id === ownerId) return null;
  return (
    <>
      <button type="button" className={className} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        Report
      </button>
      {open ? <ReportDialog subjectType={subjectType} subjectId={subjectId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
