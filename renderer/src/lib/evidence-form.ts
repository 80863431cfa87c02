/** The evidence form's boxes ↔ the contract's evidence fields (evidence.create / update, a new claim's firstEvidence). */
import { DEFAULT_CREDIBILITY, type Credibility } from '../../../core/grades';
import type { EvidenceView, Stance } from '../../../core/types';
import { FormReader } from './form-input';

export interface EvidenceDraft {
  stance: Stance;
  credibility: string;
  excerpt: string;
  locator: string;
  note: string;
  weight: string;
  /** "yes" = attribution only */
  attribution: 'yes' | 'no';
}

export const EVIDENCE_FIELDS = ['stance', 'credibility', 'excerpt', 'locator', 'note', 'weight', 'attribution'] as const;

export function evidenceDraftOf(evidence?: EvidenceView, start?: { excerpt: string; locator: string; stance?: EvidenceDraft['stance']; note?: string }): EvidenceDraft {
  return {
    stance: evidence?.stance ?? start?.stance ?? 'supports',
    credibility: String(evidence?.credibility ?? DEFAULT_CREDIBILITY),
    excerpt: evidence?.excerpt ?? start?.excerpt ?? '',
    locator: evidence?.locator ?? start?.locator ?? '',
    note: evidence?.note ?? start?.note ?? '',
    weight: String(evidence?.weight ?? 1),
    attribution: evidence?.attribution ? 'yes' : 'no',
  };
}

export function evidenceInput(d: EvidenceDraft) {
  const r = new FormReader();
  const w = Number(d.weight);
  if (d.weight.trim() === '' || !Number.isFinite(w)) r.fail('weight', 'must be a number from 0 to 2 (1 is normal)');
  if (r.failed) return { input: null, errors: r.errors } as const;
  return {
    errors: null,
    input: {
      stance: d.stance,
      credibility: Number(d.credibility) as Credibility,
      excerpt: d.excerpt,
      locator: d.locator.trim() ? d.locator : null,
      note: d.note,
      weight: w,
      attribution: d.attribution === 'yes',
    },
  } as const;
}
