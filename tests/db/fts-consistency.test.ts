import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseApi } from '../../db/api';
import { FTS_TABLES } from '../../db/migrations/001-initial';
import { TRIGRAM_TABLES } from '../../db/migrations/004-search-forgives';
import { stress, tempCase } from '../helpers';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

type Op =
  | { op: 'claim'; text: string }
  | { op: 'edit'; i: number; text: string }
  | { op: 'delete'; i: number }
  | { op: 'restore'; i: number }
  | { op: 'source'; title: string }
  | { op: 'retitle'; i: number; title: string }
  | { op: 'evidence'; c: number; s: number; excerpt: string }
  | { op: 'reword'; i: number; excerpt: string }
  | { op: 'unlink'; i: number }
  | { op: 'dispute'; c: number; position: string }
  | { op: 'resolve'; i: number; resolution: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('claim' as const), text: sentence }),
  fc.record({ op: fc.constant('edit' as const), i: fc.nat(), text: sentence }),
  fc.record({ op: fc.constant('delete' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('source' as const), title: sentence }),
  fc.record({ op: fc.constant('retitle' as const), i: fc.nat(), title: sentence }),
  fc.record({ op: fc.constant('evidence' as const), c: fc.nat(), s: fc.nat(), excerpt: sentence }),
  fc.record({ op: fc.constant('reword' as const), i: fc.nat(), excerpt: sentence }),
  fc.record({ op: fc.constant('unlink' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('dispute' as const), c: fc.nat(), position: sentence }),
  fc.record({ op: fc.constant('resolve' as const), i: fc.nat(), resolution: sentence }),
);

function apply(api: CaseApi, st: { claims: string[]; sources: string[]; evidence: string[]; disputes: string[] }, o: Op) {
  const pick = (xs: string[], i: number) => (xs.length ? xs[i % xs.length]! : null);
  switch (o.op) {
    case 'claim':
      st.claims.push(api.invoke('claims.create', { text: o.text }).id);
      return;
    case 'source':
      st.sources.push(api.invoke('sources.create', { title: o.title }).id);
      return;
    case 'dispute': {
      const c = pick(st.claims, o.c);
      if (!c) return;
      const r = api.call('disputes.open', { claimId: c, raisedBy: 'x', position: o.position });
      if (r.ok) st.disputes.push((r.value as { id: string }).id);
      return;
    }
    case 'evidence': {
      const c = pick(st.claims, o.c);
      const s = pick(st.sources, o.s);
      if (!c || !s) return;
      const r = api.call('evidence.create', { claimId: c, sourceId: s, stance: 'supports', excerpt: o.excerpt });
      if (r.ok) st.evidence.push((r.value as { id: string }).id);
      return;
    }
    case 'unlink': {
      const e = pick(st.evidence, o.i);
      if (!e) return;
      api.invoke('evidence.delete', { id: e });
      st.evidence.splice(st.evidence.indexOf(e), 1);
      return;
    }
    default: {
      const [method, input] = {
        edit: () => ['claims.update', { id: pick(st.claims, (o as { i: number }).i), text: (o as { text: string }).text }],
        delete: () => ['claims.delete', { id: pick(st.claims, (o as { i: number }).i) }],
        restore: () => ['claims.restore', { id: pick(st.claims, (o as { i: number }).i) }],
        retitle: () => ['sources.update', { id: pick(st.sources, (o as { i: number }).i), title: (o as { title: string }).title }],
        reword: () => ['evidence.update', { id: pick(st.evidence, (o as { i: number }).i), excerpt: (o as { excerpt: string }).excerpt }],
        resolve: () => ['disputes.resolve', { id: pick(st.disputes, (o as { i: number }).i), resolution: (o as { resolution: string }).resolution }],
      }[o.op]!() as [string, { id: string | null }];
      if (input.id) api.call(method, input); // refusals (e.g. editing a trashed claim) are part of the sequence
    }
  }
}

describe('FTS indexes stay consistent with their tables', () => {
  it('after random create/update/delete sequences (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const c = tempCase();
        const st = { claims: [] as string[], sources: [] as string[], evidence: [] as string[], disputes: [] as string[] };
        for (const o of ops) apply(c.api, st, o);
        const db = c.handle.db;
        for (const t of [...FTS_TABLES, ...TRIGRAM_TABLES]) db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
        // The index answers exactly what the live rows contain (oracle: plain word containment).
        for (const w of WORDS) {
          const found = new Set(c.api.invoke('search.query', { q: w, limit: 500, kinds: ['claims'] }).groups.claims.map((h) => h.id));
          const expected = new Set(
            (db.prepare('SELECT id, text FROM claims WHERE deleted_at IS NULL').all() as { id: string; text: string }[])
              .filter((r) => r.text.split(' ').includes(w))
              .map((r) => r.id),
          );
          expect(found).toEqual(expected);
        }
        expect(c.api.invoke('history.verify', {}).ok).toBe(true);
        c.close();
      }),
      { numRuns: stress(60, 10_000) },
    );
  });
});
