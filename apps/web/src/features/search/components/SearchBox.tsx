import type { Suggestion } from "@stave/contracts";
import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useSuggestions } from "../hooks/useSearchQueries.ts";
import { searchUrl } from "../searchParams.ts";

/** Where a suggestion leads: the track's page or the creator's. */
export function suggestionPath(suggestion: Suggestion): string {
  return suggestion.kind === "track" ? `/tracks/${suggestion.id}` : `/creators/${suggestion.username}`;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** "/" anywhere but in a text field puts the cursor in the search box, as on most sites with search. */
function useSlashToFocus(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [input]);
}

/**
 * The header's search: an ARIA 1.2 combobox whose listbox suggests tracks and creators as
 * you type. Arrow keys choose a suggestion and Enter opens it; Enter without one, or the
 * form's submit, shows every result at /search?q=…
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestionsQuery = useSuggestions(text, { enabled: open });
  useSlashToFocus(input);

  // A new list of suggestions starts with none of them chosen.
  const [listShown, setListShown] = useState(suggestionsQuery.data);
  if (listShown !== suggestionsQuery.data) {
    setListShown(suggestionsQuery.data);
    setActive(-1);
  }

  // On the results page the box holds what was searched for, also after Back and Forward.
  const searchedFor = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : null;
  useEffect(() => {
    if (searchedFor !== null) setText(searchedFor);
  }, [searchedFor]);

  const suggestions = text.trim() ? (suggestionsQuery.data ?? []) : [];
  const expanded = open && suggestions.length > 0;
  const activeSuggestion = expanded ? suggestions[active] : undefined;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function openSuggestion(suggestion: Suggestion) {
    close();
    setText("");
    navigate(suggestionPath(suggestion));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    close();
    navigate(searchUrl({ q }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (count === 0) return;
        event.preventDefault();
        const down = event.key === "ArrowDown";
        setOpen(true);
        // Wraps around, as the APG's combobox examples do.
        setActive((current) => {
          if (!expanded || current < 0) return down ? 0 : count - 1;
          return (current + (down ? 1 : count - 1)) % count;
        });
        return;
      }
      case "Enter":
        if (activeSuggestion) {
          event.preventDefault();
          openSuggestion(activeSuggestion);
        }
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        return;
    }
  }

  return (
    <search className="search-box">
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-input`} className="visually-hidden">
          Search
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          className="search-box__input"
          type="search"
          name="q"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Search tracks, creators, playlists"
          aria-keyshortcuts="/"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeSuggestion ? optionId(active) : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          // Options keep the focus in the input (see onMouseDown below), so losing it means
          // the person clicked or tabbed somewhere else.
          onBlur={close}
          onKeyDown={onKeyDown}
        />
        <span className="search-box__shortcut" aria-hidden="true">
          /
        </span>
        <div
          id={listboxId}
          role="listbox"
          aria-label="Suggestions"
          className="popover search-box__listbox"
          hidden={!expanded}
        >
          {suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys go to the input, which points at the active option with aria-activedescendant
            <div
              key={`${suggestion.kind}-${suggestion.id}`}
              id={optionId(index)}
              role="option"
              // Focus stays in the input; -1 only lets a screen reader's virtual cursor land on it.
              tabIndex={-1}
              aria-selected={index === active}
              className={index === active ? "search-box__option search-box__option--active" : "search-box__option"}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => openSuggestion(suggestion)}
            >
              <SuggestionText suggestion={suggestion} />
            </div>
          ))}
        </div>
        <div aria-live="polite" className="visually-hidden">
          {expanded ? `${suggestions.length} ${suggestions.length === 1 ? "suggestion" : "suggestions"}` : ""}
        </div>
      </form>
    </search>
  );
}

function SuggestionText({ suggestion }: { suggestion: Suggestion }) {
  if (suggestion.kind === "track") {
    return (
      <>
        <span className="search-box__option-title">{suggestion.title}</span>
        <span className="search-box__option-meta">
          Track · {suggestion.ownerDisplayName ?? suggestion.ownerUsername}
        </span>
      </>
    );
  }
  return (
    <>
      <span className="search-box__option-title">{suggestion.displayName ?? suggestion.username}</span>
      <span className="search-box__option-meta">Creator · @{suggestion.username}</span>
    </>
  );
}
