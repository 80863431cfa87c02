/** ACH boards, key assumptions and indicators through the API: real SQLite, every change an event. */
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../core/briefing/base64';
import { unzip } from '../core/briefing/fixtures';
import { tempCase } from '../helpers';

function setup() {
  let tick = 0;
  const t = tempCase({ now: () => new Date(Date.UTC(2025, 1, 1, 10, 0, tick++)).toISOString() });
  const { api } = t;
  const h1 = api.invoke('claims.create', { text: 'Only H800 chips were used.' });
  const h2 = api.invoke('claims.create', { text: 'Pre-sanction or smuggled chips were used too.' });
  const a = api.invoke('sources.create', { title: 'Technical report', reliability: 'A' });
  const c = api.invoke('sources.create', { title: 'Analyst note', reliability: 'C' });
  const e1 = api.invoke('evidence.create', { claimId: h1.id, sourceId: a.id, stance: 'supports', credibility: 2, excerpt: '2,048 H800 GPUs' });
  const e2 = api.invoke('evidence.create', { claimId: h2.id, sourceId: c.id, stance: 'supports', credibility: 3, excerpt: 'about 50,000 Hopper GPUs' });
  const loose = api.invoke('claims.create', { text: 'Export controls took effect in October 2022.' });
  const e3 = api.invoke('evidence.create', { claimId: loose.id, sourceId: a.id, stance: 'context', credibility: 1, excerpt: 'rules of 7 October 2022' });
  return { ...t, h1, h2, e1, e2, e3, loose };
}

const kinds = (api: ReturnType<typeof setup>['api']) => api.invoke('history.recent', { limit: 100 }).map((e) => e.kind);

describe('ACH boards', () => {
  it('creates a board from two claims with their evidence, rates cells per analyst and scores them', () => {
    const { api, h1, h2, e1, e2, e3 } = setup();
    const board = api.invoke('ach.create', { title: 'Chips', claimIds: [h1.id, h2.id] });
    expect(board.hypotheses.map((h) => [h.label, h.claimId])).toEqual([['H1', h1.id], ['H2', h2.id]]);
    expect(board.rows.map((r) => [r.label, r.evidenceId, r.grade, r.added])).toEqual([['E1', e1.id, 'A2', 'hypothesis'], ['E2', e2.id, 'C3', 'hypothesis']]);
    expect(board.scores.leader).toBeNull();

    const withRow = api.invoke('ach.add', { id: board.id, evidenceId: e3.id });
    expect(withRow.rows.at(-1)).toMatchObject({ evidenceId: e3.id, added: 'hand', label: 'E3' });

    api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h1.id, rating: 'C' });
    api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h2.id, rating: 'I' });
    api.invoke('ach.rate', { id: board.id, evidenceId: e2.id, claimId: h1.id, rating: 'II' });
    const rated = api.invoke('ach.rate', { id: board.id, evidenceId: e2.id, claimId: h2.id, rating: 'C' });
    // H1 = 0.6·0.6·(−2) = −0.72; H2 = 1·0.8·(−1) = −0.8 → H1 leads; without E1, H2 (0) would: E1 is critical.
    expect(rated.scores.hypotheses.map((h) => h.score)).toEqual([-0.72, -0.8]);
    expect(rated.scores.leader).toBe(h1.id);
    expect(rated.scores.critical).toEqual([e1.id]);
    expect(rated.reading).toMatch(/^H1 is the least contradicted/);

    // A second analyst disagrees on one cell; the cell averages both.
    const two = api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h2.id, rating: 'C', analyst: 'B. Analyst' });
    const cell = two.scores.cells.find((x) => x.rowId === e1.id && x.hypothesisId === h2.id)!;
    expect(cell).toMatchObject({ disagreement: true, inconsistency: -0.5 });
    expect(two.ratings.filter((r) => r.evidenceId === e1.id && r.claimId === h2.id).map((r) => [r.analyst, r.rating])).toEqual([['tester', 'I'], ['B. Analyst', 'C']]);

    // Re-rating changes the row in place; clearing removes it; each is an event with before and after.
    api.invoke('ach.rate', { id: board.id, evidenceId: e2.id, claimId: h1.id, rating: 'I' });
    const cleared = api.invoke('ach.rate', { id: board.id, evidenceId: e2.id, claimId: h1.id, rating: null });
    expect(cleared.ratings.some((r) => r.evidenceId === e2.id && r.claimId === h1.id)).toBe(false);
    const rates = api.invoke('history.recent', { limit: 100 }).filter((e) => e.kind === 'ach.rated');
    expect(rates).toHaveLength(7);
    expect(rates[0]!.payload).toMatchObject({ before: { rating: 'I' }, after: { rating: null } });
    expect(kinds(api)).toContain('ach.created');
    expect(kinds(api)).toContain('ach.evidence-added');
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    expect(api.invoke('ach.list', {})).toMatchObject([{ id: board.id, hypotheses: 2, rows: 3 }]);
  });

  it('refuses bad input with the field named, and writes nothing', () => {
    const { api, h1, h2, e1, e3 } = setup();
    expect(() => api.invoke('ach.create', { title: 'One', claimIds: [h1.id] })).toThrow(/claimIds: must name at least two/);
    expect(() => api.invoke('ach.create', { title: 'Same', claimIds: [h1.id, h1.id] })).toThrow(/claimIds: name each/);
    const board = api.invoke('ach.create', { title: 'Chips', claimIds: [h1.id, h2.id] });
    const before = api.invoke('history.recent', { limit: 100 }).length;
    expect(() => api.invoke('ach.rate', { id: board.id, evidenceId: e3.id, claimId: h1.id, rating: 'C' })).toThrow(/evidenceId: .* not a row/);
    expect(() => api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h1.id, rating: 'X' as never })).toThrow(/rating: must be a rating/);
    expect(() => api.invoke('ach.add', { id: board.id, claimId: h1.id })).toThrow(/already a hypothesis/);
    expect(() => api.invoke('ach.add', { id: board.id, evidenceId: e1.id })).toThrow(/already a row/);
    expect(api.invoke('history.recent', { limit: 100 })).toHaveLength(before);
  });

  it('adding a hypothesis pulls its evidence; deleting an evidence item takes its row and ratings off the board', () => {
    const { api, h1, h2, e1, e3, loose } = setup();
    const board = api.invoke('ach.create', { title: 'Chips', claimIds: [h1.id, h2.id] });
    api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h1.id, rating: 'CC' });
    const three = api.invoke('ach.add', { id: board.id, claimId: loose.id });
    expect(three.hypotheses.at(-1)).toMatchObject({ label: 'H3', claimId: loose.id });
    expect(three.rows.map((r) => r.evidenceId)).toContain(e3.id);
    api.invoke('evidence.delete', { id: e1.id });
    const after = api.invoke('ach.get', { id: board.id });
    expect(after.rows.map((r) => r.evidenceId)).not.toContain(e1.id);
    expect(after.ratings).toEqual([]);
  });
});

