import type { SearchParams } from "../searchParams.ts";

/** Every cached search lives under ["search"]. */
export const searchKeys = {
  all: ["search"] as const,
  suggestions: (q: string) => ["search", "suggestions", q] as const,
  /** The All tab: a few of each type. */
  overview: (params: SearchParams) => ["search", "overview", params] as const,
  /** A single type's tab, page after page. */
  pages: (params: SearchParams) => ["search", "pages", params] as const,
};
