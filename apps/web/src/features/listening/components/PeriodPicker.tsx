import { type StatsPeriod, statsPeriods } from "@stave/contracts";
import { periodLabels } from "../statsText.ts";

type PeriodPickerProps = {
  value: StatsPeriod;
  onChange: (days: StatsPeriod) => void;
};

/** The last 7 days, 30 days or 12 months: radio buttons drawn as a segmented control. */
export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  return (
    <fieldset className="period-picker">
      <legend className="visually-hidden">Period</legend>
      {statsPeriods.map((days) => (
        <label key={days} className="period-picker__option">
          <input
            type="radio"
            name="stats-period"
            value={days}
            checked={value === days}
            onChange={() => onChange(days)}
          />
          <span>{periodLabels[days]}</span>
        </label>
      ))}
    </fieldset>
  );
}
