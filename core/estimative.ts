/** ICD 203 estimative language: probability bands and analytic confidence levels. */

export const BANDS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;
export type Band = (typeof BANDS)[number];

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/**
 * Half-open bands of DESIGN §3:
 * almost no chance < 0.05 ≤ very unlikely < 0.20 ≤ unlikely < 0.45 ≤ roughly even chance ≤ 0.55
 * < likely ≤ 0.80 < very likely ≤ 0.95 < almost certain.
 */
export function bandOf(p: number): Band {
  if (p < 0.05) return 'almost no chance';
  if (p < 0.2) return 'very unlikely';
  if (p < 0.45) return 'unlikely';
  if (p <= 0.55) return 'roughly even chance';
  if (p <= 0.8) return 'likely';
  if (p <= 0.95) return 'very likely';
  return 'almost certain';
}

/** Inclusive/exclusive limits of each band, for display ("55–80 %"). */
export const BAND_RANGE: Record<Band, readonly [number, number]> = {
  'almost no chance': [0, 0.05],
  'very unlikely': [0.05, 0.2],
  unlikely: [0.2, 0.45],
  'roughly even chance': [0.45, 0.55],
  likely: [0.55, 0.8],
  'very likely': [0.8, 0.95],
  'almost certain': [0.95, 1],
};

/** Synonyms ICD 203 allows for each band; used by the estimative-language checker. */
export const BAND_SYNONYMS: Record<Band, readonly string[]> = {
  'almost no chance': ['almost no chance', 'remote'],
  'very unlikely': ['very unlikely', 'highly improbable'],
  unlikely: ['unlikely', 'improbable'],
  'roughly even chance': ['roughly even chance', 'roughly even odds'],
  likely: ['likely', 'probable'],
  'very likely': ['very likely', 'highly probable'],
  'almost certain': ['almost certain', 'nearly certain'],
};

export function bandIndex(b: Band): number {
  return BANDS.indexOf(b);
}

export function formatPercent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** "72% (likely)", or what a claim without a probability (not checkable) shows instead. */
export function probabilityText(p: number | null, band: Band | null): string {
  return p === null || band === null ? 'no probability (not checkable)' : `${formatPercent(p)} (${band})`;
}
