/**
 * Anchored quotes (issue 13) through the contract on a real case file: the sample case's quotes in a
 * capture of the sample brief, a changed word, a removed paragraph and its alert, the viewer's selection,
 * excerpt edits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSE_THRESHOLD } from '../../core/documents/anchor';
import { deepseekSample } from '../../core/sample/deepseek';
import type { CaseApi } from '../../db/api';
import { all, sql } from '../../db/sql';
import { tempCase } from '../helpers';

const SEED = '/work/shared/seed';
const brief = readFileSync(join(SEED, readdirSync(SEED).find((f) => f.endsWith('.txt'))!), 'utf8');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A clock that moves one day per call, so captures have distinct dates. */
function clock() {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  return () => new Date((t += 86_400_000)).toISOString();
}

function attach(api: CaseApi, sourceId: string, text: string, fileName = 'brief.txt') {
  return api.invoke('captures.attach', { sourceId, bytes: b64(text), fileName });
}

function allEvidence(api: CaseApi) {
  const claims = api.invoke('claims.list', {}).items;
  return claims.flatMap((c) => api.invoke('claims.get', { id: c.id }).evidence);
}

const firstQuote = deepseekSample.evidence[0]!.excerpt;
const paragraph = brief.split('\n').find((p) => p.includes(firstQuote))!;

describe('anchoring the sample case in captures of the sample brief', () => {
  it('every quote of the sample case anchors exact; without a capture each shows no-capture', () => {
    const { api } = tempCase({ sample: true, now: clock() });
    const before = allEvidence(api).filter((e) => e.excerpt);
    expect(before.length).toBeGreaterThan(10);
    for (const e of before) expect(e.anchor?.status).toBe('no-capture');
    const sources = new Set(before.map((e) => e.sourceId));
    let exact = 0;
    for (const id of sources) {
      const out = attach(api, id, brief);
      expect(out.anchors.close + out.anchors.notFound + out.anchors.lost).toBe(0);
      exact += out.anchors.exact;
    }
    expect(exact).toBe(before.length);
    for (const e of allEvidence(api).filter((x) => x.excerpt)) {
      expect(e.anchor, e.excerpt).toMatchObject({ status: 'exact', score: 1, lostSince: null });
      expect(e.anchor!.selectors!.exact).toBe(e.excerpt);
      expect(brief.slice(e.anchor!.selectors!.start, e.anchor!.selectors!.end)).toBe(e.excerpt);
      expect(e.anchor!.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('a Markdown capture with wrapped, hyphenated lines anchors them exact too', () => {
    const { api } = tempCase({ sample: true, now: clock() });
    const wrapped = brief.replace(/(\S{4})(\S{4,}) /g, (m, a: string, b: string, at: number) => (at % 7 === 0 ? `${a}-\n${b} ` : m));
    expect(wrapped).toContain('-\n');
    const evidence = allEvidence(api).filter((e) => e.excerpt);
    for (const id of new Set(evidence.map((e) => e.sourceId))) attach(api, id, `# Brief\n\n${wrapped}`, 'brief.md');
    for (const e of allEvidence(api).filter((x) => x.excerpt)) expect(e.anchor?.status, e.excerpt).toBe('exact');
  });
});

describe('re-capture', () => {
  function setup() {
    const tc = tempCase({ now: clock() });
    const { api } = tc;
    const source = api.invoke('sources.create', { title: 'The brief' });
    const claim = api.invoke('claims.create', { text: 'DeepSeek-v3 cost USD6mn to train' });
    const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: firstQuote });
    const other = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'refutes', excerpt: 'the USD6mn is widely disputed' });
    const anchorOf = (id: string) => api.invoke('claims.get', { id: claim.id }).evidence.find((e) => e.id === id)!.anchor!;
    const lostEvents = () => all<{ entity_id: string; claim_id: string; payload: string }>(api.db, sql`SELECT entity_id, claim_id, payload FROM events WHERE kind = 'quote.lost'`);
    return { ...tc, source, claim, ev, other, anchorOf, lostEvents };
  }

  it('one changed word: close with its score, the passage as it reads now', () => {
    const { api, source, ev, anchorOf } = setup();
    const out = attach(api, source.id, brief.replace('using Nvidia H800 chips', 'using Nvidia H100 chips'));
    expect(out.anchors).toEqual({ exact: 1, close: 1, notFound: 0, lost: 0 });
    const a = anchorOf(ev.id);
    expect(a.status).toBe('close');
    expect(a.score!).toBeGreaterThanOrEqual(CLOSE_THRESHOLD);
    expect(a.score!).toBeLessThan(1);
    expect(a.selectors!.exact).toContain('H100');
    expect(a.captureId).toBe(out.capture.id);
  });

  it('a removed paragraph: not found after re-capture, "no longer in the source" once, back when it returns', () => {
    const { api, source, claim, ev, other, anchorOf, lostEvents } = setup();
    expect(anchorOf(ev.id).status).toBe('no-capture');
    const first = attach(api, source.id, brief);
    expect(anchorOf(ev.id)).toMatchObject({ status: 'exact', lostSince: null, captureId: first.capture.id });

    const without = brief.replace(paragraph, 'This paragraph was withdrawn by the publisher.');
    const second = attach(api, source.id, without, 'brief-v2.txt');
    expect(second.anchors).toMatchObject({ notFound: 1, lost: 1 });
    const lost = anchorOf(ev.id);
    expect(lost).toMatchObject({ status: 'not-found', selectors: null, captureId: second.capture.id, lostSince: second.capture.capturedAt });
    expect(lostEvents()).toHaveLength(1);
    expect(lostEvents()[0]).toMatchObject({ entity_id: ev.id, claim_id: claim.id });
    expect(JSON.parse(lostEvents()[0]!.payload)).toMatchObject({
      sourceId: source.id,
      captureId: second.capture.id,
      capturedAt: second.capture.capturedAt,
      lastFoundInCaptureId: first.capture.id,
    });
    // The claim's history shows it.
    const history = api.invoke('history.claim', { id: claim.id });
    expect(history.events.filter((e) => e.kind === 'quote.lost').map((e) => e.entityId)).toEqual([ev.id]);
    // The other quote (in another paragraph) is untouched.
    expect(anchorOf(other.id).status).toBe('exact');

    // Another capture still without it: the alert keeps its first date and is not recorded again.
    const third = attach(api, source.id, `${without}\nAn appendix.`, 'brief-v3.txt');
    expect(third.anchors.lost).toBe(0);
    expect(anchorOf(ev.id).lostSince).toBe(second.capture.capturedAt);
    expect(lostEvents()).toHaveLength(1);

    // The paragraph comes back: found again, the alert clears.
    attach(api, source.id, `${brief}\nRestored.`, 'brief-v4.txt');
    expect(anchorOf(ev.id)).toMatchObject({ status: 'exact', lostSince: null });
    expect(api.invoke('history.verify', {}).ok).toBe(true);
  });

  it('a quote never found is not found without an alert', () => {
    const { api, source, claim, anchorOf, lostEvents } = setup();
    attach(api, source.id, brief);
    const never = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'context', excerpt: 'words that the brief never contained at all' });
    expect(anchorOf(never.id)).toMatchObject({ status: 'not-found', lostSince: null });
    attach(api, source.id, `${brief}\nAppendix.`, 'brief-v2.txt');
    expect(anchorOf(never.id)).toMatchObject({ status: 'not-found', lostSince: null });
    expect(lostEvents()).toHaveLength(0);
  });

  it('editing the excerpt re-anchors it; an empty excerpt has no anchor', () => {
    const { api, source, ev, anchorOf } = setup();
    attach(api, source.id, brief);
    api.invoke('evidence.update', { id: ev.id, excerpt: 'DeepSeek still showcases unmatched efficiency' });
    const a = anchorOf(ev.id);
    expect(a.status).toBe('exact');
    expect(a.selectors!.exact).toBe('DeepSeek still showcases unmatched efficiency');
    api.invoke('evidence.update', { id: ev.id, excerpt: '' });
    expect(anchorOf(ev.id)).toBeUndefined();
    expect(all(api.db, sql`SELECT * FROM quote_anchors WHERE evidence_rowid = (SELECT rowid FROM evidence WHERE id = ${ev.id})`)).toHaveLength(0);
  });

  it('removing an anchored item removes its anchor', () => {
    const { api, source, other } = setup();
    attach(api, source.id, brief);
    const anchors = () => all(api.db, sql`SELECT evidence_rowid FROM quote_anchors`).length;
    expect(anchors()).toBe(2);
    api.invoke('evidence.delete', { id: other.id, rationale: 'duplicate' });
    expect(anchors()).toBe(1);
  });
});

