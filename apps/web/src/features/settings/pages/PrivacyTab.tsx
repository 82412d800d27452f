import { DataExportSection } from "../../privacy/components/DataExportSection.tsx";
import { DeleteAccountSection } from "../../privacy/components/DeleteAccountSection.tsx";

/** /settings/privacy: where the export mail and the export_ready notification send people. */
export function PrivacyTab() {
  return (
    <>
      <DataExportSection />
      <DeleteAccountSection />
    </>
  );
}
