/**
 * One definition each (issue 14.5): claim sort orders (core/claim-sorts.ts), search result groups
 * (SEARCH_KINDS in core/types.ts) and claim warnings (core/claim-warnings.ts). Every place that
 * shows or accepts them must hold exactly what core defines — the renderer's menus, the contract's
 * schemas, the SQL behind them, the CLI and the briefing.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index';
import { CLAIM_SORT_LABELS, CLAIM_SORTS } from '../../core/claim-sorts';
import { analystWarnings, CLAIM_WARNINGS, claimWarningsOf, readerWarnings } from '../../core/claim-warnings';
import { contract } from '../../core/api';
import { parseQuery } from '../../core/search/parse';
import { SEARCH_KIND_LABELS, SEARCH_KINDS } from '../../core/types';
import { SEARCH_GROUPS, SORT_OPTIONS } from '../../renderer/src/lib/menus';
import { tempCase } from '../helpers';

describe('claim sort orders', () => {
  it('the renderer\'s "Sort by" menu offers exactly core\'s orders, each with its label', () => {
    expect(SORT_OPTIONS.map((o) => o.value)).toEqual([...CLAIM_SORTS]);
    expect(SORT_OPTIONS.map((o) => o.label)).toEqual(CLAIM_SORTS.map((s) => CLAIM_SORT_LABELS[s]));
    expect(new Set(SORT_OPTIONS.map((o) => o.label)).size).toBe(CLAIM_SORTS.length);
  });
  it('claims.list accepts each of them and nothing else', () => {
    const schema = contract['claims.list'].input;
    for (const sort of CLAIM_SORTS) expect(schema.safeParse({ sort }).success).toBe(true);
    expect(schema.safeParse({ sort: 'rowid' }).success).toBe(false);
  });
  it('each sorts a real case (db/repos/claims.ts has a column for every one)', () => {
    const { api } = tempCase();
    for (const text of ['b claim', 'a claim', 'c claim']) api.invoke('claims.create', { text });
    for (const sort of CLAIM_SORTS) {
      const up = api.invoke('claims.list', { sort, direction: 'asc' }).items.map((c) => c.id);
      expect(up, sort).toHaveLength(3);
    }
    expect(api.invoke('claims.list', { sort: 'text', direction: 'asc' }).items.map((c) => c.text)).toEqual(['a claim', 'b claim', 'c claim']);
  });
  it('the CLI names every order in `claim list --sort`', () => {
    const usage = commands.find((c) => c.name === 'claim list')!.usage;
    expect(usage).toContain(`--sort ${CLAIM_SORTS.join('|')}`);
  });
});

describe('search result groups', () => {
  it('the renderer shows exactly core\'s groups, in core\'s order, each with its label', () => {
    expect(SEARCH_GROUPS.map((g) => g.kind)).toEqual([...SEARCH_KINDS]);
    expect(SEARCH_GROUPS.map((g) => g.label)).toEqual(SEARCH_KINDS.map((k) => SEARCH_KIND_LABELS[k]));
  });
  it('search.query answers one group per kind and takes each as a filter', () => {
    const { api } = tempCase();
    const r = api.invoke('search.query', { q: 'anything' });
    expect(Object.keys(r.groups).sort()).toEqual([...SEARCH_KINDS].sort());
    for (const kind of SEARCH_KINDS) expect(contract['search.query'].input.safeParse({ q: 'x', kinds: [kind] }).success).toBe(true);
    expect(contract['search.query'].input.safeParse({ q: 'x', kinds: ['links'] }).success).toBe(false);
  });
  it('the query language names the same groups (in:…)', () => {
    for (const kind of SEARCH_KINDS) expect(parseQuery(`in:${kind} x`).filters).toContainEqual({ kind: 'in', values: [kind] });
  });
});

describe('claim warnings', () => {
  function singleOriginClaim() {
    const { api } = tempCase();
    const claim = api.invoke('claims.create', { text: 'Trained only on H800 chips.' });
    const a = api.invoke('sources.create', { title: 'Company statement', reliability: 'C' });
    const relay = api.invoke('sources.create', { title: 'Newswire relaying the statement', reliability: 'B', derivedFromId: a.id });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: a.id, stance: 'supports', credibility: 3 });
    api.invoke('evidence.create', { claimId: claim.id, sourceId: relay.id, stance: 'supports', credibility: 2 });
    return { api, claim };
  }

  it('the claim page and the briefing both take them from core, in core\'s order', () => {
    const { api, claim } = singleOriginClaim();
    const d = api.invoke('claims.get', { id: claim.id });
    const facts = { claim: d.claim, model: d.model };
    const kinds = claimWarningsOf(facts);
    expect(kinds).toEqual(['single-origin', 'circular-reporting']);
    expect(kinds).toEqual(CLAIM_WARNINGS.filter((w) => kinds.includes(w)));
    // The claim page: the analyst's wording, naming the origin.
    expect(d.warnings).toEqual(analystWarnings({ ...facts, sourceTitles: new Map([[d.model.items[0]!.originId, 'Company statement']]) }));
    expect(d.warnings[0]).toBe('Single origin: all supporting evidence traces to one source (Company statement).');
    // The briefing: the reader's wording of the same warnings.
    const { briefing } = api.invoke('briefings.compose', { selection: { claimIds: [claim.id] } });
    expect(briefing.judgments[0]!.warnings).toEqual(readerWarnings(facts));
    expect(briefing.judgments[0]!.warnings).toHaveLength(kinds.length);
  });

  it('the briefing checks the status against the evidence, as the claim page does (not against an override)', () => {
    const { api } = tempCase();
    const claim = api.invoke('claims.create', { text: 'Exports rose in May.' });
    for (const title of ['Customs records', 'Port authority', 'Trade ministry']) {
      const s = api.invoke('sources.create', { title, reliability: 'A' });
      api.invoke('evidence.create', { claimId: claim.id, sourceId: s.id, stance: 'supports', credibility: 1 });
    }
    api.invoke('claims.setStatus', { id: claim.id, status: 'supported', rationale: 'Three independent records.' });
    api.invoke('claims.override', { id: claim.id, probability: 0.3, rationale: 'Held back pending the revision.' });
    const d = api.invoke('claims.get', { id: claim.id });
    expect(claimWarningsOf({ claim: d.claim, model: d.model })).toEqual(['override-diverges']);
    const { briefing } = api.invoke('briefings.compose', { selection: { claimIds: [claim.id] } });
    // The evidence supports the claim: its status contradicts nothing, whatever the override says.
    expect(briefing.judgments[0]!.warnings).toEqual([]);
  });

  it('a not-checkable claim carries only its kind (and a diverging override)', () => {
    const { api } = tempCase();
    const c = api.invoke('claims.create', { text: 'The policy is wise.', kind: 'not-checkable', kindRationale: 'a value judgment' });
    const d = api.invoke('claims.get', { id: c.id });
    expect(claimWarningsOf({ claim: d.claim, model: d.model })).toEqual(['not-checkable']);
    expect(d.warnings).toEqual(['Not checkable: a value judgment. It carries no probability and is kept out of calibration.']);
  });
});
