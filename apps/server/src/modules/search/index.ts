/** Search: the search index over tracks, playlists and profiles. */
export { searchJobs } from "./search.maintenance.ts";
export { registerSearchRoutes } from "./search.routes.ts";
