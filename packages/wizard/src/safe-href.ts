/** Any base works: it only lets relative URLs parse. It is never requested. */
const RELATIVE_BASE = "https://relative.invalid/";

/**
 * `href` when it is safe to put in a link the host built from its own data: an `http:` or `https:` URL, or a
 * relative one (`/features/42`, `?feature=42`, `#flag`). Anything else (`javascript:`, `data:`, `vbscript:`, a URL
 * the browser cannot parse) gives `undefined`, and the wizard shows no link. The check is the browser's own URL
 * parser, so tricks such as `java\tscript:` or leading spaces are read exactly as a browser would read them.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== "string" || href.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(href, RELATIVE_BASE);
  } catch {
    return undefined;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? href : undefined;
}
