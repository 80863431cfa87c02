/** A briefing of 200 claims with 1,000 evidence items to Markdown + HTML, against reading that data. */
import { composeBriefing, toHtml, toMarkdown } from '../../core/briefing/index';
import { createApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { readBriefingData } from '../../db/service/briefing-data';
import type { DB } from '../../db/sql';
import { type BenchContext, runs } from '../lib/context';
import { interleave, MemoryWatch } from '../lib/measure';
import { makeRow, type RowResult } from '../lib/result';

/** 200 consecutive live claims; the generator pairs evidence counts to 10, so they hold 1,000 items. */
function pickClaims(db: DB, want: number): { ids: string[]; evidence: number } {
  const total = (db.prepare('SELECT max(rowid) AS n FROM claims').get() as { n: number }).n;
  const pick = db.prepare('SELECT id, evidence_count AS e FROM claims WHERE rowid BETWEEN ? AND ? AND deleted_at IS NULL');
  let best: { id: string; e: number }[] = [];
  for (let start = 1; start + want - 1 <= total; start += want) {
    const rows = pick.all(start, start + want - 1) as { id: string; e: number }[];
    if (rows.length === want) return { ids: rows.map((r) => r.id), evidence: rows.reduce((s, r) => s + r.e, 0) };
    if (rows.length > best.length) best = rows;
  }
  return { ids: best.map((r) => r.id), evidence: best.reduce((s, r) => s + r.e, 0) };
}

export function briefingRows(ctx: BenchContext): RowResult[] {
  const h = openCase(ctx.scaleCase.path, { readonly: true });
  try {
    const api = createApi(h.db);
    const { ids, evidence } = pickClaims(h.db, Math.min(200, Math.floor(ctx.counts.claims / 2)));
    const selection = { claimIds: ids };
    const now = () => '2025-01-27T12:00:00.000Z';
    const mem = new MemoryWatch();
    let size = 0;
    const t = interleave(
      () => {
        const b = composeBriefing(readBriefingData(api, selection, { now }), { title: 'Bench briefing' });
        size = toMarkdown(b).length + toHtml(b).length;
      },
      () => readBriefingData(api, selection, { now }),
      { warmup: 2, runs: runs(ctx, 15), mem },
    );
    return [
      makeRow({
        name: 'briefing to Markdown + HTML',
        scale: `${ids.length} claims, ${evidence} evidence`,
        app: t.app,
        baseline: { name: 'readBriefingData alone (the time to read that data)', samples: t.base },
        target: { kind: 'ratio', max: 3 },
        memory: mem.result(),
        note: `read + composeBriefing + toMarkdown + toHtml; ${(size / 1e3).toFixed(0)} kB out`,
      }),
    ];
  } finally {
    closeCase(h);
  }
}
