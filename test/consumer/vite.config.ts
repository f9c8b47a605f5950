import { readFile } from "node:fs/promises";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * `/ssr.html` on the dev server: index.html with the app rendered by `renderToString` on the server (React's
 * development builds on both sides, so every hydration mismatch is reported in the browser console).
 */
function serverRenderedPage(): Plugin {
  return {
    name: "server-rendered-page",
    configureServer(server) {
      server.middlewares.use("/ssr.html", async (request, response, next) => {
        try {
          const html = await server.transformIndexHtml(
            request.originalUrl ?? "/ssr.html",
            await readFile("index.html", "utf8"),
          );
          const { render } = (await server.ssrLoadModule("/src/entry-server.tsx")) as { render: () => string };
          response.setHeader("content-type", "text/html; charset=utf-8");
          response.end(html.replace("<!--app-html-->", render()));
        } catch (error) {
          if (error instanceof Error) server.ssrFixStacktrace(error);
          next(error);
        }
      });
    },
  };
}

// A plain Vite + React host: nothing kit-specific, no aliases, no optimizeDeps exclusions.
export default defineConfig({
  plugins: [react(), serverRenderedPage()],
  build: {
    rollupOptions: { input: { index: "index.html", duckdb: "duckdb.html" } },
  },
});
