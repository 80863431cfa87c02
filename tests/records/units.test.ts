/**
 * Issue 14.4: a method declared as a mutation runs in one unit of work opened by the contract layer
 * (db/api.ts), not by hand in each handler. Only a method declared `withOwnUnits` (captures.fetch,
 * which waits on the network first) opens its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/api';
import { tempCase } from '../helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('units of work', () => {
  it('no handler opens its own transaction, but the ones that declare it', () => {
    const dir = join(root, 'db/service');
    const opening = readdirSync(dir).filter((f) => f !== 'context.ts' && /\btransactional\(|\.transaction\(/.test(readFileSync(join(dir, f), 'utf8')));
    // captures.ts: storeCapture's savepoint, shared with captures.fetch's own unit.
    expect(opening.sort()).toEqual(['capture-url.ts', 'captures.ts']);
    const own = Object.entries(contract).filter(([, d]) => 'ownUnits' in d && d.ownUnits).map(([m]) => m);
    // team.sync opens none here either: its task worker syncs the file on a connection of its own.
    expect(own.sort()).toEqual(['captures.fetch', 'team.sync']);
  });

  it('a mutation that fails part-way leaves no row and no event', () => {
    const t = tempCase();
    const before = t.api.invoke('history.verify', { state: false }).events;
    // The claim is written, then its first evidence names a source that does not exist: all of it rolls back.
    const r = t.api.call('claims.create', { text: 'A claim that must not stay', firstEvidence: { sourceId: 'no-such-source', stance: 'supports', excerpt: 'q' } });
    expect(r.ok).toBe(false);
    expect(t.api.invoke('claims.list', {}).items).toHaveLength(0);
    expect(t.api.invoke('history.verify', {})).toMatchObject({ ok: true, events: before, state: { ok: true } });
    t.close();
  });
});
