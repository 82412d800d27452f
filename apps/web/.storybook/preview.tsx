import type { Preview } from "@storybook/react-vite";
import { initialize, mswLoader } from "msw-storybook-addon";
import { sharedAnnotations } from "./annotations.tsx";
import "../src/app/app.css";

// Default options: warn about unmocked API calls, stay quiet about Storybook's own assets.
initialize();

const preview: Preview = {
  ...sharedAnnotations,
  loaders: [mswLoader],
};

export default preview;
