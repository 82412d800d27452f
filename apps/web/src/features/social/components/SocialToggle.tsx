import { useId } from "react";
import { SocialIcon } from "./SocialIcon.tsx";

type SocialToggleProps = {
  icon: "like" | "repost";
  /** The button's name, e.g. "Like Night Drive"; `aria-pressed` says whether it is done. */
  label: string;
  pressed: boolean;
  /** Unknown while loading. */
  count: number | undefined;
  /** What is counted, singular and plural, for the button's description ("12 likes"). */
  noun: readonly [string, string];
  onToggle: () => void;
  disabled?: boolean;
};

/** A toggle button with its count beside the icon, the count read out as its description. */
export function SocialToggle({ icon, label, pressed, count, noun, onToggle, disabled }: SocialToggleProps) {
  const countId = useId();
  return (
    <button
      type="button"
      className={`social-toggle social-toggle--${icon}`}
      aria-pressed={pressed}
      aria-label={label}
      aria-describedby={count === undefined ? undefined : countId}
      disabled={disabled}
      onClick={onToggle}
    >
      <SocialIcon name={icon} />
      {count === undefined ? null : (
        <span id={countId} className="social-toggle__count">
          {count.toLocaleString("en")}
          <span className="visually-hidden"> {count === 1 ? noun[0] : noun[1]}</span>
        </span>
      )}
    </button>
  );
}