describe('key assumptions', () => {
  it('failing an assumption flags every dependent claim for review and marks its briefings stale', () => {
    const { api, h1, h2, loose } = setup();
    const a = api.invoke('assumptions.add', { text: 'The reported GPU count is complete.', owner: 'R. Analyst', likelihood: 'medium', impact: 'high', claimIds: [h1.id, h2.id] });
    expect(a).toMatchObject({ state: 'held', likelihood: 'medium', impact: 'high', claims: [{ id: h1.id }, { id: h2.id }] });
    expect(api.invoke('assumptions.list', { claimId: loose.id })).toEqual([]);
    const saved = api.invoke('briefings.save', { selection: { claimIds: [h1.id] } });
    const other = api.invoke('briefings.save', { selection: { claimIds: [loose.id] } });
    expect(api.invoke('briefings.list', {}).every((v) => !v.stale)).toBe(true);
    expect(api.invoke('claims.get', { id: h1.id }).warnings.some((w) => w.startsWith('Review:'))).toBe(false);

    const failed = api.invoke('assumptions.fail', { id: a.id, why: 'A later filing names a second cluster.' });
    expect(failed).toMatchObject({ state: 'failed', failedWhy: 'A later filing names a second cluster.' });
    for (const c of [h1, h2])
      expect(api.invoke('claims.get', { id: c.id }).warnings).toContainEqual(expect.stringMatching(/^Review: the assumption “The reported GPU count is complete\.” .* failed on 2025-02-01 \(A later filing names a second cluster\.\)/));
    expect(api.invoke('claims.get', { id: loose.id }).warnings.some((w) => w.startsWith('Review:'))).toBe(false);
    const versions = api.invoke('briefings.list', {});
    expect(versions.find((v) => v.id === saved.id)!.stale).toEqual([expect.stringMatching(/failed on 2025-02-01, after this briefing was saved/)]);
    expect(versions.find((v) => v.id === other.id)!.stale).toBeUndefined();
    expect(api.invoke('history.claim', { id: h2.id }).events.map((e) => e.kind)).toContain('claim.review-flagged');
    // Briefings composed from now on carry the flag in the reader's wording.
    const judgment = api.invoke('briefings.compose', { selection: { claimIds: [h1.id] } }).briefing.judgments[0]!;
    expect(judgment.warnings).toContain('Under review: an assumption it rests on failed (“The reported GPU count is complete.”, 2025-02-01).');
    expect(() => api.invoke('assumptions.fail', { id: a.id, why: 'again' })).toThrow(/already failed/);
    expect(() => api.invoke('assumptions.add', { text: 'x', likelihood: 'sure' as never, impact: 'high', claimIds: [h1.id] })).toThrow(/likelihood: must be/);
  });
});

