import { Route, Routes } from "react-router";
import { AppLayout } from "./AppLayout.tsx";
import { ComingSoonPage } from "./pages/ComingSoonPage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

/** Router-agnostic: main.tsx wraps it in a BrowserRouter, tests and stories in a MemoryRouter. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<ComingSoonPage title="Search" />} />
        <Route path="library" element={<ComingSoonPage title="Library" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
