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
  c.api.invoke('settings.update', { caveat: 'Internal use only' });
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
      'word/footer1.xml',
      'word/footnotes.xml',
      'word/header1.xml',
      'word/settings.xml',
      'word/styles.xml',
    ]);
    const types = files.get('[Content_Types].xml')!.toString();
    expect(types).toContain('wordprocessingml.document.main+xml');
    for (const part of ['footnotes', 'header', 'footer', 'settings'])
      expect(types).toMatch(new RegExp(`PartName="/word/${part}1?\\.xml" ContentType="application/vnd\\.openxmlformats-officedocument\\.wordprocessingml\\.${part}\\+xml"`));
    const rels = files.get('word/_rels/document.xml.rels')!.toString();
    const xml = files.get('word/document.xml')!.toString();
    for (const [type, target] of [['footnotes', 'footnotes.xml'], ['header', 'header1.xml'], ['footer', 'footer1.xml']]) {
      const rid = new RegExp(`Id="(rId\\d+)" Type="[^"]+/${type}" Target="${target}"`).exec(rels)?.[1];
      expect(rid, type).toBeDefined();
      if (type !== 'footnotes') expect(xml).toContain(`<w:${type}Reference w:type="default" r:id="${rid}"/>`);
    }
  });

  it('cites with real Word footnotes: one footnoteReference per citation, each note in footnotes.xml', () => {
    const { files, xml } = docxOf(r.content);
    const notes = files.get('word/footnotes.xml')!.toString('utf8');
    const refs = [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const cited = composed.briefing.judgments.flatMap((j) => j.evidence.map((e) => e.footnote));
    expect(refs).toEqual(cited);
    expect(notes).toContain('<w:footnote w:type="separator" w:id="-1">');
    for (const f of composed.briefing.footnotes) {
      const note = new RegExp(`<w:footnote w:id="${f.n}">(.*?)</w:footnote>`).exec(notes)?.[1];
      expect(note, `footnote ${f.n}`).toBeDefined();
      expect(note).toContain('<w:footnoteRef/>');
      expect(textOf(note!)).toContain(`${f.title}`);
      expect(textOf(note!)).toContain(`(${f.grade})`);
    }
    expect(textOf(xml)).not.toMatch(/\[1\] /);
  });

  it('has a header and footer on every page: the caveat, "Page n of m" fields and the history head', () => {
    const { files } = docxOf(r.content);
    const header = files.get('word/header1.xml')!.toString('utf8');
    const footer = files.get('word/footer1.xml')!.toString('utf8');
    expect(header).toMatch(/^<\?xml[^>]*>\n<w:hdr /);
    expect(textOf(header).trim()).toBe('Internal use only');
    expect(footer).toContain('<w:fldSimple w:instr=" PAGE ">');
    expect(footer).toContain('<w:fldSimple w:instr=" NUMPAGES ">');
    const head = c.api.invoke('history.verify', {});
    expect(textOf(footer)).toContain('Internal use only');
    expect(textOf(footer)).toContain(`History head ${head.headHash} (${head.events} events).`);
  });

  it('carries the key judgments, footnotes and grades', () => {
    const text = textOf(docxOf(r.content).xml);
    for (const j of composed.briefing.judgments) {
      expect(text).toContain(j.label);
      expect(text).toContain(j.sentences.likelihood);
      expect(text).toContain(j.sentences.confidence);
    }
    expect(text).toContain('Citations are footnotes at the foot of each page.');
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
