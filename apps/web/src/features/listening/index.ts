// What the app and other features may use of listening; everything else in this folder is its own.
export { PlaysChart } from "./components/PlaysChart.tsx";
export { listeningKeys } from "./hooks/listeningKeys.ts";
export { HistoryPage } from "./pages/HistoryPage.tsx";
export { StatsPage } from "./pages/StatsPage.tsx";
export { reportPlayProgress, startPlay } from "./services/listeningApi.ts";
