import { type SearchType, searchTypes } from "@stave/contracts";
import { type KeyboardEvent, useRef } from "react";
import { searchTypeLabels } from "../searchParams.ts";

type SearchTabsProps = {
  selected: SearchType;
  onSelect: (type: SearchType) => void;
  /** The id of the tab panel every tab controls (the page renders one, for the selected tab). */
  panelId: string;
  tabId: (type: SearchType) => string;
};

function targetIndex(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * All / Tracks / Creators / Playlists as ARIA tabs: one tab stop, arrow keys (and Home/End)
 * move between tabs and select the one they land on.
 */
export function SearchTabs({ selected, onSelect, panelId, tabId }: SearchTabsProps) {
  const tabs = useRef(new Map<SearchType, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = targetIndex(event.key, index, searchTypes.length);
    const type = target === undefined ? undefined : searchTypes[target];
    if (type === undefined) return;
    event.preventDefault();
    tabs.current.get(type)?.focus();
    onSelect(type);
  }

  return (
    <div role="tablist" aria-label="Result types" className="search-tabs">
      {searchTypes.map((type, index) => (
        <button
          key={type}
          ref={(element) => {
            if (element) tabs.current.set(type, element);
            else tabs.current.delete(type);
          }}
          type="button"
          role="tab"
          id={tabId(type)}
          className="search-tabs__tab"
          aria-selected={type === selected}
          aria-controls={panelId}
          tabIndex={type === selected ? 0 : -1}
          onClick={() => onSelect(type)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {searchTypeLabels[type]}
        </button>
      ))}
    </div>
  );
}
