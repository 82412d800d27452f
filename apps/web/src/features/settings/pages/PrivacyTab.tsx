import { DataExportSection, DeleteAccountSection } from "../../privacy/index.ts";

/** /settings/privacy: where the export mail and the export_ready notification send people. */
export function PrivacyTab() {
  return (
    <>
      <DataExportSection />
      <DeleteAccountSection />
    </>
  );
}
