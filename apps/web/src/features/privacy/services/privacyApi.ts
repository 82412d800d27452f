import {
  type DataExport,
  type DataExportList,
  type DeleteAccountRequest,
  dataExportListSchema,
  dataExportResponseSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

/** Queues a ZIP of all my data; it starts `pending` and is built in the background. */
export async function requestDataExport(): Promise<DataExport> {
  const reply = await apiRequest("/api/v1/me/export", { method: "POST", schema: dataExportResponseSchema });
  return reply.export;
}

/** My exports, newest first, and how many more I may request now. */
export function fetchDataExports(signal?: AbortSignal): Promise<DataExportList> {
  return apiRequest("/api/v1/me/exports", { schema: dataExportListSchema, signal });
}

/** Deletes my account; the server ends the session and clears its cookie. */
export function deleteMyAccount(request: DeleteAccountRequest): Promise<undefined> {
  return apiRequest("/api/v1/users/me", { method: "DELETE", body: request });
}
