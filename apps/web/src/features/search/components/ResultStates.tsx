import type { SearchResponse } from "@stave/contracts";
import { LoadFailed } from "../../../components/Alert.tsx";

/** A failed search, the way the app's lists fail: what went wrong and a retry. */
export function SearchError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return <LoadFailed what="the results" query={{ error, refetch: onRetry }} />;
}

/** When the server fixed a misspelt word, say so: the results are for the corrected query. */
export function CorrectedQueryNotice({ response }: { response: Pick<SearchResponse, "query" | "correctedQuery"> }) {
  if (response.correctedQuery === null) return null;
  return (
    <p role="status" className="search-notice">
      Showing results for <strong>{response.correctedQuery}</strong> (you searched for “{response.query}”).
    </p>
  );
}

export const SearchLoading = () => <p className="loading">Searching…</p>;
