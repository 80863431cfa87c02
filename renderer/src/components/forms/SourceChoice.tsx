/**
 * Where evidence comes from: an existing source (fuzzy picker) or a new one typed in place — no
 * nested dialog. Used by the evidence dialog and by the New claim flow's first evidence.
 */
import { useId, useState } from 'react';
import type { Source } from '../../../../core/types';
import { SourcePicker } from '../../features/claim-page/SourcePicker';
import { scopedErrors } from '../../lib/form-input';
import { sourceDraftOf, sourceInput, type SourceDraft } from '../../lib/source-form';
import { SourceFields } from './SourceFields';

type Picked = Pick<Source, 'id' | 'title' | 'reliability'>;

export interface SourceChoiceState {
  mode: 'existing' | 'new';
  picked: Picked | null;
  draft: SourceDraft;
}

export function useSourceChoice(initial: Picked | null) {
  const [state, setState] = useState<SourceChoiceState>({ mode: 'existing', picked: initial, draft: sourceDraftOf() });
  return {
    state,
    set: (patch: Partial<SourceChoiceState>) => setState((s) => ({ ...s, ...patch })),
    /** After a new source was saved: from now on it is the picked one (a retry does not create it twice). */
    keep: (id: string) => setState((s) => ({ ...s, mode: 'existing', picked: { id, title: s.draft.title, reliability: s.draft.reliability } })),
  };
}
export type SourceChoiceHandle = ReturnType<typeof useSourceChoice>;

export type SourcePart = { sourceId: string; newSource?: undefined } | { sourceId?: undefined; newSource: NonNullable<ReturnType<typeof sourceInput>['input']> };

/** The choice as contract input ({ sourceId } or { newSource }), or errors keyed "sourceId" / "newSource.<field>". */
export function sourceChoiceInput(s: SourceChoiceState): { ok: true; value: SourcePart } | { ok: false; errors: Record<string, string> } {
  if (s.mode === 'existing') {
    return s.picked ? { ok: true, value: { sourceId: s.picked.id } } : { ok: false, errors: { sourceId: 'pick the source this evidence comes from, or choose "A new source"' } };
  }
  const built = sourceInput(s.draft);
  if (!built.input) return { ok: false, errors: Object.fromEntries(Object.entries(built.errors).map(([k, v]) => [`newSource.${k}`, v])) };
  return { ok: true, value: { newSource: built.input } };
}

/** Field paths the choice answers for (relative to where it sits in the input). */
export const SOURCE_CHOICE_FIELDS = ['sourceId', 'newSource'] as const;

export function SourceChoice({ choice, errors }: { choice: SourceChoiceHandle; errors: Record<string, string> }) {
  const name = useId();
  const { state, set } = choice;
  const sourceError = errors.sourceId ?? errors.newSource;
  return (
    <fieldset className="form-section">
      <legend>Source of the evidence</legend>
      <div className="choice" role="radiogroup" aria-label="Source of the evidence">
        <label>
          <input type="radio" name={name} checked={state.mode === 'existing'} onChange={() => set({ mode: 'existing' })} />
          An existing source
        </label>
        <label>
          <input type="radio" name={name} checked={state.mode === 'new'} onChange={() => set({ mode: 'new' })} />A new source
        </label>
      </div>
      {state.mode === 'existing' ? (
        <SourcePicker selected={state.picked} onSelect={(picked) => set({ picked })} error={sourceError} />
      ) : (
        <SourceFields draft={state.draft} onChange={(draft) => set({ draft })} errors={scopedErrors(errors, 'newSource')} autoFocus />
      )}
    </fieldset>
  );
}
