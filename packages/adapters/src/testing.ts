/**
 * `@flagsmith-experimentation/adapters/testing`: what tests, stories and demos need, kept out of the production entry
 * (docs/architecture.md): one fixture world (`demoWorld` and its parts), in-memory reference adapters with fault
 * injection (they start empty: seed them with `demoWorld` or your own data), the traffic simulator, and the
 * plain-TypeScript reference aggregation the warehouse SQL is tested against.
 */
export {
  demoEnvironment,
  demoEventModels,
  demoExperiments,
  demoFlags,
  demoMetrics,
  demoOverrides,
  demoSegments,
  demoWorld,
  simulateDemoTraffic,
} from "./fixtures";
export type {
  AdapterFault,
  AdapterMethod,
  InMemoryAdapters,
  InMemoryAdaptersOptions,
  InMemoryControls,
} from "./in-memory-adapters";
export { createInMemoryAdapters } from "./in-memory-adapters";
export type { AggregationOptions, CovariateOptions, FlagsmithAggregationOptions } from "./reference-aggregation";
export {
  aggregateFlagsmithMetricStats,
  aggregateMetricStats,
  assignExposedIdentities,
  assignFlagsmithExposedIdentities,
  numberFromText,
} from "./reference-aggregation";
export type {
  SimulatedEffect,
  SimulatedEventModel,
  TrafficSimulationOptions,
} from "./traffic-simulator";
export { generateTrafficEvents, simulateTraffic } from "./traffic-simulator";
