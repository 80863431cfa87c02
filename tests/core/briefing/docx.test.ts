import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../core/briefing/base64';
import { crc32 } from '../../../core/briefing/docx/zip';
import { sampleCase, textOf, unzip, XSS_PAYLOADS } from './fixtures';
import { xssCase } from './xss-case';

function docxOf(content: string) {
  const files = unzip(fromBase64(content));
  return { files, xml: files.get('word/document.xml')!.toString('utf8') };
}

describe('DOCX briefing', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const composed = c.api.invoke('briefings.compose', { selection: { query: 'chips' } });
  const r = c.api.invoke('briefings.render', { selection: { query: 'chips' }, format: 'docx' });

  it('is an OOXML package with a main document and styles', () => {
    expect(r.encoding).toBe('base64');
    expect(r.fileName).toMatch(/\.docx$/);
    const { files } = docxOf(r.content);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/styles.xml',
    ]);
    expect(files.get('[Content_Types].xml')!.toString()).toContain('wordprocessingml.document.main+xml');
  });

  it('carries the key judgments, footnotes and grades', () => {
    const text = textOf(docxOf(r.content).xml);
    for (const j of composed.briefing.judgments) {
      expect(text).toContain(j.label);
      expect(text).toContain(j.sentences.likelihood);
      expect(text).toContain(j.sentences.confidence);
    }
    for (const f of composed.briefing.footnotes) expect(text).toContain(`[${f.n}] ${f.title}`);
    expect(text).toMatch(/\(B2\)/);
  });

  it('is byte-identical for the same briefing (fixed zip timestamps)', () => {
    const again = c.api.invoke('briefings.render', { selection: { query: 'chips' }, format: 'docx' });
    expect(again.content).toBe(r.content);
  });

  it('escapes XML in user text', () => {
    const { c: x, title } = xssCase();
    const xml = docxOf(x.api.invoke('briefings.render', { selection: { tag: 'xss' }, title, format: 'docx' }).content).xml;
    x.close();
    expect(xml).not.toMatch(/<(script|img|svg|iframe)/i);
    const text = textOf(xml);
    for (const p of XSS_PAYLOADS) expect(text).toContain(p);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
