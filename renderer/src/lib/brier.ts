/** Plain-words reading of a Brier score (0 = perfect, 0.25 = always saying 50 %, 1 = certain and wrong). */

export function formatBrier(b: number): string {
  return b.toFixed(3);
}
