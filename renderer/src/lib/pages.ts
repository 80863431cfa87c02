/** Page bookkeeping for the virtualized claim list: which pages a visible range still needs. */

export const PAGE_SIZE = 200;

export function pageOf(index: number, pageSize = PAGE_SIZE): number {
  return Math.floor(index / pageSize);
}

/** Pages covering [start, end] (inclusive indexes, clamped to total) that are neither loaded nor loading. */
export function missingPages(
  start: number,
  end: number,
  total: number,
  have: (page: number) => boolean,
  pageSize = PAGE_SIZE,
): number[] {
  if (total <= 0 || end < start) return [];
  const first = pageOf(Math.max(0, start), pageSize);
  const last = pageOf(Math.min(end, total - 1), pageSize);
  const out: number[] = [];
  for (let p = first; p <= last; p++) if (!have(p)) out.push(p);
  return out;
}

/** The row at an absolute index, or undefined while its page is not loaded. */
export function rowAt<T>(pages: Readonly<Record<number, readonly T[]>>, index: number, pageSize = PAGE_SIZE): T | undefined {
  return pages[pageOf(index, pageSize)]?.[index % pageSize];
}
