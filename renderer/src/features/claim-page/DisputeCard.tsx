/** One dispute: who raised it and when, the evidence it concerns, its responses, and the respond / resolve forms. */
import { useState } from 'react';
import { DISPUTE_OUTCOME_LABEL, DISPUTE_OUTCOMES, type Dispute, type DisputeOutcome, type EvidenceView } from '../../../../core/types';
import { api } from '../../api/client';
import { Select } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { LinkedEvidence } from './DisputeEvidence';
import { InlineForm } from './InlineForm';

const OUTCOME_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...DISPUTE_OUTCOMES.map((o) => ({ value: o, label: `${DISPUTE_OUTCOME_LABEL[o]}${o === 'upheld' ? ' (the challenge was right)' : o === 'rejected' ? ' (the claim stands as judged)' : ''}` })),
];

const day = (iso: string) => iso.slice(0, 10);

function ResolveForm({ dispute, onDone }: { dispute: Dispute; onDone(outcome: DisputeOutcome): void }) {
  const [outcome, setOutcome] = useState('');
  return (
    <InlineForm
      title="Resolve the dispute"
      fields={[{ name: 'resolution', label: 'Resolution', multiline: true }]}
      submitLabel="Resolve dispute"
      onSubmit={async (v) => {
        if (!outcome) return 'Choose the outcome: upheld, rejected or partly upheld.';
        const o = outcome as DisputeOutcome;
        const err = await mutate(() => api.call('disputes.resolve', { id: dispute.id, resolution: v.resolution!, outcome: o }), `Dispute resolved: ${DISPUTE_OUTCOME_LABEL[o]}`, 'claim');
        if (!err) onDone(o);
        return err;
      }}
    >
      <Select label="Outcome" value={outcome} options={OUTCOME_OPTIONS} onChange={setOutcome} />
    </InlineForm>
  );
}

export function DisputeCard({ dispute: d, evidence, onResolved }: { dispute: Dispute; evidence: EvidenceView[]; onResolved(outcome: DisputeOutcome): void }) {
  const analyst = useApp((s) => s.info?.settings.analystName ?? '');
  const [mode, setMode] = useState<'none' | 'respond' | 'resolve'>('none');
  return (
    <div className={`card dispute dispute-${d.status}`}>
      <p>
        <strong>
          <SafeText text={d.raisedBy} />
        </strong>{' '}
        <span className="muted">
          raised on <time dateTime={d.openedAt}>{day(d.openedAt)}</time>
        </span>{' '}
        <span className="badge">{d.status === 'resolved' && d.outcome ? `resolved: ${DISPUTE_OUTCOME_LABEL[d.outcome]}` : d.status}</span>
      </p>
      <p>
        <SafeText text={d.position} />
      </p>
      <LinkedEvidence ids={d.evidenceIds} evidence={evidence} />
      {d.responses.length > 0 && (
        <ul className="responses">
          {d.responses.map((r) => (
            <li key={r.id}>
              <SafeText text={r.author} /> <span className="muted">({day(r.createdAt)})</span>: <SafeText text={r.text} />
            </li>
          ))}
        </ul>
      )}
      {d.resolution && (
        <p>
          Resolved{d.resolvedAt && <> on {day(d.resolvedAt)}</>}
          {d.outcome ? `, ${DISPUTE_OUTCOME_LABEL[d.outcome]}` : ' (outcome not recorded)'}: <SafeText text={d.resolution} />
        </p>
      )}
      {d.status === 'open' && (
        <div className="actions">
          <button type="button" className="small" onClick={() => setMode(mode === 'respond' ? 'none' : 'respond')}>
            Respond
          </button>
          <button type="button" className="small" onClick={() => setMode(mode === 'resolve' ? 'none' : 'resolve')}>
            Resolve
          </button>
        </div>
      )}
      {mode === 'respond' && (
        <InlineForm
          title="Respond to the dispute"
          fields={[
            { name: 'author', label: 'Response author', initial: analyst },
            { name: 'text', label: 'Response', multiline: true },
          ]}
          submitLabel="Send response"
          onSubmit={async (v) => {
            const err = await mutate(() => api.call('disputes.respond', { id: d.id, author: v.author!, text: v.text! }), 'Response added', 'claim');
            if (!err) setMode('none');
            return err;
          }}
        />
      )}
      {mode === 'resolve' && (
        <ResolveForm
          dispute={d}
          onDone={(o) => {
            setMode('none');
            onResolved(o);
          }}
        />
      )}
    </div>
  );
}
