import { instanceOperations } from "./instance.ts";

/**
 * Every API operation by domain: `api.instance.info`, `api.tracks.update`… The server
 * registers its routes from these, the web client calls them and the mocks answer them.
 */
export const api = {
  instance: instanceOperations,
};
