/**
 * Asymptotic confidence sequences (Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas, 2023,
 * "Time-uniform central limit theory and asymptotic confidence sequences"), in the two-sample
 * form GrowthBook's gbstats uses. With N = total units, σ² = N·Var(estimate) and ρ tuned so the
 * sequence is tightest at N = N*:
 *   ρ² = (−2 ln α + ln(1 − 2 ln α)) / N*
 *   half-width = σ · √( 2(Nρ² + 1) / (N²ρ²) · ln(√(Nρ² + 1) / α) )
 * The always-valid p-value inverts the sequence (the smallest α whose interval excludes 0):
 *   p = min(1, √(Nρ² + 1) · exp(−est² N² ρ² / (2σ²(Nρ² + 1)))).
 */
export function sequentialRho(alpha: number, tuning: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(1 + l)) / tuning);
}

export function sequentialHalfWidth(variance: number, n: number, alpha: number, rho: number): number {
  const sigma2 = variance * n;
  const nr2 = n * rho * rho;
  const term = ((2 * (nr2 + 1)) / (n * n * rho * rho)) * Math.log(Math.sqrt(nr2 + 1) / alpha);
  const half = Math.sqrt(sigma2 * Math.max(0, term));
  // Degenerate scales (overflow) give an uninformative, never a NaN, interval.
  return Number.isNaN(half) ? Number.POSITIVE_INFINITY : half;
}

export function sequentialPValue(estimate: number, variance: number, n: number, rho: number): number {
  const sigma2 = variance * n;
  const nr2 = n * rho * rho;
  const exponent = -(estimate * estimate * n * n * rho * rho) / (2 * sigma2 * (nr2 + 1));
  const p = Math.sqrt(nr2 + 1) * Math.exp(exponent);
  return !Number.isNaN(p) ? Math.min(1, Math.max(0, p)) : 1;
}
