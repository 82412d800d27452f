import type { DataExport } from "@stave/contracts";
import { formatDateTime } from "../../../lib/dates.ts";
import { formatBytes } from "../../../lib/time.ts";
import { exportStatusLabels } from "../privacyText.ts";

const badgeClass: Record<DataExport["status"], string> = {
  pending: "badge badge--neutral",
  processing: "badge badge--neutral",
  ready: "badge",
  failed: "badge badge--warning",
  expired: "badge badge--neutral",
};

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** What happened to one requested export, and its download link while it lasts. */
export function DataExportItem({ item }: { item: DataExport }) {
  const requested = formatDateTime(item.createdAt);
  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">
          Requested <Time iso={item.createdAt} />
          <span className={badgeClass[item.status]}>{exportStatusLabels[item.status]}</span>
        </p>
        <p className="item-list__meta">
          <ExportDetails item={item} />
        </p>
      </div>
      {item.status === "ready" && item.downloadUrl ? (
        // A plain link: the browser downloads the ZIP itself, with the session cookie.
        <a
          className="button button--secondary"
          href={item.downloadUrl}
          aria-label={`Download the export requested ${requested}`}
        >
          Download
        </a>
      ) : null}
    </li>
  );
}

function ExportDetails({ item }: { item: DataExport }) {
  switch (item.status) {
    case "pending":
      return <>Waiting to be prepared. We'll email you when it's ready.</>;
    case "processing":
      return <>Being prepared. We'll email you when it's ready.</>;
    case "ready":
      return (
        <>
          ZIP, {item.sizeBytes === null ? "size unknown" : formatBytes(item.sizeBytes)}
          {item.expiresAt ? (
            <>
              {" "}
              · Available until <Time iso={item.expiresAt} />
            </>
          ) : null}
        </>
      );
    case "failed":
      return <>It couldn't be prepared. Please request a new one.</>;
    case "expired":
      return item.expiresAt ? (
        <>
          Expired <Time iso={item.expiresAt} />; the file has been deleted.
        </>
      ) : (
        <>Expired; the file has been deleted.</>
      );
  }
}
