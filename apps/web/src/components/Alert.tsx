import type { ReactNode } from "react";

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
