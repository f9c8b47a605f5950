/** A random identifier: `randomUUID` where the platform has it, random bytes otherwise. */
function randomToken(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === "function") cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A random launch key. The wizard creates one per confirmation, and sends the same key on every retry of it: the
 * persistence adapter launches once per key.
 */
export function createIdempotencyKey(): string {
  return `launch-${randomToken()}`;
}

/**
 * The id of a new draft, chosen by the wizard before its first save. Every save of the draft carries it, so a first
 * save that outlives its timeout (and then succeeds) and the save after it write the same draft, never two.
 */
export function createDraftId(): string {
  return `draft-${randomToken()}`;
}
