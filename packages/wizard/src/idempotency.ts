/**
 * A random launch key. The wizard creates one per draft, the first time the user confirms the launch,
 * and sends the same key on every retry: the persistence adapter launches once per key.
 */
export function createIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") return `launch-${cryptoApi.randomUUID()}`;
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === "function") cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `launch-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
