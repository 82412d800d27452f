import { type ModerationReport, type ResolveReportRequest, resolveReportRequestSchema } from "@stave/contracts";
import { type FormEvent, useId } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ModalDialog } from "../../../components/ModalDialog.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm, validate } from "../../../lib/forms.ts";
import { reportCategoryLabels, subjectNouns } from "../../moderation/index.ts";
import { useResolveReport } from "../hooks/useAdminMutations.ts";

type Action = ResolveReportRequest["action"];

type ResolveReportDialogProps = {
  report: ModerationReport;
  onClose: () => void;
  onResolved: (action: Action) => void;
};

/** The decisions that make sense for this subject: a user is suspended, not taken down; only hidden things are restored. */
function actionsFor(report: ModerationReport): { action: Action; label: string }[] {
  const noun = subjectNouns[report.subject.type];
  const { subject } = report;
  const canTakeDown = subject.exists && subject.type !== "user" && !subject.takenDown;
  return [
    ...(canTakeDown ? [{ action: "take_down" as const, label: `Take the ${noun} down` }] : []),
    ...(subject.takenDown ? [{ action: "restore" as const, label: `Restore the ${noun}` }] : []),
    { action: "no_action", label: "Leave it as it is (no action)" },
    { action: "dismiss", label: "Dismiss the report as unfounded" },
  ];
}

const fields = ["action", "note"] as const;

/** The queue reloads on these 409s, so what is listed behind the dialog is current again. */
const resolveMessages = {
  REPORT_ALREADY_CLOSED: "Someone else closed this report while you were looking at it.",
};

/** Resolves a report, and every other open one on the same subject, with a note that is kept (and shown to the owner on a takedown). */
export function ResolveReportDialog({ report, onClose, onResolved }: ResolveReportDialogProps) {
  const id = useId();
  const form = useForm({
    fields,
    initialValues: { action: null as Action | null, copyright: report.category === "copyright", note: "" },
  });
  const { values, errors } = form;
  const { action, copyright, note } = values;
  const resolve = useResolveReport(report.id);
  const noun = subjectNouns[report.subject.type];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(
      resolveReportRequestSchema,
      { action, note, copyright: action === "take_down" && report.subject.type === "track" && copyright },
      fields,
    );
    const noteProblem = !checked.ok && checked.fieldErrors.note !== undefined;
    form.check({
      action: action ? undefined : "Choose what to do.",
      note: noteProblem ? (note.trim() ? "Say a little more: at least 3 characters." : "Write a note.") : undefined,
    });
    if (checked.ok) resolve.mutate(checked.data, { onSuccess: () => onResolved(checked.data.action) });
  }

  return (
    <ModalDialog title="Resolve report" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Resolve report">
        <p>
          {reportCategoryLabels[report.category]}, about the {noun} “{report.subject.label ?? "(deleted)"}”. Every other
          open report on it closes the same way.
        </p>
        <fieldset className="checkbox-group" aria-describedby={errors.action ? `${id}-action-error` : undefined}>
          <legend>Decision</legend>
          {actionsFor(report).map((option) => (
            <label key={option.action} className="checkbox-group__option">
              <input
                type="radio"
                name="action"
                value={option.action}
                checked={action === option.action}
                disabled={resolve.isPending}
                onChange={() => form.setValue("action", option.action)}
              />{" "}
              {option.label}
            </label>
          ))}
          {errors.action ? (
            <p id={`${id}-action-error`} className="field__error">
              {errors.action}
            </p>
          ) : null}
        </fieldset>
        {action === "take_down" && report.subject.type === "track" ? (
          <label className="checkbox-group__option">
            <input
              type="checkbox"
              checked={copyright}
              disabled={resolve.isPending}
              onChange={(event) => form.setValue("copyright", event.target.checked)}
            />{" "}
            It's a copyright claim
          </label>
        ) : null}
        <Field
          label="Note"
          multiline
          required
          maxLength={2000}
          hint={
            action === "take_down"
              ? "The owner is told this as the reason, and it is kept with the report."
              : "Kept with the report."
          }
          {...form.field("note")}
          disabled={resolve.isPending}
        />
        {resolve.isError ? (
          <ErrorAlert>The report wasn't resolved. {errorMessage(resolve.error, resolveMessages)}</ErrorAlert>
        ) : null}
        <FormActions submitLabel="Resolve" pendingLabel="Resolving…" pending={resolve.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
