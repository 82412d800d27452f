import { type FormEvent, useId, useState } from "react";

export type TrackFilters = { genre: string; tag: string };

type SearchFiltersProps = TrackFilters & { onApply: (filters: TrackFilters) => void };

/**
 * Genre and tag, which narrow the tracks. The inputs start from the URL's values; the page
 * remounts this form (by key) when the URL changes, so Back shows the filters it restores.
 */
export function SearchFilters({ genre, tag, onApply }: SearchFiltersProps) {
  const id = useId();
  const [values, setValues] = useState<TrackFilters>({ genre, tag });
  const filtered = Boolean(genre || tag);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({ genre: values.genre.trim(), tag: values.tag.trim() });
  }

  return (
    <form className="search-filters" aria-label="Filter tracks" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-genre`} className="field__label">
          Genre
        </label>
        <input
          id={`${id}-genre`}
          name="genre"
          maxLength={60}
          value={values.genre}
          onChange={(event) => setValues((current) => ({ ...current, genre: event.target.value }))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`} className="field__label">
          Tag
        </label>
        <input
          id={`${id}-tag`}
          name="tag"
          maxLength={40}
          value={values.tag}
          onChange={(event) => setValues((current) => ({ ...current, tag: event.target.value }))}
        />
      </div>
      <button type="submit" className="button button--secondary">
        Filter tracks
      </button>
      {filtered ? (
        <button type="button" className="link-button" onClick={() => onApply({ genre: "", tag: "" })}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
