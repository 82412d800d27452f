// What the app and other features may use of library; everything else in this folder is its own.
export { LibraryLikesTab } from "./pages/LibraryLikesTab.tsx";
export { LibraryPage, LibraryTabs } from "./pages/LibraryPage.tsx";
