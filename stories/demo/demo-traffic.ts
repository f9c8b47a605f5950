import type { Experiment } from "@flagsmith-experimentation/adapters";
import {
  generateTrafficEvents,
  type SimulatedEventModel,
  type TrafficSimulationOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { DEFAULT_TRAFFIC_PLAN, demoWorldTruth, type TrafficPlan, type VariationTruth } from "./demo-world";

/**
 * Turns the demo world's truth into the adapters' traffic simulator options: how simulated users of
 * an experiment behave (purchases, page views, add-to-cart, support tickets), bucketed into variations
 * exactly as Flagsmith does.
 */

const DAY_MS = 86_400_000;

type TruthField = keyof VariationTruth;

function effectsFor(flagId: string, field: TruthField, target: "probability" | "value" | "eventsPerActiveIdentity") {
  const truth = demoWorldTruth[flagId] ?? {};
  const effects: NonNullable<SimulatedEventModel["effects"]> = {};
  for (const [variationKey, variation] of Object.entries(truth)) {
    const change = variation[field];
    if (change !== undefined) effects[variationKey] = { ...effects[variationKey], [target]: change };
  }
  return effects;
}

function merge(...parts: NonNullable<SimulatedEventModel["effects"]>[]): NonNullable<SimulatedEventModel["effects"]> {
  const merged: NonNullable<SimulatedEventModel["effects"]> = {};
  for (const part of parts) {
    for (const [key, effect] of Object.entries(part)) merged[key] = { ...merged[key], ...effect };
  }
  return merged;
}

/** The base behaviour of a demo shopper, with the flag's true effects per variation. */
export function demoEventModels(flagId: string): SimulatedEventModel[] {
  return [
    {
      eventName: "purchase",
      probability: 0.08,
      eventsPerActiveIdentity: 1.3,
      value: { mean: 62, sd: 24 },
      effects: merge(effectsFor(flagId, "purchase", "probability"), effectsFor(flagId, "orderValue", "value")),
    },
    {
      eventName: "page_view",
      probability: 1,
      eventsPerActiveIdentity: 4,
      value: { mean: 1200, sd: 320, decimals: 0 },
      effects: effectsFor(flagId, "loadTime", "value"),
    },
    {
      eventName: "add_to_cart",
      probability: 0.25,
      eventsPerActiveIdentity: 1.8,
      effects: effectsFor(flagId, "addToCart", "probability"),
    },
    {
      eventName: "support_ticket",
      probability: 0.03,
      effects: effectsFor(flagId, "supportTicket", "probability"),
    },
  ];
}

/** A stable 32-bit seed from an experiment id (FNV-1a), so reloading the demo simulates the same traffic. */
export function seedFor(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether an experiment has traffic to simulate: launched and not waiting for its start date. */
export function hasTraffic(experiment: Experiment): boolean {
  return (
    experiment.status !== "draft" &&
    experiment.status !== "scheduled" &&
    experiment.startDate !== "" &&
    experiment.endDate !== ""
  );
}

/**
 * Simulator options for an experiment: `plan.identities × scale` identities over the first `plan.days`
 * days of its window (never past its end date).
 */
export function trafficOptions(
  experiment: Experiment,
  plan: TrafficPlan = DEFAULT_TRAFFIC_PLAN,
  scale = 1,
  eventModels: (flagId: string) => SimulatedEventModel[] = demoEventModels,
): TrafficSimulationOptions {
  const lastDay = addDays(experiment.startDate, Math.max(1, plan.days) - 1);
  // ISO dates sort as text: the earlier of the simulated last day and the end date.
  const [endDate = experiment.endDate] = [lastDay, experiment.endDate].sort();
  const firstTreatment = experiment.variations.find((v) => !v.isControl);
  const options: TrafficSimulationOptions = {
    seed: seedFor(experiment.id),
    identities: Math.max(1, Math.round(plan.identities * scale)),
    flagId: experiment.flagId,
    startDate: experiment.startDate,
    endDate,
    weights: experiment.weights,
    events: eventModels(experiment.flagId),
    identityPrefix: `${experiment.id}-user-`,
  };
  if (plan.lostTreatmentExposures && firstTreatment) {
    options.srm = { variationKey: firstTreatment.key, dropShare: plan.lostTreatmentExposures };
  }
  return options;
}

/** The simulated events of an experiment, generated lazily (millions of events never sit in one array). */
export function experimentTraffic(
  experiment: Experiment,
  plan?: TrafficPlan,
  scale?: number,
  eventModels?: (flagId: string) => SimulatedEventModel[],
) {
  return generateTrafficEvents(trafficOptions(experiment, plan, scale, eventModels));
}
