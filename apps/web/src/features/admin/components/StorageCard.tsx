import type { AdminUserDetail } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { formatBytes } from "../../../lib/time.ts";
import { fromMegabytes, toMegabytes } from "../adminText.ts";
import { useSetQuota } from "../hooks/useAdminMutations.ts";

/** Storage used against the quota that applies, and the admin's override of it. */
export function StorageCard({ user }: { user: AdminUserDetail }) {
  const titleId = useId();
  const [megabytes, setMegabytes] = useState(
    user.storageQuotaOverrideBytes === null ? "" : toMegabytes(user.storageQuotaOverrideBytes),
  );
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const setQuota = useSetQuota(user.id);
  const share = user.storageQuotaBytes > 0 ? Math.round((user.storageUsedBytes / user.storageQuotaBytes) * 100) : 0;
  const isOverride = user.storageQuotaOverrideBytes !== null;

  function save(bytes: number | null, message: string) {
    setSaved(null);
    setQuota.mutate(bytes, { onSuccess: () => setSaved(message) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!megabytes.trim()) {
      setFieldError(undefined);
      save(null, "The instance default applies again.");
      return;
    }
    const bytes = fromMegabytes(megabytes);
    setFieldError(bytes === null ? "Enter a whole number of megabytes." : undefined);
    if (bytes !== null) save(bytes, `Quota set to ${formatBytes(bytes)}.`);
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Storage</h2>
      <p>
        {formatBytes(user.storageUsedBytes)} used of {formatBytes(user.storageQuotaBytes)} ({share}%)
        {isOverride ? ", a quota set for this user." : ", the instance default."}
      </p>
      <meter
        className="admin-meter"
        aria-label="Storage used"
        min={0}
        max={Math.max(1, user.storageQuotaBytes)}
        value={user.storageUsedBytes}
      />
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Storage quota">
        <Field
          label="Quota for this user (MB)"
          name="storageQuota"
          inputMode="numeric"
          hint="Leave empty to use the instance default."
          value={megabytes}
          onChange={setMegabytes}
          error={fieldError}
          disabled={setQuota.isPending}
        />
        {setQuota.isError ? <ErrorAlert>The quota wasn't saved. {errorMessage(setQuota.error)}</ErrorAlert> : null}
        {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
        <div className="form__actions">
          <FormActions submitLabel="Save quota" pendingLabel="Saving…" pending={setQuota.isPending} />
          {isOverride ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={setQuota.isPending}
              onClick={() => {
                setMegabytes("");
                save(null, "The instance default applies again.");
              }}
            >
              Use the instance default
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
