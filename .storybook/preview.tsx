import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "@flagsmith-experimentation/wizard/styles.css";
import "@flagsmith-experimentation/results-dashboard/styles.css";
import "./preview.css";

/** Puts `.dark` on the preview root (the `<html>` element), as the Flagsmith frontend does. */
const withTheme: Decorator = (Story, context) => {
  const dark = context.globals.theme === "dark";
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle("dark", dark);
    return () => root.classList.remove("dark");
  }, [dark]);
  return <Story />;
};

const preview: Preview = {
  tags: ["autodocs"],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Light or dark theme (sets `.dark` on the preview root)",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "padded",
    options: { storySort: { order: ["Demo", ["Introduction", "Full flow"], "*"] } },
    controls: { expanded: true },
    a11y: { test: "error" },
    viewport: {
      options: {
        narrow: { name: "Narrow (360 px)", styles: { width: "360px", height: "720px" }, type: "mobile" },
        phone: { name: "Phone (480 px)", styles: { width: "480px", height: "800px" }, type: "mobile" },
        tablet: { name: "Tablet (768 px)", styles: { width: "768px", height: "1024px" }, type: "tablet" },
        desktop: { name: "Desktop (1280 px)", styles: { width: "1280px", height: "800px" }, type: "desktop" },
      },
    },
  },
};

export default preview;
