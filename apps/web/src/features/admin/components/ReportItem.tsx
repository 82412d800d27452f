import type { ModerationReport } from "@stave/contracts";
import { useId } from "react";
import { Link } from "react-router";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDateTime } from "../../../lib/dates.ts";
import { useMe } from "../../auth/index.ts";
import { reportCategoryLabels, subjectNouns } from "../../moderation/index.ts";
import { isAdmin } from "../adminAccess.ts";
import { outcomeLabels } from "../adminText.ts";

type ReportItemProps = {
  report: ModerationReport;
  /** Opens the resolve dialog; only open reports offer it. */
  onResolve: (report: ModerationReport) => void;
};

/** One report as a moderator judges it: what, whose, why, who said so, and how it ended. */
export function ReportItem({ report, onResolve }: ReportItemProps) {
  const titleId = useId();
  const { subject } = report;
  const noun = subjectNouns[subject.type];
  const label = subject.label ?? `Deleted ${noun}`;
  // A user is not taken down but suspended, from their account page (admins only).
  const viewerIsAdmin = isAdmin(useMe().data?.role);
  const accountLink = subject.type === "user" && subject.exists && viewerIsAdmin;

  return (
    <li className="report" aria-labelledby={titleId}>
      <div className="report__main">
        <p className="report__subject" id={titleId}>
          <span className="track-badge track-badge--neutral report__type">{noun}</span>{" "}
          {subject.path ? (
            <Link to={subject.path} className="report__label">
              {label}
            </Link>
          ) : (
            <span className="report__label">{label}</span>
          )}
          {subject.takenDown ? <span className="admin-state admin-state--suspended">Taken down</span> : null}
          {subject.exists ? null : <span className="admin-state admin-state--deleted">Gone</span>}
        </p>
        {subject.owner && subject.type !== "user" ? (
          <p className="report__meta">by {creatorName(subject.owner)}</p>
        ) : null}
        {accountLink ? (
          <p className="report__meta">
            <Link to={`/admin/users/${subject.id}`}>Their account page</Link>, to suspend them
          </p>
        ) : null}
        <p className="report__category">
          <strong>{reportCategoryLabels[report.category]}</strong>
        </p>
        {report.details ? (
          <p className="report__details">{report.details}</p>
        ) : (
          <p className="report__details report__details--none">No details given.</p>
        )}
        <p className="report__meta">
          Reported by {report.reporter ? creatorName(report.reporter) : "a deleted user"}{" "}
          <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
        </p>
        {report.status === "open" ? null : (
          <p className="report__resolution">
            {report.status === "dismissed" ? "Dismissed" : report.outcome ? outcomeLabels[report.outcome] : "Resolved"}
            {report.resolver ? ` by ${creatorName(report.resolver)}` : ""}
            {report.resolvedAt ? (
              <>
                {" "}
                <time dateTime={report.resolvedAt}>{formatDateTime(report.resolvedAt)}</time>
              </>
            ) : null}
            {report.resolutionNote ? `: ${report.resolutionNote}` : ""}
          </p>
        )}
      </div>
      {report.status === "open" ? (
        <button
          type="button"
          className="button"
          aria-label={`Resolve report on ${label}`}
          onClick={() => onResolve(report)}
        >
          Resolve
        </button>
      ) : null}
    </li>
  );
}
