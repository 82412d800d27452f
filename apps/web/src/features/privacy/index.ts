// What the app and other features may use of privacy; everything else in this folder is its own.
export { AccountDeletedNotice } from "./components/AccountDeletedNotice.tsx";
export { DataExportSection } from "./components/DataExportSection.tsx";
export { DeleteAccountSection } from "./components/DeleteAccountSection.tsx";
