import { fileURLToPath } from "node:url";

/**
 * apps/server/, found from this file. It sits one level down, as the bundle built by
 * `npm run build` (dist/stave.mjs) does, so the same URL works in both.
 */
const serverRoot = new URL("../", import.meta.url);

export const serverPath = (relative: string) => fileURLToPath(new URL(relative, serverRoot));
