import { api, type DataExport, type DataExportList, type DeleteAccountRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

/** Queues a ZIP of all my data; it starts `pending` and is built in the background. */
export async function requestDataExport(): Promise<DataExport> {
  return (await callApi(api.privacy.requestExport)).export;
}

/** My exports, newest first, and how many more I may request now. */
export function fetchDataExports(signal?: AbortSignal): Promise<DataExportList> {
  return callApi(api.privacy.exports, { signal });
}

/** Deletes my account; the server ends the session and clears its cookie. */
export function deleteMyAccount(request: DeleteAccountRequest): Promise<undefined> {
  return callApi(api.privacy.deleteAccount, { body: request });
}
