import type { ReactNode } from "react";
import { errorMessage } from "../lib/errorMessage.ts";

/** A failure the person must notice; role=alert is announced as soon as it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert alert--error">
      {children}
    </div>
  );
}

/** A confirmation; role=status is announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert--success">
      {children}
    </div>
  );
}

/** The part of a query that `LoadFailed` needs. */
type Reloadable = { error: unknown; refetch: () => unknown };

/** A query that failed to load: what it was, why, and a button to try again. */
export function LoadFailed({ what, query }: { what: ReactNode; query: Reloadable }) {
  return (
    <ErrorAlert>
      <p>
        We couldn't load {what}. {errorMessage(query.error)}
      </p>
      <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
        Try again
      </button>
    </ErrorAlert>
  );
}
