// What the app and other features may use of instance; everything else in this folder is its own.
export { instanceQueryKey, useInstanceInfo, useSiteName } from "./useInstanceInfo.ts";
