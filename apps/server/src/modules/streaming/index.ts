/** Streaming: signed media URLs and serving a track's media. It owns no table. */
export { registerStreamingRoutes } from "./streaming.routes.ts";