describe('evidence from a selection in the viewer', () => {
  it('captures.locate gives selectors and a locator; evidence.create with them anchors the chosen occurrence', () => {
    const { api } = tempCase({ now: clock() });
    const source = api.invoke('sources.create', { title: 'Minutes' });
    const claim = api.invoke('claims.create', { text: 'The figure was contested' });
    const text = 'Monday: the figure was contested.\n\nTuesday: nothing.\n\nFriday: the figure was contested.';
    const cap = attach(api, source.id, text, 'minutes.txt').capture;
    const at = text.lastIndexOf('the figure');
    const { selectors, locator } = api.invoke('captures.locate', { id: cap.id, start: at - 1, end: at + 'the figure was contested'.length });
    expect(selectors).toMatchObject({ exact: 'the figure was contested', start: at, page: 1 });
    expect(selectors.prefix.endsWith('Friday: ')).toBe(true);
    expect(locator).toBe('');
    const ev = api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: selectors.exact, locator, selectors });
    const anchor = api.invoke('claims.get', { id: claim.id }).evidence.find((e) => e.id === ev.id)!.anchor!;
    expect(anchor.status).toBe('exact');
    expect(anchor.selectors!.start).toBe(at);
  });

  it('refuses a selection of white space only, and bad selectors, changing nothing', () => {
    const { api } = tempCase({ now: clock() });
    const source = api.invoke('sources.create', { title: 'Minutes' });
    const cap = attach(api, source.id, 'one\n\n\ntwo', 'm.txt').capture;
    expect(api.call('captures.locate', { id: cap.id, start: 3, end: 6 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const claim = api.invoke('claims.create', { text: 'x' });
    const bad = api.call('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: 'one', selectors: { exact: 'one', start: -1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(api.invoke('claims.get', { id: claim.id }).evidence).toHaveLength(0);
  });
});
