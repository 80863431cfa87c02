/** One dispute with its responses, and the respond / resolve forms. */
import { useState } from 'react';
import type { Dispute } from '../../../../core/types';
import { api } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import { InlineForm } from './InlineForm';

export function DisputeCard({ dispute: d }: { dispute: Dispute }) {
  const analyst = useApp((s) => s.info?.settings.analystName ?? '');
  const [mode, setMode] = useState<'none' | 'respond' | 'resolve'>('none');
  return (
    <div className={`card dispute dispute-${d.status}`}>
      <p>
        <strong>
          <SafeText text={d.raisedBy} />
        </strong>{' '}
        <span className="muted">{d.openedAt.slice(0, 10)}</span> <span className="badge">{d.status}</span>
      </p>
      <p>
        <SafeText text={d.position} />
      </p>
      {d.responses.length > 0 && (
        <ul className="responses">
          {d.responses.map((r) => (
            <li key={r.id}>
              <SafeText text={r.author} />: <SafeText text={r.text} />
            </li>
          ))}
        </ul>
      )}
      {d.resolution && (
        <p>
          Resolution: <SafeText text={d.resolution} />
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
        <InlineForm
          title="Resolve the dispute"
          fields={[{ name: 'resolution', label: 'Resolution', multiline: true }]}
          submitLabel="Resolve dispute"
          onSubmit={async (v) => {
            const err = await mutate(() => api.call('disputes.resolve', { id: d.id, resolution: v.resolution! }), 'Dispute resolved', 'claim');
            if (!err) setMode('none');
            return err;
          }}
        />
      )}
    </div>
  );
}
