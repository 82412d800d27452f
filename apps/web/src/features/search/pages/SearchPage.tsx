import type { SearchType } from "@stave/contracts";
import { useId } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { SearchFilters, type TrackFilters } from "../components/SearchFilters.tsx";
import { SearchOverview } from "../components/SearchOverview.tsx";
import { SearchTabs } from "../components/SearchTabs.tsx";
import { SearchTypeResults } from "../components/SearchTypeResults.tsx";
import { readSearchParams, searchUrl } from "../searchParams.ts";

/**
 * /search?q=&type=&genre=&tag=: everything the page shows comes from the URL, so a search
 * can be shared, and each tab or filter change is a history entry Back returns from.
 */
export function SearchPage() {
  const [searchParams] = useSearchParams();
  const params = readSearchParams(searchParams);
  const navigate = useNavigate();
  const id = useId();
  const panelId = `${id}-panel`;
  const tabId = (type: SearchType) => `${id}-tab-${type}`;

  if (!params.q) {
    return (
      <section className="page">
        <h1>Search</h1>
        <p>
          Find tracks, creators and playlists: type in the search box at the top of the page (press “/” to jump there).
        </p>
      </section>
    );
  }

  const selectType = (type: SearchType) => {
    if (type !== params.type) navigate(searchUrl({ ...params, type }));
  };
  const applyFilters = (filters: TrackFilters) => navigate(searchUrl({ ...params, ...filters }));
  const filtersApply = params.type === "all" || params.type === "tracks";

  return (
    <section className="page search-page">
      <h1>Results for “{params.q}”</h1>
      <SearchTabs selected={params.type} onSelect={selectType} panelId={panelId} tabId={tabId} />
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(params.type)} className="search-page__panel">
        {filtersApply ? (
          <SearchFilters
            key={`${params.genre}\n${params.tag}`}
            genre={params.genre}
            tag={params.tag}
            onApply={applyFilters}
          />
        ) : null}
        {params.type === "all" ? (
          <SearchOverview params={params} />
        ) : (
          <SearchTypeResults params={params} type={params.type} />
        )}
      </div>
    </section>
  );
}
