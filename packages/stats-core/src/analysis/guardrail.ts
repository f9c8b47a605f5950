/**
 * A guardrail verdict and the figures behind it. Harm h is measured in the metric's bad direction (−Δ for
 * `increase`, +Δ for `decrease`), m is the tolerated harm (`guardrailMargin`):
 * `harmed` when the interval lies entirely on the bad side of 0 and the estimated harm exceeds m;
 * `fine` when the harm at the interval's worst end is at most m; otherwise `inconclusive`.
 * (The three cannot overlap: the estimate never lies beyond the interval's worst end.)
 */
import type { GuardrailDetail, GuardrailStatus, LiftResult, MetricDirection } from "../types";

export function guardrailOf(
  lift: LiftResult,
  direction: MetricDirection,
  margin: number,
): { status: GuardrailStatus; detail: GuardrailDetail } | null {
  if (direction === "informational") return null;
  const harmOf = (x: number) => (direction === "increase" ? -x : x);
  const harm = harmOf(lift.estimate);
  const worstCaseHarm = harmOf(direction === "increase" ? lift.ci[0] : lift.ci[1]);
  let status: GuardrailStatus;
  if (lift.outcome === "worse" && harm > margin) status = "harmed";
  else if (worstCaseHarm <= margin) status = "fine";
  else status = "inconclusive";
  return {
    status,
    detail: {
      change: harm > 0 ? "worse" : harm < 0 ? "better" : "unchanged",
      size: Math.abs(lift.estimate),
      tolerance: margin,
      worstCaseHarm,
    },
  };
}
