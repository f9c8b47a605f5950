import type {
  FlagsAdapter,
  MetricsAdapter,
  PersistenceAdapter,
  SegmentsAdapter,
} from "@flagsmith-experimentation/adapters";

/**
 * The adapters a host writes from the READMEs for the size variants: calls to its own API (these endpoints are made
 * up and never called; the variants are only built). Unlike ../host-data.ts, no fixtures: a host ships none.
 */
const json = <T>(path: string, body?: unknown): Promise<T> =>
  fetch(path, body === undefined ? undefined : { method: "POST", body: JSON.stringify(body) }).then(
    (response) => response.json() as Promise<T>,
  );

export const flagsAdapter: FlagsAdapter = {
  listFlags: (query) => json(`/api/flags?search=${encodeURIComponent(query?.search ?? "")}`),
  getFlag: (id) => json(`/api/flags/${id}`),
};

export const segmentsAdapter: SegmentsAdapter = {
  listSegments: () => json("/api/segments"),
  listOverrides: (flagId) => json(`/api/flags/${flagId}/overrides`),
};

export const metricsAdapter: MetricsAdapter = { listMetrics: () => json("/api/metrics") };

export const persistence: PersistenceAdapter = {
  saveDraft: (draft) => json("/api/experiments", draft),
  launch: (id, options) => json(`/api/experiments/${id}/launch`, options),
  getExperiment: (id) => json(`/api/experiments/${id}`),
  listExperiments: () => json("/api/experiments"),
  stop: (id) => json(`/api/experiments/${id}/stop`, {}),
};
