/** The team chain, checked on the client: every row's hash recomputed as the server's trigger computes it. */
import { createHash } from 'node:crypto';

export const TEAM_GENESIS = '0'.repeat(64);

export interface TeamEventRow {
  case_id: string;
  seq: string | number;
  id: string;
  author: string;
  at: string;
  kind: string;
  body: string;
  prev_hash: string;
  hash: string;
}

export const teamEventHash = (r: Omit<TeamEventRow, 'hash' | 'id'>): string =>
  createHash('sha256').update([r.prev_hash, r.case_id, String(r.seq), r.author, r.at, r.kind, r.body].join('\n'), 'utf8').digest('hex');

/** The first break in a case's rows (in seq order, from `after`), or null when the chain holds. */
export function verifyTeamChain(rows: readonly TeamEventRow[], after: { seq: number; hash: string } = { seq: 0, hash: TEAM_GENESIS }): string | null {
  let prev = after.hash;
  let seq = after.seq;
  for (const r of rows) {
    if (Number(r.seq) !== seq + 1) return `team event ${r.seq} follows ${seq}: a gap in the team log`;
    if (r.prev_hash !== prev) return `team event ${r.seq} does not link to the event before it`;
    if (teamEventHash(r) !== r.hash) return `team event ${r.seq} (${r.id}) does not match its hash: the server row was changed`;
    prev = r.hash;
    seq++;
  }
  return null;
}
