import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../src/**/*.stories.tsx"],
  // public/ holds MSW's mockServiceWorker.js, which the browser must fetch from the root.
  staticDirs: ["./public"],
  core: { disableTelemetry: true },
};

export default config;
