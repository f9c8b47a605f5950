import type { StorybookConfig } from "@storybook/react-vite";
import { defaultClientConditions } from "vite";

const config: StorybookConfig = {
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Workspace packages are consumed from source (the `source` export condition): no build step.
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ["source", ...(viteConfig.resolve.conditions ?? defaultClientConditions)];
    return viteConfig;
  },
};

export default config;
