/** The part of an infinite query that paging needs. */
type Pager = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Show more" under a paginated list; nothing once the last page is in. */
export function ShowMoreButton({
  query,
  label = "Show more",
  className = "button button--secondary track-list__more",
}: {
  query: Pager;
  label?: string;
  className?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className={className}
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? "Loading…" : label}
    </button>
  );
}
