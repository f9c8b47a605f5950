import * as z from "zod/mini";

/**
 * A list whose items are told apart by `id` (flags, segments, metrics, experiments): the items' schema, and no two
 * items with the same id. A UI keys its checkboxes, options and rows by id, and an experiment refers to its metrics by
 * id, so a list with a repeated id is malformed data (one checkbox would check two metrics), reported like any other
 * shape error.
 */
export function uniqueIdListSchema<T extends { id: string }>(item: z.ZodMiniType<T>) {
  return z.array(item).check(
    z.superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((entry, index) => {
        if (seen.has(entry.id)) {
          ctx.issues.push({
            code: "custom",
            message: `Two items have the id “${entry.id}”: ids must be unique.`,
            path: [index, "id"],
            input: entry.id,
          });
        }
        seen.add(entry.id);
      });
    }),
  );
}
