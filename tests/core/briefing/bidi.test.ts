/**
 * Invisible text controls are neutralized in every briefing format (issue 11.6) and line endings
 * are normalized so a lone CR cannot inject a heading (issue 12.8): Markdown and DOCX here, HTML
 * and PDF rendered by Chromium in tests/e2e/briefing-bidi.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../core/briefing/base64';
import { cleanText } from '../../../core/briefing/wording';
import { tempCase } from '../../helpers';
import { BREAKS, bidiCase, FIELDS, LIVE, SHOWN } from './bidi-case';
import { FIXED_NOW, textOf, unzip } from './fixtures';

describe('bidi and zero-width payloads in every field', () => {
  const { c, input } = bidiCase();
  afterAll(() => c.close());

  it('Markdown shows each as markers in logical order and holds no live control', () => {
    const md = c.api.invoke('briefings.render', { ...input, format: 'md' }).content;
    expect(md).not.toMatch(LIVE);
    const visible = md.replace(/\\(.)/g, '$1');
    for (const f of FIELDS) expect(visible, f).toContain(`${f} ${SHOWN}`);
  });

  it('DOCX (document, footnotes, properties) shows each as markers and holds no live control', () => {
    const files = unzip(fromBase64(c.api.invoke('briefings.render', { ...input, format: 'docx' }).content));
    const text = ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml'].map((p) => textOf(files.get(p)!.toString('utf8'))).join(' ');
    for (const [name, data] of files) expect(data.toString('utf8'), name).not.toMatch(LIVE);
    for (const f of FIELDS) expect(text, f).toContain(`${f} ${SHOWN}`);
  });

  it('the preview blocks the app shows are neutralized the same way', () => {
    const { blocks } = c.api.invoke('briefings.compose', input);
    expect(JSON.stringify(blocks)).not.toMatch(LIVE);
  });

  it('cleanText is the UI’s marker form, and idempotent', () => {
    expect(cleanText('a\u202Eb\u200Bc')).toBe('a<U+202E>b<U+200B>c');
    expect(cleanText(cleanText('a\u202Eb'))).toBe('a<U+202E>b');
    expect(cleanText('\u{E0041}x')).toBe('<U+E0041>x');
    expect(cleanText('family 👨\u200D👩 ok')).toBe('family 👨\u200D👩 ok');
  });
});

describe('line endings: a lone CR, CRLF, NEL, U+2028 or U+2029 never starts a Markdown block', () => {
  it('in every field of the Markdown briefing', () => {
    const c = tempCase({ now: () => FIXED_NOW });
    c.api.invoke('settings.update', { analystName: `An ${BREAKS}`, caveat: `Cav ${BREAKS}` });
    const src = c.api.invoke('sources.create', { title: `Src ${BREAKS}`, publisher: `Pub ${BREAKS}`, reliability: 'B' });
    const claim = c.api.invoke('claims.create', { text: `Claim ${BREAKS}`, claimant: `Who ${BREAKS}`, tags: ['lines'] });
    c.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'supports', excerpt: `Ex ${BREAKS}`, note: `Note ${BREAKS}`, locator: `p ${BREAKS}`, credibility: 2 });
    c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: `By ${BREAKS}`, position: `Pos ${BREAKS}` });
    c.api.invoke('claims.setStatus', { id: claim.id, status: 'disputed', rationale: `Why ${BREAKS}` });
    const input = { selection: { tag: 'lines' }, title: `T ${BREAKS}`, bluf: `B ${BREAKS}` };
    const md = c.api.invoke('briefings.render', { ...input, format: 'md' }).content;
    const saved = c.api.invoke('briefings.save', input);
    c.close();
    for (const text of [md, saved.markdown]) {
      expect(text).not.toMatch(/[\r\u0085\u2028\u2029]/);
      expect(text.split('\n').filter((l) => /^\s*(>\s*)?(#+ Injected|- injected)/.test(l))).toEqual([]);
      const headings = text.split('\n').filter((l) => l.startsWith('#'));
      expect(headings.every((h) => /^(# T |## |### )/.test(h)), headings.join('\n')).toBe(true);
      expect(headings.filter((h) => h.includes('Injected'))).toEqual(headings.filter((h) => h.startsWith('# T ')));
    }
  });
});
