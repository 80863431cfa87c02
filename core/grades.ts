/** Admiralty (NATO AJP-2.1) grading: source reliability A–F and information credibility 1–6. */

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export const RELIABILITY_LABEL: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY_LABEL: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** Factor r(reliability) of the confidence model (DESIGN §3). F ("cannot be judged") sits above E. */
export const RELIABILITY_FACTOR: Record<Reliability, number> = { A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };

/** Factor q(credibility) of the confidence model (DESIGN §3). 6 ("cannot be judged") sits above 5. */
export const CREDIBILITY_FACTOR: Record<Credibility, number> = { 1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3 };

/**
 * The grades a new source or evidence item starts with when none is given: F and 6, "cannot be
 * judged". They claim nothing about the source or the information, and they count 0.3 (between
 * E/5 and D/4) until the analyst grades; forms say so beside the control.
 */
export const DEFAULT_RELIABILITY: Reliability = 'F';
export const DEFAULT_CREDIBILITY: Credibility = 6;

export function reliabilityText(r: Reliability): string {
  return `${r} — ${RELIABILITY_LABEL[r]}`;
}

export function credibilityText(c: Credibility): string {
  return `${c} — ${CREDIBILITY_LABEL[c]}`;
}

/** The compact grade analysts write in footnotes, e.g. "B2". */
export function gradeCode(r: Reliability, c: Credibility): string {
  return `${r}${c}`;
}

/** True for the grades that count as "strong" sources (A or B). */
export function isStrongReliability(r: Reliability): boolean {
  return r === 'A' || r === 'B';
}
