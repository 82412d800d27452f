import type { SearchResponse } from "@stave/contracts";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";

/** A failed search, the way the app's lists fail: what went wrong and a retry. */
export function SearchError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <ErrorAlert>
      <p>We couldn't load the results. {errorMessage(error)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </ErrorAlert>
  );
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
