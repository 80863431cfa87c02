/** Select options that carry the Admiralty meanings, e.g. "B — usually reliable". */
import { CREDIBILITY, RELIABILITY, credibilityText, reliabilityText } from '../../../core/grades';

export const RELIABILITY_OPTIONS = RELIABILITY.map((r) => ({ value: r, label: reliabilityText(r) }));
export const CREDIBILITY_OPTIONS = CREDIBILITY.map((c) => ({ value: String(c), label: credibilityText(c) }));