describe('indicators', () => {
  it('adds an indicator of a claim and observes it with a date, each an event', () => {
    const { api, h2 } = setup();
    const i = api.invoke('indicators.add', { text: 'Customs seizure of A100s bound for Hangzhou', claimId: h2.id, direction: 'supports' });
    expect(i).toMatchObject({ state: 'not-observed', observedOn: null, claimId: h2.id, direction: 'supports' });
    const seen = api.invoke('indicators.observe', { id: i.id, on: '2025-03-04', note: 'Reuters, 4 March' });
    expect(seen).toMatchObject({ state: 'observed', observedOn: '2025-03-04', note: 'Reuters, 4 March' });
    const today = api.invoke('indicators.observe', { id: i.id, state: 'contradicted' });
    expect(today).toMatchObject({ state: 'contradicted', observedOn: '2025-02-01', note: 'Reuters, 4 March' });
    expect(api.invoke('indicators.list', { claimId: h2.id })).toHaveLength(1);
    expect(api.invoke('history.claim', { id: h2.id }).events.map((e) => e.kind)).toEqual(expect.arrayContaining(['indicator.added', 'indicator.observed']));
    expect(() => api.invoke('indicators.observe', { id: i.id, state: 'seen' as never })).toThrow(/state: must be one of/);
  });
});

describe('ACH boards in briefings', () => {
  it('a selected board is a table with its reading in every format, and a saved version re-renders it', () => {
    const { api, h1, h2, e1, e2 } = setup();
    const board = api.invoke('ach.create', { title: 'Chips <script>alert(1)</script> | pipe', question: 'Which chips?', claimIds: [h1.id, h2.id] });
    api.invoke('ach.rate', { id: board.id, evidenceId: e1.id, claimId: h1.id, rating: 'C' });
    api.invoke('ach.rate', { id: board.id, evidenceId: e2.id, claimId: h1.id, rating: 'II' });
    const selection = { claimIds: [h1.id], boardIds: [board.id] };
    const composed = api.invoke('briefings.compose', { selection });
    expect(composed.blocks.find((b) => b.kind === 'table')).toMatchObject({
      header: ['Evidence', 'Grade', 'Weight', 'Diagnosticity', 'H1', 'H2'],
      rows: [expect.arrayContaining(['A2', '0.80', 'C', '—']), expect.arrayContaining(['C3', '0.36', 'II', '—'])],
      footer: ['Weighted inconsistency', '', '', '', '-0.72', '0.00'],
    });
    expect(composed.markdown).toContain('## Competing hypotheses');
    expect(composed.markdown).toContain('| Evidence | Grade | Weight | Diagnosticity | H1 | H2 |');
    expect(composed.markdown).toContain('\\| pipe');
    expect(composed.markdown).toMatch(/\*\*Reading:\*\* H2 is the least contradicted/);
    const html = api.invoke('briefings.render', { selection, format: 'html' }).content;
    expect(html).toContain('<table class="matrix">');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const docx = unzip(fromBase64(api.invoke('briefings.render', { selection, format: 'docx' }).content)).get('word/document.xml')!;
    expect(new TextDecoder().decode(docx)).toMatch(/<w:tbl>.*Weighted inconsistency.*<\/w:tbl>/);
    const saved = api.invoke('briefings.save', { selection });
    expect(api.invoke('briefings.get', { id: saved.id }).markdown).toBe(saved.markdown);
    // Without a board the selection key is what it always was.
    expect(api.invoke('briefings.compose', { selection: { claimIds: [h1.id] } }).briefing.selectionKey).not.toContain('boards');
  });

  it('the sample case has one board on the chips question, from the brief’s evidence', () => {
    const { api } = tempCase({ sample: true });
    const [summary] = api.invoke('ach.list', {});
    const board = api.invoke('ach.get', { id: summary!.id });
    expect(board.hypotheses.map((h) => h.text)).toEqual([
      'DeepSeek trained its latest models only on less powerful, sanctions-compliant Nvidia H800 and H20 chips.',
      'DeepSeek trained on chips acquired before sanctions took effect or in violation of them.',
    ]);
    expect(board.rows).toHaveLength(7);
    expect(new Set(board.rows.map((r) => r.claimId))).toEqual(new Set([board.hypotheses[0]!.claimId]));
    expect(board.scores.leader).toBe(board.hypotheses[1]!.claimId);
    expect(board.scores.hypotheses.map((h) => h.score)).toEqual([-0.41, 0]);
    expect(board.scores.rows.filter((r) => r.low)).toHaveLength(3);
  });
});
