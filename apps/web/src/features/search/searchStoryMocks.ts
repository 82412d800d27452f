import type { Track } from "@stave/contracts";
import { buildSearchCatalogTracks, createMockApi, type MockApi } from "../../mocks/handlers.ts";

/**
 * The whole mocked API over the search catalogue (plus `extraTracks`), so a track or
 * creator found by search opens on its own page too. A fresh one per call.
 */
export function searchCatalogApi(extraTracks: Track[] = []): MockApi {
  return createMockApi({ tracks: [...buildSearchCatalogTracks(), ...extraTracks] });
}
