import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

describe("safeHref", () => {
  it("keeps http(s) and relative URLs as they are", () => {
    for (const href of [
      "https://app.flagsmith.com/project/1/environment/abc/features?feature=42",
      "http://localhost:8000/features/42",
      "/project/1/features/42",
      "features/42",
      "../features/42",
      "?feature=42",
      "#flag-42",
      "//flagsmith.example.com/features/42",
    ]) {
      expect(safeHref(href)).toBe(href);
    }
  });

  it("refuses script, data and other schemes, however they are written", () => {
    for (const href of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "  javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html,<script>alert(1)</script>",
      "DATA:text/html;base64,PHNjcmlwdD4=",
      "file:///etc/passwd",
      "ftp://example.com/",
      "blob:https://example.com/uuid",
      "http://[not-a-host/",
      "",
      "   ",
    ]) {
      expect(safeHref(href), href).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(42)).toBeUndefined();
  });
});
