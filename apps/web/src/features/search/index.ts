// What the app and other features may use of search; everything else in this folder is its own.
export { SearchBox } from "./components/SearchBox.tsx";
export { SearchPage } from "./pages/SearchPage.tsx";
