import {
  type InstanceSettings,
  type InstanceSettingsUpdate,
  type RegistrationMode,
  registrationModes,
} from "@stave/contracts";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { fromMegabytes, registrationModeLabels, toMegabytes } from "../adminText.ts";
import { useSaveSettings } from "../hooks/useAdminMutations.ts";

type Draft = {
  registrationMode: RegistrationMode;
  siteName: string;
  siteDescription: string;
  termsText: string;
  privacyText: string;
  uploadLimitMb: string;
  storageQuotaMb: string;
};
type DraftField = keyof Draft;
const serverFields = ["siteName", "siteDescription", "termsText", "privacyText"] as const;

const draftOf = (settings: InstanceSettings): Draft => ({
  registrationMode: settings.registrationMode,
  siteName: settings.siteName,
  siteDescription: settings.siteDescription,
  termsText: settings.termsText,
  privacyText: settings.privacyText,
  uploadLimitMb: toMegabytes(settings.defaultUploadLimitBytes),
  storageQuotaMb: toMegabytes(settings.defaultStorageQuotaBytes),
});

/** The changed settings only (so the audit log says what changed), or the field errors. */
function changesFrom(
  draft: Draft,
  saved: InstanceSettings,
): { ok: true; changes: InstanceSettingsUpdate } | { ok: false; errors: FieldErrors<DraftField> } {
  const errors: FieldErrors<DraftField> = {};
  const siteName = draft.siteName.trim();
  if (!siteName) errors.siteName = "Give the site a name.";
  const uploadLimit = fromMegabytes(draft.uploadLimitMb, 1);
  if (uploadLimit === null) errors.uploadLimitMb = "Enter a whole number of megabytes, at least 1.";
  const quota = fromMegabytes(draft.storageQuotaMb);
  if (quota === null) errors.storageQuotaMb = "Enter a whole number of megabytes.";
  if (uploadLimit === null || quota === null || !siteName) return { ok: false, errors };
  const next: InstanceSettingsUpdate = {
    registrationMode: draft.registrationMode,
    siteName,
    siteDescription: draft.siteDescription,
    termsText: draft.termsText,
    privacyText: draft.privacyText,
    // An unchanged number of MB keeps the exact bytes saved before.
    defaultUploadLimitBytes:
      draft.uploadLimitMb === toMegabytes(saved.defaultUploadLimitBytes) ? saved.defaultUploadLimitBytes : uploadLimit,
    defaultStorageQuotaBytes:
      draft.storageQuotaMb === toMegabytes(saved.defaultStorageQuotaBytes) ? saved.defaultStorageQuotaBytes : quota,
  };
  const changes = Object.fromEntries(
    Object.entries(next).filter(([key, value]) => saved[key as keyof InstanceSettings] !== value),
  ) as InstanceSettingsUpdate;
  return { ok: true, changes };
}

/** Registration, the site's name and texts, and the defaults for uploads and storage. */
export function InstanceSettingsForm({ settings }: { settings: InstanceSettings }) {
  const save = useSaveSettings();
  // The server names only the text fields; the sizes are checked here.
  const form = useForm<DraftField, Draft>({
    fields: serverFields,
    initialValues: () => draftOf(settings),
    submitError: save.error,
    // An edit makes "Settings saved" stale.
    onEdit: () => {
      if (save.isSuccess) save.reset();
    },
  });
  const draft = form.values;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = changesFrom(draft, settings);
    form.check(checked.ok ? {} : checked.errors);
    if (checked.ok) save.mutate(checked.changes);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Instance settings">
      <fieldset className="checkbox-group">
        <legend>Registration</legend>
        {registrationModes.map((mode) => (
          <label key={mode} className="checkbox-group__option">
            <input
              type="radio"
              name="registrationMode"
              value={mode}
              checked={draft.registrationMode === mode}
              onChange={() => form.setValue("registrationMode", mode)}
            />{" "}
            {registrationModeLabels[mode]}
          </label>
        ))}
      </fieldset>
      <Field label="Site name" required maxLength={80} {...form.field("siteName")} />
      <Field label="Site description" multiline maxLength={1000} {...form.field("siteDescription")} />
      <Field
        label="Terms of service"
        multiline
        maxLength={50_000}
        hint="Shown on the registration page. Leave empty for none."
        {...form.field("termsText")}
      />
      <Field
        label="Privacy policy"
        multiline
        maxLength={50_000}
        hint="Shown on the registration page. Leave empty for none."
        {...form.field("privacyText")}
      />
      <Field label="Largest upload (MB)" required inputMode="numeric" {...form.field("uploadLimitMb")} />
      <Field
        label="Storage quota per creator (MB)"
        required
        inputMode="numeric"
        hint="An admin can set another quota for any one user."
        {...form.field("storageQuotaMb")}
      />
      {form.failedOutsideFields ? (
        <ErrorAlert>The settings weren't saved. {errorMessage(save.error)}</ErrorAlert>
      ) : null}
      {save.isSuccess ? <SuccessNotice>Settings saved.</SuccessNotice> : null}
      <FormActions submitLabel="Save settings" pendingLabel="Saving…" pending={save.isPending} />
    </form>
  );
}
