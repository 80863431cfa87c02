/** The checker used by the crash loop must itself catch half-applied writes, or the loop proves nothing. */
import { describe, expect, it } from 'vitest';
import { tempCase } from '../helpers';
import { caseProblems } from './integrity';

describe('caseProblems', () => {
  it('finds nothing wrong in the sample case', () => {
    const c = tempCase({ sample: true });
    expect(caseProblems(c.handle.db)).toEqual([]);
    c.close();
  });

  it('names a claim whose counter or probability was written without its evidence change', () => {
    const c = tempCase({ sample: true });
    const db = c.handle.db;
    const claim = db.prepare('SELECT rowid, id FROM claims WHERE evidence_count > 0 LIMIT 1').get() as { rowid: number; id: string };
    db.prepare('UPDATE claims SET evidence_count = evidence_count + 1, computed_p = 0.123 WHERE rowid = ?').run(claim.rowid);
    const problems = caseProblems(db).join('\n');
    expect(problems).toContain(`claim ${claim.id}: evidence_count`);
    expect(problems).toContain(`claim ${claim.id}: stored p`);
    c.close();
  });

  it('names an evidence row that has no evidence.added event', () => {
    const c = tempCase({ sample: true });
    const db = c.handle.db;
    db.prepare(
      `INSERT INTO evidence (id, claim_rowid, source_rowid, stance, created_at, updated_at)
       SELECT 'orphan-evidence', c.rowid, s.rowid, 'context', 'x', 'x' FROM claims c, sources s LIMIT 1`,
    ).run();
    expect(caseProblems(db).join('\n')).toContain('evidence orphan-evidence has no evidence.added event');
    c.close();
  });

  it('notices an FTS index out of step with its table', () => {
    const c = tempCase({ sample: true });
    const db = c.handle.db;
    db.prepare("INSERT INTO claims_fts (claims_fts, rowid, text, claimant, notes, context) SELECT 'delete', rowid, text, claimant, notes, context FROM claims LIMIT 1").run();
    expect(caseProblems(db).join('\n')).toMatch(/claims_fts integrity-check/);
    c.close();
  });
});
