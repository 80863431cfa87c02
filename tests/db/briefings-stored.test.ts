/**
 * Stored briefings are not trusted (issue 12.2): a saved model that a JSON import or a crafted case
 * file changed is refused with a clear error when read, never rendered; the list still works; and
 * every writer escapes every value, footnote numbers included, even for a model no schema checked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { toHtml } from '../../core/briefing/html';
import { toMarkdown } from '../../core/briefing/markdown';
import type { Briefing } from '../../core/briefing/types';
import { CaseError } from '../../db/errors';
import { sampleCase } from '../core/briefing/fixtures';

type Model = { format: number; briefing: Record<string, unknown> & { judgments: Record<string, unknown>[]; footnotes: Record<string, unknown>[]; sources: Record<string, unknown>[] } };

describe('a stored briefing is validated when read', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const saved = c.api.invoke('briefings.save', { selection: { query: 'chips' }, title: 'Chips' });
  const db = c.handle.db;
  const original = (db.prepare('SELECT snapshot FROM briefings WHERE id = ?').get(saved.id) as { snapshot: string }).snapshot;
  const tamper = (edit: (m: Model) => void) => {
    const m = JSON.parse(original) as Model;
    edit(m);
    db.prepare('UPDATE briefings SET snapshot = ? WHERE id = ?').run(JSON.stringify(m), saved.id);
  };
  const refusal = (method: 'briefings.get' | 'briefings.render') => {
    const r = c.api.call(method, method === 'briefings.get' ? { id: saved.id } : { id: saved.id, format: 'html' });
    expect(r.ok, method).toBe(false);
    return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
  };

  const attacks: [string, (m: Model) => void, RegExp][] = [
    ['a footnote number that is markup', (m) => {
      (m.briefing.judgments[0]!.evidence as { footnote: unknown }[])[0]!.footnote = '1"><a href="https://evil.example">';
    }, /judgments\.0\.evidence\.0\.footnote/],
    ['a band that is not the probability’s', (m) => {
      Object.assign(m.briefing.judgments[0]!, { probability: 0.2, band: 'almost certain' });
    }, /judgments\.0\.band: "almost certain" is not the band of 0\.2/],
    ['a probability above 1', (m) => {
      (m.briefing.judgments[0]!.probability = 99);
    }, /judgments\.0\.probability/],
    ['a phishing link', (m) => {
      (m.briefing.sources[0]!.url = 'javascript:alert(1)');
    }, /sources\.0\.url: only http\(s\) and mailto links/],
    ['a label out of order', (m) => {
      (m.briefing.judgments[1]!.label = 'KJ1');
    }, /judgments\.1\.label: must be KJ2/],
    ['a renumbered note', (m) => {
      (m.briefing.footnotes[2]!.n = 7);
    }, /footnotes\.2\.n: must be 3/],
    ['a note the text cites but the model lacks', (m) => {
      m.briefing.footnotes.splice(3);
    }, /there is no note/],
    ['an unknown status', (m) => {
      (m.briefing.judgments[0]!.status = 'confirmed by the CIA');
    }, /judgments\.0\.status/],
    ['a huge title', (m) => {
      (m.briefing.title = 'x'.repeat(10_000));
    }, /title: must be at most 300 characters/],
    ['a wrong type', (m) => {
      (m.briefing.judgments = 'none' as never);
    }, /judgments/],
    ['an unknown format', (m) => {
      (m.format = 9);
    }, /unknown snapshot format 9/],
  ];
  for (const [name, edit, message] of attacks)
    it(`refuses ${name}, naming the field, in get and render`, () => {
      tamper(edit);
      for (const method of ['briefings.get', 'briefings.render'] as const) {
        const msg = refusal(method);
        expect(msg).toMatch(new RegExp(`^invalid: saved briefing ${saved.id} is damaged and will not be shown: `));
        expect(msg).toMatch(message);
      }
    });

  it('refuses a model that is not JSON, and still lists every version', () => {
    db.prepare('UPDATE briefings SET snapshot = ?, selection = ? WHERE id = ?').run('{"format":1,', 'not json', saved.id);
    expect(refusal('briefings.get')).toMatch(/its model is not JSON/);
    expect(c.api.invoke('briefings.list', {}).map((v) => v.id)).toContain(saved.id);
  });

  it('a damaged previous version does not block the next briefing on the selection', () => {
    const next = c.api.invoke('briefings.save', { selection: { query: 'chips' } });
    expect(next.version).toBe(2);
    expect(next.briefing.changes).toBeNull();
  });

  it('the fixed sentences are written again from the checked fields, never taken from storage', () => {
    db.prepare('UPDATE briefings SET snapshot = ? WHERE id = ?').run(original, saved.id);
    tamper((m) => {
      (m.briefing.judgments[0]!.sentences as { likelihood: string }).likelihood = 'It is almost certain (99%) that this claim is accurate.';
    });
    const got = c.api.invoke('briefings.get', { id: saved.id });
    expect(got.markdown).not.toContain('almost certain (99%)');
    expect(got.briefing.judgments[0]!.sentences.likelihood).toBe(saved.briefing.judgments[0]!.sentences.likelihood);
  });

  it('an intact version still opens exactly as saved', () => {
    db.prepare('UPDATE briefings SET snapshot = ? WHERE id = ?').run(original, saved.id);
    expect(c.api.invoke('briefings.get', { id: saved.id }).markdown).toBe(saved.markdown);
    expect(() => c.api.invoke('briefings.get', { id: 'nope' })).toThrow(CaseError);
  });
});

describe('writers escape every value, numbers included', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const b = c.api.invoke('briefings.compose', { selection: { query: 'chips' } }).briefing;
  // A model no schema checked (as a writer could be handed one): footnote numbers that are markup.
  const evil = '1"><img src=x onerror=alert(1)>](https://evil.example)';
  const forged = JSON.parse(JSON.stringify(b)) as Briefing;
  (forged.judgments[0]!.evidence[0] as { footnote: unknown }).footnote = evil;
  (forged.footnotes[0] as { n: unknown }).n = evil;

  it('HTML', () => {
    const html = toHtml(forged);
    expect(html).not.toContain('<img');
    expect(html).toContain('1&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;](https://evil.example)');
  });
  it('Markdown', () => {
    const md = toMarkdown(forged);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    expect(md).toContain('\\[1"\\>\\<img src=x onerror=alert(1)\\>\\](https://evil.example)\\]');
  });
});
