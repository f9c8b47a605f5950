import { type Experiment, effectiveExperimentStatus, type MetricDefinition } from "@flagsmith-experimentation/adapters";
import { demoEnvironment } from "@flagsmith-experimentation/adapters/testing";
import {
  ExperimentList,
  ExperimentResults,
  loadResults,
  type SavedWarehouseConnection,
  type WarehouseConnection,
  WarehouseConnectionForm,
} from "@flagsmith-experimentation/results-dashboard";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { ExperimentWizard, type WizardDefaultValues } from "@flagsmith-experimentation/wizard";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { DemoServices } from "./demo-services";
import { DEMO_TODAY } from "./demo-world";
import "./demo.css";

/** The pages of the demo. */
export type DemoPage =
  | { name: "experiments" }
  | { name: "create"; draftId?: string; defaultValues?: WizardDefaultValues }
  | { name: "results"; experimentId: string }
  | { name: "warehouse" };

export interface DemoAppProps {
  services: DemoServices;
  initialPage?: DemoPage;
  /** Fills the "Primary metric" headline of each experiment on the Experiments page (runs every analysis). */
  listHeadlines?: boolean;
  /** The wizard's and the launch clock's "today". Default: the demo's fixed date. */
  today?: Date;
  /** Called when the page changes (stories use it to show the flow in the Actions panel). */
  onPageChange?: (page: DemoPage) => void;
}

const WAREHOUSE_STORAGE_KEY = "flagsmith-experimentation-demo:warehouse";

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

function readSavedConnection(): SavedWarehouseConnection {
  try {
    const raw = window.localStorage.getItem(WAREHOUSE_STORAGE_KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      const types: readonly unknown[] = ["duckdb", "postgres", "clickhouse", "bigquery", "snowflake"];
      if (typeof parsed === "object" && parsed !== null && "type" in parsed && types.includes(parsed.type)) {
        return parsed as SavedWarehouseConnection;
      }
    }
  } catch {
    // unreadable storage: fall back to the embedded DuckDB
  }
  return { type: "duckdb", path: ":memory: (this page)", eventsTable: "events", secretSaved: false };
}

function saveConnection(connection: WarehouseConnection) {
  const { type } = connection;
  const kept: Record<string, unknown> = { type, secretSaved: false };
  for (const [key, value] of Object.entries(connection)) {
    if (key === "password" || key === "serviceAccountKey") kept.secretSaved = value !== undefined && value !== "";
    else kept[key] = typeof value === "number" ? String(value) : value;
  }
  window.localStorage.setItem(WAREHOUSE_STORAGE_KEY, JSON.stringify(kept));
}

/** Experiments whose headline needs an analysis: launched, started, and without a recorded decision. */
function needsAnalysis(experiment: Experiment, today: Date): boolean {
  const status = effectiveExperimentStatus(experiment, today);
  return (
    status === "running" ||
    status === "paused" ||
    status === "stopped" ||
    (status === "concluded" && !experiment.decision)
  );
}

/** How many analyses run at once: the embedded DuckDB answers one query at a time anyway. */
const HEADLINE_CONCURRENCY = 2;

