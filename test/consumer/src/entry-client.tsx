import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./app";

declare global {
  interface Window {
    /** Read by the consumer check: recoverable errors React reported while hydrating. */
    __hydrationErrors: string[];
  }
}

const root = document.getElementById("root") as HTMLElement;

window.__hydrationErrors = [];
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
if (root.firstElementChild) {
  hydrateRoot(root, app, { onRecoverableError: (error) => window.__hydrationErrors.push(String(error)) });
} else {
  createRoot(root).render(app);
}
