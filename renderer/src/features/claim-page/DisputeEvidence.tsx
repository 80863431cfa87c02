/** The evidence a dispute concerns: ticked when opening one, listed (with a jump to each item) on its card. */
import type { EvidenceView } from '../../../../core/types';
import { GradeBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { evidenceAnchor, focusWhenShown } from '../search/focusItem';

const QUOTE_START = 60;

/** "B2 Reuters, “The company said it used 2,048…”" — how an item is named in a dispute. */
export function evidenceLabel(ev: EvidenceView): string {
  const quote = ev.excerpt.length > QUOTE_START ? `${ev.excerpt.slice(0, QUOTE_START - 1)}…` : ev.excerpt;
  return `${ev.grade} ${ev.source.title}${quote ? `, “${quote}”` : ''}`;
}

export function EvidenceChoice({ evidence, chosen, onChange }: { evidence: EvidenceView[]; chosen: string[]; onChange(ids: string[]): void }) {
  if (evidence.length === 0) return null;
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  return (
    <fieldset className="evidence-choice">
      <legend>Evidence this dispute concerns (optional)</legend>
      {evidence.map((ev) => (
        <label key={ev.id}>
          <input type="checkbox" checked={chosen.includes(ev.id)} onChange={() => toggle(ev.id)} /> <SafeText text={evidenceLabel(ev)} />
        </label>
      ))}
    </fieldset>
  );
}

export function LinkedEvidence({ ids, evidence }: { ids: string[]; evidence: EvidenceView[] }) {
  if (ids.length === 0) return null;
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return (
    <div className="linked-evidence">
      <span className="muted">Concerns:</span>
      <ul className="plain-list" aria-label="Evidence this dispute concerns">
        {ids.map((id) => {
          const ev = byId.get(id);
          return (
            <li key={id}>
              {ev ? (
                <>
                  <GradeBadge reliability={ev.source.reliability} credibility={ev.credibility} />{' '}
                  <button type="button" className="link-button" onClick={() => focusWhenShown(evidenceAnchor(id))}>
                    <SafeText text={evidenceLabel(ev).slice(ev.grade.length + 1)} />
                  </button>
                </>
              ) : (
                <span className="muted">an evidence item since removed</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
