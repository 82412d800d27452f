// What the app and other features may use of moderation; everything else in this folder is its own.
export { ReportButton } from "./components/ReportButton.tsx";
export { TakedownNotice } from "./components/TakedownNotice.tsx";
export { reportCategoryLabels, subjectNouns } from "./moderationText.ts";
