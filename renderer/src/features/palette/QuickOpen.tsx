/** Quick-open (Ctrl/Cmd+K): fuzzy over claim texts and source titles; arrows move, Enter opens, Esc closes. */
import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { paletteIndex, searchPalette, type PaletteItem } from '../../lib/fuzzy';
import { useApp } from '../../store';
import { useClaimIndex } from '../../store/useClaimIndex';

export function QuickOpen() {
  const claims = useClaimIndex();
  const sources = useApp((s) => s.sources);
  const setOpen = useApp((s) => s.setPaletteOpen);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(q);
  const match = useMemo(
    () =>
      paletteIndex([
        ...claims.map((c): PaletteItem => ({ kind: 'claim', id: c.id, title: c.text, detail: c.claimant ?? '' })),
        ...sources.map((s): PaletteItem => ({ kind: 'source', id: s.id, title: s.title, detail: s.publisher ?? '' })),
      ]),
    [claims, sources],
  );
  const hits = useMemo(() => searchPalette(match, deferred), [match, deferred]);
  const open = (item: PaletteItem | undefined) => {
    if (!item) return;
    const s = useApp.getState();
    if (item.kind === 'claim') s.openClaim(item.id);
    else s.openSource(item.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') open(hits[active]);
    else return;
    e.preventDefault();
  };
  return (
    <Dialog title="Quick open" onClose={() => setOpen(false)}>
      <label htmlFor="palette-q">Go to claim or source</label>
      <input
        id="palette-q"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="palette-results"
        aria-activedescendant={hits.length ? `palette-${active}` : undefined}
        aria-autocomplete="list"
        value={q}
        onChange={(e) => (setQ(e.target.value), setActive(0))}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-results" role="listbox" aria-label="Matches" className="palette-results">
        {hits.map((h, i) => (
          <li key={`${h.kind}:${h.id}`} id={`palette-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onClick={() => open(h)}>
            <span className="badge">{h.kind}</span> <SafeText text={h.title} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
