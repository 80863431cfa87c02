/** Plain-words reading of a Brier score (0 = perfect, 0.25 = always saying 50 %, 1 = certain and wrong). */

export function formatBrier(b: number): string {
  return b.toFixed(3);
}

/** How a score compares with the no-information forecast of 50 % on everything (0.25). */
export function brierVerdict(b: number): string {
  if (b < 0.05) return 'very well calibrated';
  if (b < 0.2) return 'better than always saying 50%';
  if (b <= 0.3) return 'about as good as always saying 50%';
  return 'worse than always saying 50%';
}
