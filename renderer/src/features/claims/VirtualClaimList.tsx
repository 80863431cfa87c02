/**
 * The claim list as a keyboard-driven listbox, virtualized: only the visible rows (plus overscan)
 * are in the DOM and only their pages are fetched (claims.list paging).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rowAt } from '../../lib/pages';
import { useApp } from '../../store';
import { ClaimRowContent } from './ClaimRow';
import { EmptyClaimList } from './EmptyClaimList';

/** The estimate; a row whose tags wrap is measured and takes the height it needs. */
const ROW_HEIGHT = 60;

function nextIndex(key: string, active: number, total: number, pageRows: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(total - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'PageDown':
      return Math.min(total - 1, active + pageRows);
    case 'PageUp':
      return Math.max(0, active - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}

export function VirtualClaimList() {
  const knownTotal = useApp((s) => s.total);
  const total = knownTotal ?? 0;
  const pages = useApp((s) => s.pages);
  const ensureRows = useApp((s) => s.ensureRows);
  const openClaim = useApp((s) => s.openClaim);
  const listVersion = useApp((s) => s.listVersion);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRows(first, last);
  }, [first, last, ensureRows, listVersion, total]);
  useEffect(() => setActive(0), [listVersion]);
  useEffect(() => scrollRef.current?.focus({ preventScroll: true }), []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextIndex(e.key, Math.min(active, total - 1), total, pageRows);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      v.scrollToIndex(next, { align: 'auto' });
    } else if (e.key === 'Enter') {
      const row = rowAt(pages, active);
      if (row) openClaim(row.id);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="claim-scroller"
      role="listbox"
      aria-label="Claims"
      tabIndex={0}
      aria-activedescendant={active >= first && active <= last && total > 0 ? `claim-option-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      {knownTotal === 0 && <EmptyClaimList />}
      <div className="claim-canvas" style={{ height: v.getTotalSize() }}>
        {items.map((item) => {
          const claim = rowAt(pages, item.index);
          return (
            <div
              key={item.key}
              ref={v.measureElement}
              data-index={item.index}
              id={`claim-option-${item.index}`}
              role="option"
              aria-selected={item.index === active}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className={item.index === active ? 'claim-row active' : 'claim-row'}
              style={{ transform: `translateY(${item.start}px)`, minHeight: ROW_HEIGHT }}
              onClick={() => {
                setActive(item.index);
                if (claim) openClaim(claim.id);
              }}
            >
              {claim ? <ClaimRowContent claim={claim} /> : <span className="muted">Loading…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
