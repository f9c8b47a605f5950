import {
  createInMemoryAdapters,
  demoWorld,
  type InMemoryAdapters,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";

/** The stories' "today": pinned so dates, defaults and the launch status never drift. */
export const storyToday = new Date(2026, 2, 2);

/** Fresh in-memory adapters over the fixture world (unguarded: the wizard validates every answer itself). */
export function createStoryAdapters(options: InMemoryAdaptersOptions = {}): InMemoryAdapters {
  return createInMemoryAdapters({
    ...demoWorld,
    now: () => storyToday,
    guard: false,
    ...options,
  });
}
