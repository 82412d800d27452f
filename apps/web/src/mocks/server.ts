import { setupServer } from "msw/node";
import { handlers } from "./handlers.ts";

/** The API as tests see it; tests override single routes with `server.use(...)`. */
export const server = setupServer(...handlers);
