import { describe, expect, it } from "vitest";
import { createDraftId, createIdempotencyKey } from "./idempotency";

describe("createIdempotencyKey", () => {
  it("creates distinct, non-empty keys", () => {
    const keys = new Set(Array.from({ length: 100 }, () => createIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^launch-[0-9a-f-]{32,36}$/);
  });
});

describe("createDraftId", () => {
  it("creates distinct ids a persistence accepts as draft ids", () => {
    const ids = new Set(Array.from({ length: 100 }, () => createDraftId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^draft-[0-9a-f-]{32,36}$/);
  });
});
