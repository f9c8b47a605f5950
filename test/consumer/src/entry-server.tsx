import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { App } from "./app";

/** Server render of the host page; the consumer check puts the markup into index.html and hydrates it in Chromium. */
export function render(): string {
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
