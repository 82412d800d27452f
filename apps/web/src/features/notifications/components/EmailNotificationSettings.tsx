import { type NotificationKind, notificationKinds } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, LoadFailed, SuccessNotice } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useNotificationSettings, useSaveNotificationSettings } from "../hooks/useNotificationQueries.ts";
import { notificationKindLabels } from "../notificationText.ts";

/** Settings → Notifications: which kinds of notification also arrive by email. */
export function EmailNotificationSettings() {
  const titleId = useId();
  const settings = useNotificationSettings();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Email notifications</h2>
      <p>Everything arrives in your notifications here. Choose what should also reach your inbox.</p>
      {settings.isPending ? <p className="loading">Loading your email settings…</p> : null}
      {settings.isError ? <LoadFailed what="your email settings" query={settings} /> : null}
      {settings.data ? <EmailKindsForm initial={settings.data.emailKinds} /> : null}
    </section>
  );
}

function EmailKindsForm({ initial }: { initial: NotificationKind[] }) {
  const [chosen, setChosen] = useState<ReadonlySet<NotificationKind>>(() => new Set(initial));
  const save = useSaveNotificationSettings();

  const toggle = (kind: NotificationKind, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
    // A change makes "saved" stale.
    if (save.isSuccess) save.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ emailKinds: notificationKinds.filter((kind) => chosen.has(kind)) });
  }

  return (
    <form className="form" aria-label="Email notifications" onSubmit={onSubmit}>
      <fieldset className="checkbox-group">
        <legend>Email me when…</legend>
        {notificationKinds.map((kind) => (
          <label key={kind} className="checkbox-group__option">
            <input
              type="checkbox"
              name="emailKinds"
              value={kind}
              checked={chosen.has(kind)}
              onChange={(event) => toggle(kind, event.target.checked)}
            />
            {notificationKindLabels[kind]}
          </label>
        ))}
      </fieldset>
      {save.isError ? <ErrorAlert>Your email settings weren't saved. {errorMessage(save.error)}</ErrorAlert> : null}
      {save.isSuccess ? <SuccessNotice>Email settings saved.</SuccessNotice> : null}
      <FormActions submitLabel="Save email settings" pendingLabel="Saving…" pending={save.isPending} />
    </form>
  );
}
