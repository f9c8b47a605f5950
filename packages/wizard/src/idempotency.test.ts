import { describe, expect, it } from "vitest";
import { createIdempotencyKey } from "./idempotency";

describe("createIdempotencyKey", () => {
  it("creates distinct, non-empty keys", () => {
    const keys = new Set(Array.from({ length: 100 }, () => createIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^launch-[0-9a-f-]{32,36}$/);
  });
});