function ExperimentsPage({
  services,
  listHeadlines,
  today,
  go,
}: {
  services: DemoServices;
  listHeadlines: boolean;
  today: Date;
  go: (page: DemoPage) => void;
}) {
  const [state, setState] = useState<
    { status: "loading" } | { status: "error"; message: string } | { status: "ready"; experiments: Experiment[] }
  >({ status: "loading" });
  const [metrics, setMetrics] = useState<MetricDefinition[]>([]);
  const [analyses, setAnalyses] = useState<Record<string, AnalysisResult>>({});
  const [analysisStatus, setAnalysisStatus] = useState<Record<string, "loading" | "error" | "empty">>({});
  const headingId = useId();

  const load = useCallback(async () => {
    setState({ status: "loading" });
    try {
      const [experiments, definitions] = await Promise.all([
        services.adapters.persistence.listExperiments(),
        services.adapters.metrics.listMetrics(),
      ]);
      setMetrics(definitions);
      setState({ status: "ready", experiments });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }, [services]);

  useEffect(() => {
    void load();
  }, [load]);

  const experiments = state.status === "ready" ? state.experiments : undefined;
  useEffect(() => {
    if (!listHeadlines || !experiments) return;
    let cancelled = false;
    const queue = experiments.filter((experiment) => needsAnalysis(experiment, today));
    // Every row that will get a headline shows a placeholder of its size until its analysis is in.
    setAnalysisStatus(Object.fromEntries(queue.map((experiment) => [experiment.id, "loading" as const])));
    const settle = (id: string, status: "error" | "empty" | undefined) =>
      setAnalysisStatus((current) => {
        const { [id]: _done, ...rest } = current;
        return status ? { ...rest, [id]: status } : rest;
      });
    const worker = async () => {
      for (let next = queue.shift(); next && !cancelled; next = queue.shift()) {
        const { id } = next;
        try {
          const results = await loadResults(id, services.adapters, undefined, undefined, today);
          if (cancelled) return;
          if (results.kind === "ready") setAnalyses((current) => ({ ...current, [id]: results.analysis }));
          settle(id, results.kind === "empty" ? "empty" : undefined);
        } catch {
          // The experiment's own page shows the error and "Retry".
          if (!cancelled) settle(id, "error");
        }
      }
    };
    void Promise.all(Array.from({ length: HEADLINE_CONCURRENCY }, worker));
    return () => {
      cancelled = true;
    };
  }, [experiments, listHeadlines, services, today]);

  if (state.status === "error") {
    return (
      <section className="demo-error" aria-labelledby={headingId}>
        <h2 id={headingId}>Experiments could not be loaded</h2>
        <p role="alert">{state.message}</p>
        <button type="button" className="demo-button" onClick={() => void load()}>
          Retry
        </button>
      </section>
    );
  }
  return (
    <ExperimentList
      experiments={experiments ?? []}
      loading={state.status === "loading"}
      metrics={metrics}
      analyses={analyses}
      analysisStatus={analysisStatus}
      today={today}
      persistence={services.adapters.persistence}
      onCreateExperiment={() => go({ name: "create" })}
      onOpenExperiment={(experiment) =>
        go(
          experiment.status === "draft"
            ? { name: "create", draftId: experiment.id }
            : { name: "results", experimentId: experiment.id },
        )
      }
    />
  );
}

function ResultsPage({
  services,
  experimentId,
  today,
  go,
}: {
  services: DemoServices;
  experimentId: string;
  today: Date;
  go: (page: DemoPage) => void;
}) {
  return (
    <>
      <p className="demo-note">
        The figures below come from simulated traffic in the embedded DuckDB-wasm, through the kit’s generated SQL and
        stats-core’s analysis.
      </p>
      <ExperimentResults
        experimentId={experimentId}
        adapters={services.adapters}
        today={today}
        environmentName={demoEnvironment.name}
        onStartFromThis={(draft) => go({ name: "create", defaultValues: draft })}
      />
    </>
  );
}

function WarehousePage({ services }: { services: DemoServices }) {
  const [saved, setSaved] = useState(readSavedConnection);
  const [events, setEvents] = useState<number | undefined>();
  const mounted = useRef(true);
  const countEvents = useCallback(async () => {
    const count = await (await services.embeddedWarehouse()).countEvents();
    if (mounted.current) setEvents(count);
  }, [services]);
  useEffect(() => {
    mounted.current = true;
    // What the table holds now, then again once every launched experiment's traffic is in.
    (async () => {
      await countEvents();
      const experiments = await services.adapters.persistence.listExperiments();
      for (const experiment of experiments) {
        if (!mounted.current) return;
        await services.ensureTraffic(experiment);
      }
      await countEvents();
    })().catch(() => {
      // the form's "Test connection" reports a broken warehouse
    });
    return () => {
      mounted.current = false;
    };
  }, [services, countEvents]);
  return (
    <>
      <p className="demo-note">
        This demo’s warehouse is DuckDB running inside the page (WebAssembly). Its <code>events</code> table holds the
        simulated traffic of every launched experiment
        {events === undefined ? "" : `: ${integer.format(events)} events`}. “Test connection” runs the kit’s connection
        check against it; other warehouse types are tested from your server.
      </p>
      <WarehouseConnectionForm
        savedConnection={saved}
        createWarehouse={(connection) =>
          connection.type === "duckdb"
            ? {
                async testConnection() {
                  const result = await services.warehouseForTable(connection.eventsTable).testConnection();
                  // The count next to the form stays true after a test.
                  await countEvents().catch(() => undefined);
                  return result;
                },
              }
            : {
                testConnection: async () => ({
                  ok: false,
                  message:
                    "This demo runs in your browser and can only reach its embedded DuckDB. Choose DuckDB to try it.",
                }),
              }
        }
        onSave={(connection) => {
          saveConnection(connection);
          setSaved(readSavedConnection());
        }}
      />
    </>
  );
}

/**
 * The full-flow demo: the Experiments page, the wizard, an experiment's results and the warehouse
 * connection, over the demo services (DuckDB-wasm, simulated traffic, browser storage).
 */
export function DemoApp({
  services,
  initialPage = { name: "experiments" },
  listHeadlines = true,
  today = DEMO_TODAY,
  onPageChange,
}: DemoAppProps) {
  const [page, setPage] = useState<DemoPage>(initialPage);
  /** Bumped by "Reset demo data" so every page reloads from the reset storage. */
  const [generation, setGeneration] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const go = useCallback(
    (next: DemoPage) => {
      setPage(next);
      onPageChange?.(next);
    },
    [onPageChange],
  );

  // Moves focus to the new page, as a router would, so keyboard and screen-reader users follow along.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [page]);

  const content = useMemo(() => {
    switch (page.name) {
      case "experiments":
        return <ExperimentsPage services={services} listHeadlines={listHeadlines} today={today} go={go} />;
      case "create":
        return (
          <ExperimentWizard
            key={page.draftId ?? page.defaultValues?.name ?? "new"}
            adapters={services.adapters}
            today={today}
            flagHref={(flag) => `#flags/${encodeURIComponent(flag.id)}`}
            {...(page.draftId ? { draftId: page.draftId } : {})}
            {...(page.defaultValues ? { defaultValues: page.defaultValues } : {})}
            onCancel={() => go({ name: "experiments" })}
            onLaunched={(experiment) => go({ name: "results", experimentId: experiment.id })}
          />
        );
      case "results":
        return (
          <ResultsPage
            key={page.experimentId}
            services={services}
            experimentId={page.experimentId}
            today={today}
            go={go}
          />
        );
      case "warehouse":
        return <WarehousePage services={services} />;
    }
  }, [page, services, listHeadlines, today, go]);

  const onExperiments = page.name !== "warehouse";
  return (
    <div className="demo-app">
      <header className="demo-header">
        <p className="demo-brand">Acme Shop · Experiments</p>
        <nav aria-label="Demo">
          <ul className="demo-nav">
            <li>
              <button
                type="button"
                className="demo-nav-item"
                aria-current={onExperiments ? "page" : undefined}
                onClick={() => go({ name: "experiments" })}
              >
                Experiments
              </button>
            </li>
            <li>
              <button
                type="button"
                className="demo-nav-item"
                aria-current={onExperiments ? undefined : "page"}
                onClick={() => go({ name: "warehouse" })}
              >
                Warehouse connection
              </button>
            </li>
          </ul>
        </nav>
        <button
          type="button"
          className="demo-button"
          data-variant="quiet"
          onClick={() => {
            services.reset();
            setGeneration((g) => g + 1);
            go({ name: "experiments" });
          }}
        >
          Reset demo data
        </button>
      </header>
      <main ref={mainRef} tabIndex={-1} className="demo-main" aria-label="Demo page">
        <div key={generation} className="demo-page">
          {content}
        </div>
      </main>
    </div>
  );
}
