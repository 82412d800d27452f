import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadFailed } from "./Alert.tsx";
import { ShowMoreButton } from "./ShowMoreButton.tsx";

type PagedListProps<Page, Item> = {
  query: UseInfiniteQueryResult<InfiniteData<Page>>;
  /** Shown until the first page is in, e.g. "Loading tracks…". */
  loading: string;
  /** What could not be loaded, e.g. "the tracks" (see LoadFailed). */
  what: string;
  /** The items of the pages loaded so far. */
  itemsOf: (data: InfiniteData<Page>) => readonly Item[];
  empty: ReactNode;
  children: (items: readonly Item[]) => ReactNode;
};

/** A paginated list: loading, failure with a retry, empty, the items, then "Show more". */
export function PagedList<Page, Item>({ query, loading, what, itemsOf, empty, children }: PagedListProps<Page, Item>) {
  if (query.isPending) return <p className="loading">{loading}</p>;
  if (query.isError) return <LoadFailed what={what} query={query} />;
  const items = itemsOf(query.data);
  if (items.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <>
      {children(items)}
      <ShowMoreButton query={query} />
    </>
  );
}
