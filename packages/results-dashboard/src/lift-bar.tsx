import { type LiftDomain, liftGeometry } from "./lift-scale";
import type { LiftTone } from "./tone";

export interface LiftBarProps {
  estimate: number | null | undefined;
  interval?: readonly [number, number] | null | undefined;
  /** The shared zero-centred domain, so bars in one table compare. */
  domain: LiftDomain;
  tone: LiftTone;
  /** Accessible name stating the signed lift, e.g. "+4.2% lift". */
  label: string;
}

const WIDTH = 100;

/**
 * A zero-centred bar: the interval as a band, the estimate as a tick, zero as a line. Colour follows
 * `tone` (which already accounts for the metric's direction); shape and text carry the same meaning.
 */
export function LiftBar({ estimate, interval, domain, tone, label }: LiftBarProps) {
  const g = liftGeometry({ estimate, interval }, domain, WIDTH);
  const pct = (value: number) => `${value}%`;
  return (
    <svg className="fx-lift-bar" data-tone={tone} role="img" aria-label={label} width="100%" height="20">
      <rect className="fx-lift-bar-track" x="0" y="8" width="100%" height="4" rx="2" />
      {g.low !== undefined && g.high !== undefined ? (
        <rect
          className="fx-lift-bar-interval"
          x={pct(g.low)}
          y="5"
          width={pct(Math.max(0.5, g.high - g.low))}
          height="10"
          rx="3"
        />
      ) : null}
      <line className="fx-lift-bar-zero" x1={pct(g.zero)} x2={pct(g.zero)} y1="1" y2="19" />
      {g.estimate !== undefined ? (
        <line className="fx-lift-bar-estimate" x1={pct(g.estimate)} x2={pct(g.estimate)} y1="3" y2="17" />
      ) : null}
    </svg>
  );
}
