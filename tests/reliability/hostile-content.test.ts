/**
 * Hostile content (DESIGN §11): fields at and over their limits, 10 MB values, NUL bytes and
 * invalid UTF-16 refused with a clear message and nothing written; right-to-left overrides stored
 * exactly and shown neutralized by the CLI; CSV export cells never start a formula.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { FORMULA_TRIGGERS, readDelimited, unneutralize } from '../../core/transfer/csv';
import { createApi, type CaseApi } from '../../db/api';
import { closeCase, openCase } from '../../db/open';
import { tempCase, tempDir } from '../helpers';
import { HUGE, NEAR_MAX } from './hostile';
import { rowCounts } from './integrity';

beforeAll(() => {
  process.env.CLAIMTRAIL_HOME = tempDir();
});

/** Calls a method that must be refused, and returns its message after checking nothing was written. */
function refused(api: CaseApi, method: string, input: unknown): string {
  const before = rowCounts(api.db);
  const r = api.call(method, input);
  expect(r.ok, `${method} accepted hostile input`).toBe(false);
  expect(rowCounts(api.db)).toEqual(before);
  return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
}

/** Text fields of the creating methods, with their limits (core/contract/*.ts). */
function fieldCases(ids: { claimId: string; sourceId: string }) {
  const claim = { text: 'A claim' };
  const source = { title: 'A source' };
  const evidence = { claimId: ids.claimId, sourceId: ids.sourceId, stance: 'supports' };
  const dispute = { claimId: ids.claimId, raisedBy: 'critic', position: 'wrong' };
  return [
    ['claims.create', claim, 'text', 20_000],
    ['claims.create', claim, 'notes', 100_000],
    ['claims.create', claim, 'claimant', 500],
    ['claims.create', claim, 'context', 2_000],
    ['sources.create', source, 'title', 2_000],
    ['sources.create', source, 'notes', 100_000],
    ['sources.create', source, 'publisher', 500],
    ['evidence.create', evidence, 'excerpt', 50_000],
    ['evidence.create', evidence, 'note', 20_000],
    ['disputes.open', dispute, 'position', 20_000],
    ['disputes.open', dispute, 'raisedBy', 500],
  ] as const;
}

function setup() {
  const c = tempCase({ sample: true });
  const claimId = c.api.invoke('claims.list', { limit: 1 }).items[0]!.id;
  const sourceId = c.api.invoke('sources.list', { limit: 1 }).items[0]!.id;
  return { c, ids: { claimId, sourceId } };
}

describe('size limits', () => {
  it('a field at its limit is stored exactly; one character more, or 10 MB, is refused naming the field and the limit', () => {
    const { c, ids } = setup();
    for (const [method, base, field, max] of fieldCases(ids)) {
      const atMax = NEAR_MAX(max);
      const r = c.api.call(method, { ...base, [field]: atMax });
      expect(r.ok, `${method} ${field} at ${max}`).toBe(true);
      expect((r as { value: Record<string, unknown> }).value[field]).toBe(atMax);
      for (const over of [NEAR_MAX(max + 1), HUGE]) {
        const msg = refused(c.api, method, { ...base, [field]: over });
        expect(msg).toContain(`invalid: Invalid input to ${method} — ${field}: must be at most ${max} characters`);
      }
    }
    c.close();
  });

  it('claims.notes at 100,000 characters is found by search and survives reopening', () => {
    const { c } = setup();
    const notes = `${'word '.repeat(19_990)}needleinnotes `.padEnd(100_000, 'z');
    const claim = c.api.invoke('claims.create', { text: 'Big notes', notes });
    expect(c.api.invoke('search.query', { q: 'needleinnotes' }).groups.claims.map((h) => h.id)).toContain(claim.id);
    c.close();
    const h = openCase(c.path);
    expect(createApi(h.db).invoke('claims.get', { id: claim.id }).claim.notes).toBe(notes);
    closeCase(h);
  });
});

describe('invalid characters', () => {
  const BAD = [
    ['a NUL byte', 'before\u0000after', 'contains a NUL character'],
    ['a lone high surrogate', 'broken \uD83D text', 'is not valid Unicode (lone surrogate)'],
    ['a lone low surrogate', '\uDE00 at the start', 'is not valid Unicode (lone surrogate)'],
    ['reversed surrogates', 'x\uDE00\uD83Dy', 'is not valid Unicode (lone surrogate)'],
  ] as const;

  it.each(BAD)('%s is refused in every text field, naming it, with nothing written', (_n, value, problem) => {
    const { c, ids } = setup();
    for (const [method, base, field] of fieldCases(ids)) {
      expect(refused(c.api, method, { ...base, [field]: value })).toContain(`${field}: ${problem}`);
    }
    expect(refused(c.api, 'claims.create', { text: 'ok', tags: [value] })).toContain(`tags.0: ${problem}`);
    c.close();
  });

  it('a valid astral character (surrogate pair) is stored exactly', () => {
    const { c } = setup();
    const text = 'Emoji 🦀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 stay whole';
    expect(c.api.invoke('claims.create', { text }).text).toBe(text);
    c.close();
  });
});

describe('bidirectional overrides (Trojan Source)', () => {
  const TEXT = 'Cost was \u202E000,6$\u202C only \u2066isolated\u2069 \u200Fmark';

  it('are stored exactly and shown neutralized by the CLI (show, list, search)', async () => {
    const { c } = setup();
    const claim = c.api.invoke('claims.create', { text: TEXT, claimant: 'A \u202Eevil\u202C name' });
    expect(c.api.invoke('claims.get', { id: claim.id }).claim.text).toBe(TEXT);
    c.close();
    for (const argv of [['claim', 'show', claim.id], ['claim', 'list', '--limit', '1000'], ['search', 'only']]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--case', c.path, ...argv], { out: (s) => out.push(s), err: (s) => err.push(s) });
      const text = out.join('\n');
      expect(code, err.join('\n')).toBe(0);
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
      expect(text).toContain('<U+202E>000,6$<U+202C>');
    }
  });
});

describe('CSV export: formula cells', () => {
  it('no exported cell begins with = + - @ tab or CR, and each reads back to the stored value', () => {
    const { c, ids } = setup();
    const hostile = FORMULA_TRIGGERS.flatMap((t) => [`${t}HYPERLINK("http://evil","x")`, `'${t}1+1`, `${t}2`]);
    hostile.push('=cmd|"/c calc"!A1', '@SUM(1+1)*cmd', '-2+3', "''=x", '+1');
    for (const text of hostile) {
      const tags = /[,\n]/.test(text) ? [] : [text];
      const claim = c.api.invoke('claims.create', { text, claimant: text, tags, notes: text });
      c.api.invoke('evidence.create', { claimId: claim.id, sourceId: ids.sourceId, stance: 'supports', excerpt: text });
    }
    const file = c.api.invoke('transfer.export', { format: 'csv' });
    const rows = [...readDelimited(file.content, { delimiter: ',', quoted: true })];
    let cells = 0;
    for (const row of rows)
      for (const cell of row.fields) {
        cells++;
        expect(FORMULA_TRIGGERS as readonly string[], `line ${row.line}: ${JSON.stringify(cell)}`).not.toContain(cell[0]);
      }
    expect(cells).toBeGreaterThan(hostile.length * 3);
    const values = new Set(rows.flatMap((r) => r.fields.map(unneutralize)));
    for (const text of hostile) expect(values, JSON.stringify(text)).toContain(text.trim());
    c.close();
  });
});
