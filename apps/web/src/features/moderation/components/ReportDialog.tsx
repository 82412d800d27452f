import { type ReportCategory, type ReportSubjectType, reportCategories } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ModalDialog } from "../../../components/ModalDialog.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { reportCategoryLabels, subjectNouns } from "../moderationText.ts";
import { createReport } from "../services/reportsApi.ts";

type ReportDialogProps = {
  subjectType: ReportSubjectType;
  subjectId: string;
  onClose: () => void;
};

function minutes(seconds: number | undefined): string {
  if (seconds === undefined) return "a while";
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? "a minute" : `${count} minutes`;
}

/** What went wrong, in words that fit a report. */
function reportFailure(error: unknown, noun: string): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "ALREADY_REPORTED":
        return `You've already reported this ${noun}. A moderator will look at it soon.`;
      case "RATE_LIMITED":
        return `You've sent a lot of reports in a short time. Try again in ${minutes(error.retryAfterSeconds)}.`;
      case "CANNOT_REPORT_OWN":
        return `You can't report your own ${noun}.`;
      case "NOT_FOUND":
        return `This ${noun} is gone already.`;
    }
  }
  return `The report wasn't sent. ${errorMessage(error)}`;
}

/** Why (a category) and what to look at (optional details), sent to the moderators. */
export function ReportDialog({ subjectType, subjectId, onClose }: ReportDialogProps) {
  const id = useId();
  const noun = subjectNouns[subjectType];
  const form = useForm({
    fields: ["category"] as const,
    initialValues: { category: "" as ReportCategory | "", details: "" },
  });
  const { category, details } = form.values;
  const categoryError = form.errors.category;
  const report = useMutation({ mutationFn: createReport });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.check({ category: category ? undefined : "Choose a reason." });
    if (category) report.mutate({ subjectType, subjectId, category, details: details.trim() });
  }

  if (report.isSuccess) {
    return (
      <ModalDialog title={`Report this ${noun}`} onClose={onClose}>
        <SuccessNotice>Thank you. Your report was sent, and a moderator will look at it.</SuccessNotice>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title={`Report this ${noun}`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={`Report this ${noun}`}>
        <div className={categoryError ? "field field--invalid" : "field"}>
          <label htmlFor={`${id}-category`} className="field__label">
            Reason
          </label>
          <select
            id={`${id}-category`}
            name="category"
            value={category}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? `${id}-category-error` : undefined}
            disabled={report.isPending}
            onChange={(event) => form.setValue("category", event.target.value as ReportCategory | "")}
          >
            <option value="">Choose a reason…</option>
            {reportCategories.map((option) => (
              <option key={option} value={option}>
                {reportCategoryLabels[option]}
              </option>
            ))}
          </select>
          {categoryError ? (
            <p id={`${id}-category-error`} className="field__error">
              {categoryError}
            </p>
          ) : null}
        </div>
        <Field
          label="Details"
          name="details"
          multiline
          maxLength={2000}
          hint="What should a moderator look at? Only moderators read this."
          value={details}
          onChange={form.change("details")}
          disabled={report.isPending}
        />
        {report.isError ? <ErrorAlert>{reportFailure(report.error, noun)}</ErrorAlert> : null}
        <FormActions submitLabel="Send report" pendingLabel="Sending…" pending={report.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
