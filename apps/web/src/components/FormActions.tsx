type FormActionsProps = {
  /** The submit button's label, e.g. "Save details". */
  submitLabel: string;
  /** What it says while the request is under way, e.g. "Saving…". */
  pendingLabel: string;
  pending: boolean;
  /** Disabled for another reason than a pending request (nothing changed yet, say). */
  disabled?: boolean;
  /** A destructive action: the submit button is styled as a warning. */
  danger?: boolean;
  /** A lesser action beside the page's main one: the submit button is styled as secondary. */
  secondary?: boolean;
  /** Offers Cancel where the form can be abandoned. */
  onCancel?: () => void;
};

/** A form's row of buttons: submit, which says what it is doing while pending, then Cancel. */
export function FormActions(props: FormActionsProps) {
  const { submitLabel, pendingLabel, pending, disabled, danger, secondary, onCancel } = props;
  const variant = danger ? " button--danger" : secondary ? " button--secondary" : "";
  return (
    <div className="form__actions">
      <button type="submit" className={`button${variant}`} disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
