/**
 * LibreOffice (Debian's package, headless) as the spreadsheet and word processor that opens
 * ClaimTrail's files: the CSV export keeps its UTF-8 text and no formula cell is live, and the DOCX
 * briefing converts to a PDF whose text (pdftotext) holds the briefing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCase, tempDir } from '../helpers';

const dir = tempDir();
const profile = `file://${join(dir, 'lo-profile')}`;

/** Runs soffice headless with a private profile (so parallel runs and a user's LibreOffice do not meet). */
function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args], { stdio: 'pipe', timeout: 240_000 });
}

/**
 * The cells LibreOffice Calc reads from a CSV, as it writes them to HTML: text, or the number a
 * formula evaluated to. Filter options as in the Text Import dialog: comma, double quote, Unicode
 * (UTF-8), from line 1. (LibreOffice 7.4's headless conversion reads a CSV as Windows-1252 when no
 * character set is given, byte-order mark or not; the dialog and Excel use the mark.)
 */
function calcCells(csvFile: string): string[][] {
  soffice(['--infilter=CSV:44,34,76,1', '--convert-to', 'html', '--outdir', dir, csvFile]);
  const html = readFileSync(csvFile.replace(/\.csv$/, '.html'), 'utf8');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((c) => {
      const text = decode(c[2]!.replace(/<[^>]+>/g, '').replace(/<br\/?>/g, '\n'));
      return /sdval=/.test(c[1]!) ? `number:${text}` : text;
    }),
  );
}

describe('LibreOffice opens what ClaimTrail writes', () => {
  it('the CSV export: UTF-8 text intact, the byte-order mark not in a cell, formula-like cells stay text', { timeout: 300_000 }, () => {
    const t = tempCase();
    const texts = ['Dash — and Ünïcödé “quoted”', '=SUM(A1:A2)', '+1+1', '@cmd', '-2+3'];
    for (const text of texts) t.api.invoke('claims.create', { text, claimant: '=HYPERLINK("http://evil.example")' });
    const file = join(dir, 'claims.csv');
    const exported = t.api.invoke('transfer.export', { format: 'csv' }).content;
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    writeFileSync(file, exported);
    const rows = calcCells(file);
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'text', 'claimant']);
    const byText = new Map(rows.slice(1).map((r) => [r[1]!, r]));
    expect(byText.has('Dash — and Ünïcödé “quoted”')).toBe(true);
    for (const f of ['=SUM(A1:A2)', '+1+1', '@cmd', '-2+3']) expect(byText.has(`'${f}`), f).toBe(true);
    for (const r of rows.slice(1)) expect(r[2]).toBe(`'=HYPERLINK("http://evil.example")`);
    // The check can fail: the same formula without ClaimTrail's apostrophe is evaluated by LibreOffice.
    const raw = join(dir, 'raw.csv');
    writeFileSync(raw, '\ufeffid,text\r\n1,=1+1\r\n');
    expect(calcCells(raw)[1]).toEqual(['number:1', 'number:2']);
  });

  it('the DOCX briefing converts to PDF; pdftotext reads its title and judgments', { timeout: 300_000 }, () => {
    const t = tempCase({ sample: true });
    const r = t.api.invoke('briefings.render', { selection: { query: 'chips' }, title: 'Chips — Übersicht', format: 'docx' });
    const { briefing } = t.api.invoke('briefings.compose', { selection: { query: 'chips' }, title: 'Chips — Übersicht' });
    const docx = join(dir, 'brief.docx');
    writeFileSync(docx, Buffer.from(r.content, 'base64'));
    soffice(['--convert-to', 'pdf', '--outdir', dir, docx]);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Chips — Übersicht');
    expect(briefing.judgments.length).toBeGreaterThan(0);
    for (const j of briefing.judgments) expect(text).toContain(j.label.replace(/\s+/g, ' ').slice(0, 40));
  });
});
