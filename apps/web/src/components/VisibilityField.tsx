import { type Visibility, visibilities } from "@stave/contracts";
import { useId } from "react";
import { visibilityLabels } from "../lib/visibility.ts";

type VisibilityFieldProps = {
  value: Visibility;
  onChange: (visibility: Visibility) => void;
  /** What each choice means for this kind of thing (a track, a playlist); the chosen one shows. */
  hints: Record<Visibility, string>;
  disabled?: boolean;
};

/** Who can see a track or playlist: a select whose hint explains the current choice. */
export function VisibilityField({ value, onChange, hints, disabled }: VisibilityFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Visibility
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hints[value]}
      </p>
      <select
        id={id}
        name="visibility"
        value={value}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Visibility)}
      >
        {visibilities.map((visibility) => (
          <option key={visibility} value={visibility}>
            {visibilityLabels[visibility]}
          </option>
        ))}
      </select>
    </div>
  );
}
