import type { Experiment } from "@flagsmith-experimentation/adapters";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { DemoApp } from "./DemoApp";
import { createDemoServices, type DemoServices } from "./demo-services";
import { seededExperiments } from "./demo-world";
import { MemoryStorage } from "./memory-storage";

/**
 * Not a page of the demo: the measuring rig behind `pnpm figures`. It simulates `identities` into the
 * embedded DuckDB first, then offers "Open results", so the time from opening the experiment to rendered
 * results (DuckDB-wasm query + stats-core analysis + render) can be measured apart from the simulation.
 * Hidden from the sidebar and from the test run: `iframe.html?id=demo-benchmarks--open-results&args=identities:1000000`.
 */
interface OpenResultsProps {
  /** Exposed identities of the measured experiment. */
  identities: number;
}

const benchmarkExperiment: Experiment = {
  ...(seededExperiments[0]?.experiment as Experiment),
  id: "exp-benchmark",
  name: "Benchmark: checkout button colour",
};

type Rig =
  | { status: "simulating" }
  | { status: "ready"; services: DemoServices; events: number; simulationMs: number }
  | { status: "failed"; message: string };

function OpenResults({ identities }: OpenResultsProps) {
  const [rig, setRig] = useState<Rig>({ status: "simulating" });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const count = Math.max(1, Math.round(Number(identities) || 0));
    const services = createDemoServices({
      storage: new MemoryStorage(),
      timeoutMs: 600_000,
      world: {
        experiments: [benchmarkExperiment],
        traffic: { [benchmarkExperiment.id]: { identities: count, days: 14 } },
      },
    });
    const started = performance.now();
    services
      .ensureTraffic(benchmarkExperiment)
      .then((events) =>
        setRig({ status: "ready", services, events, simulationMs: Math.round(performance.now() - started) }),
      )
      .catch((error: unknown) => setRig({ status: "failed", message: String(error) }));
  }, [identities]);

  if (rig.status === "simulating") return <p role="status">Simulating traffic…</p>;
  if (rig.status === "failed") return <p role="alert">{rig.message}</p>;
  if (!open) {
    return (
      <div>
        <p data-events={rig.events} data-simulation-ms={rig.simulationMs}>
          {rig.events} events ready (simulated and loaded in {rig.simulationMs} ms).
        </p>
        <button type="button" onClick={() => setOpen(true)}>
          Open results
        </button>
      </div>
    );
  }
  return (
    <DemoApp
      services={rig.services}
      initialPage={{ name: "results", experimentId: benchmarkExperiment.id }}
      listHeadlines={false}
    />
  );
}

const meta = {
  title: "Demo/Benchmarks",
  component: OpenResults,
  tags: ["!dev", "!test", "!autodocs"],
  args: { identities: 100_000 },
} satisfies Meta<typeof OpenResults>;

export default meta;

export const OpenResultsTiming: StoryObj<typeof meta> = { name: "Open results" };
