/**
 * The sources as a dense table: title, grade, publisher, date published, address (its host) and how
 * many evidence items cite it. Each column header sorts (again: the other direction); aria-sort says how.
 */
import { useState } from 'react';
import type { Source } from '../../../../core/types';
import { ReliabilityBadge } from '../../components/Grade';
import { SafeText } from '../../components/SafeText';
import { shortUrl } from '../../lib/url';

export type SourceRow = Source & { citations: number };
type Key = 'title' | 'reliability' | 'publisher' | 'publishedAt' | 'url' | 'citations';

const COLUMNS: { key: Key; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'reliability', label: 'Grade' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'publishedAt', label: 'Published' },
  { key: 'url', label: 'Address' },
  { key: 'citations', label: 'Cited' },
];

/** Empty values sort last in both directions; ties keep the title order. */
export function sortSources(rows: readonly SourceRow[], key: Key, dir: 'asc' | 'desc'): SourceRow[] {
  const value = (r: SourceRow): string | number | null => (key === 'citations' ? r.citations : key === 'url' ? (r.url ? shortUrl(r.url) : null) : r[key] || null);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.title.localeCompare(b.title) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { sensitivity: 'base' });
    return c === 0 ? a.title.localeCompare(b.title) : sign * c;
  });
}

export function SourceTable({ rows, selectedId, onOpen }: { rows: readonly SourceRow[]; selectedId: string | null; onOpen(id: string): void }) {
  const [sort, setSort] = useState<{ key: Key; dir: 'asc' | 'desc' } | null>(null);
  const shown = sort ? sortSources(rows, sort.key, sort.dir) : rows;
  const by = (key: Key) => setSort(sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'citations' ? 'desc' : 'asc' });
  return (
    <div className="table-box">
      <table className="table source-table" aria-label="Source list">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <button type="button" className="sort-button" onClick={() => by(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id} className={s.id === selectedId ? 'active' : undefined}>
              <td className="source-title-cell">
                <button type="button" className="link-button" aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => onOpen(s.id)}>
                  <SafeText text={s.title} />
                </button>
              </td>
              <td>
                <ReliabilityBadge reliability={s.reliability} />
              </td>
              <td>{s.publisher ? <SafeText text={s.publisher} /> : <span className="muted">—</span>}</td>
              <td className="nowrap">{s.publishedAt ?? <span className="muted">—</span>}</td>
              <td className="url-cell">{s.url ? <SafeText text={shortUrl(s.url)} className="mono" /> : <span className="muted">—</span>}</td>
              <td className="num">{s.citations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
