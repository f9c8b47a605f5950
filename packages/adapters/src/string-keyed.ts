import * as z from "zod/mini";

/**
 * An object whose every value matches `value`, keyed by any string (weights per variation key, identities per
 * variation key), with the issues and paths `z.record(z.string(), value)` gives. It is built on the object schema
 * every host bundle has anyway: `z.record` also handles enum, literal and numeric keys, which the domain never uses,
 * and costs a host 0.6 kB gzip more. Like every object schema of the domain model it accepts any non-array object.
 */
export function stringKeyed<T extends z.core.SomeType>(value: T) {
  return z.catchall(z.object({}), value);
}
