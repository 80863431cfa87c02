import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { tempDir } from '../helpers';
import { sampleCase, textOf, unzip } from '../core/briefing/fixtures';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('claimtrail brief', () => {
  const dir = tempDir();
  let casePath = '';
  const judgments: { label: string; likelihood: string }[] = [];
  const grades: string[] = [];
  let firstNote = '';
  beforeAll(() => {
    process.env.CLAIMTRAIL_HOME = join(dir, 'home');
    const c = sampleCase();
    casePath = c.path;
    c.api.invoke('settings.update', { caveat: 'Internal use only' });
    const { briefing } = c.api.invoke('briefings.compose', { selection: { query: 'chips' } });
    judgments.push(...briefing.judgments.map((j) => ({ label: j.label, likelihood: j.sentences.likelihood })));
    grades.push(...new Set(briefing.footnotes.map((f) => f.grade)));
    firstNote = briefing.footnotes[0]!.title;
    c.close();
  });
  afterAll(() => {
    delete process.env.CLAIMTRAIL_HOME;
  });

  const brief = (format: string, extra: string[] = []) => {
    const out = join(dir, `b.${format}`);
    return cli(['--case', casePath, 'brief', '--query', 'chips', '--format', format, '--out', out, ...extra]).then((r) => ({ ...r, file: out }));
  };

  it('writes Markdown, saves a version with --save and reports it', async () => {
    const r = await brief('md', ['--save', '--title', 'Chips']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // --query chips: stemmed search also selects the "chip demand" claim (issue 20).
    expect(r.out).toMatch(/Wrote .*b\.md \(md, 5 key judgments\); saved as briefing [0-9a-f-]{36}\./);
    const md = readFileSync(r.file, 'utf8');
    expect(md.startsWith('# Chips\n')).toBe(true);
    for (const j of judgments) expect(md).toContain(`### ${j.label}`);
  });

  it('writes HTML and DOCX that carry judgments, footnotes and grades', async () => {
    const html = textOf(readFileSync((await brief('html')).file, 'utf8'));
    const parts = unzip(readFileSync((await brief('docx')).file));
    const docx = textOf(parts.get('word/document.xml')!.toString('utf8'));
    const notes = textOf(parts.get('word/footnotes.xml')!.toString('utf8'));
    for (const j of judgments) for (const text of [html, docx]) expect(text).toContain(j.likelihood);
    for (const g of grades) for (const text of [html, notes]) expect(text).toContain(`(${g})`);
    expect(html).toContain('[1] ');
  });

  it('prints a PDF through headless Chromium whose text holds judgments, footnotes and grades', async () => {
    const r = await brief('pdf');
    expect(r.code).toBe(0);
    expect(readFileSync(r.file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', r.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const j of judgments) {
      expect(text).toContain(j.label);
      expect(text).toContain(j.likelihood);
    }
    expect(text).toContain(`[1] ${firstNote.slice(0, 30)}`);
    for (const g of grades) expect(text).toContain(`(${g})`);
  });

  it('signs every format: Markdown and HTML carry the statement, PDF and DOCX a FILE.sig.json; verify-signature accepts each', async () => {
    for (const format of ['md', 'html', 'pdf', 'docx']) {
      const r = await brief(format);
      expect(r.code).toBe(0);
      const embedded = format === 'md' || format === 'html';
      expect(existsSync(`${r.file}.sig.json`), format).toBe(!embedded);
      if (embedded) expect(readFileSync(r.file, 'utf8')).toMatch(/<!-- claimtrail-signed-head\n\{"type":"claimtrail-signed-head"/);
      const v = await cli(['--case', casePath, 'verify-signature', r.file]);
      expect(v.code, `${format}: ${v.err}`).toBe(0);
      if (!embedded) rmSync(`${r.file}.sig.json`);
    }
  });

  it('prints the caveat, "Page n of m" and the history head on every page of the PDF', async () => {
    const r = await brief('pdf');
    expect(r.code).toBe(0);
    const pages = execFileSync('pdftotext', ['-layout', r.file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // The head printed in the body (last page) is the case's head when the briefing was composed.
    const all = pages.join(' ').replace(/\s+/g, '');
    const heads = [...all.matchAll(/Historyhead([0-9a-f]{64})\((\d+)events\)/g)].map((m) => m[1]);
    expect(new Set(heads).size).toBe(1);
    expect(heads.length).toBe(pages.length + 1);
    const head = heads[0]!;
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      const flat = lines.join(' ').replace(/\s+/g, ' ');
      expect(lines[0], `page ${i + 1} header`).toBe('INTERNAL USE ONLY');
      expect(flat, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(flat.replace(/ /g, ''), `page ${i + 1}`).toContain(`Historyhead${head}`);
      expect(lines.filter((l) => l === 'INTERNAL USE ONLY').length, `page ${i + 1}: caveat top and bottom`).toBeGreaterThanOrEqual(2);
    });
  });

  it('warns about the analyst’s BLUF on stderr, and refuses bad usage', async () => {
    const r = await brief('md', ['--bluf', 'DeepSeek might have smuggled chips.']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning \(BLUF\): “might” is vague/);
    expect((await cli(['--case', casePath, 'brief', '--format', 'md', '--out', join(dir, 'x.md')])).err).toMatch(/choose claims with --query/);
    const bad = await cli(['--case', casePath, 'brief', '--tag', 'chips', '--format', 'odt', '--out', join(dir, 'x.odt')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of md, html, pdf, docx, not "odt"/);
    const unknown = await cli(['--case', casePath, 'brief', '--claim', 'nope', '--format', 'md', '--out', join(dir, 'x.md')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/claim nope was not found/);
  });
});
