/**
 * Each count's share of the total in percent, rounded half-up to 2 decimals, as the official
 * report tables print them (the reference table: 17 of 115 = 14,78). Rounded per cell, so the
 * shares may not add up to exactly 100; the tables' total row prints 100.
 */
export function percentShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0)
  return counts.map((n) => (total === 0 ? 0 : roundHalfUp((n * 100) / total, 2)))
}

/** Half-up rounding that is not fooled by binary fractions (1.005 → 1.01). */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(Number((value * factor).toPrecision(12))) / factor
}
