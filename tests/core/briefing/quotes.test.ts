/**
 * Issue 13 in briefings: each quote's status in its source's capture (exact / close (NN%) / not found,
 * "no longer in the source") and "captured DATE, SHA-256 prefix" beside each quoted source, in Markdown,
 * HTML, DOCX and PDF; saved briefings keep them; the estimative checks see no new warnings.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../core/briefing/base64';
import { checkBriefing } from '../../../core/briefing/check-briefing';
import { deepseekSample } from '../../../core/sample/deepseek';
import { runCli } from '../../../cli/main';
import { tempDir } from '../../helpers';
import { FIXED_NOW, sampleCase, textOf, unzip } from './fixtures';

const SEED = '/work/shared/seed';
const brief = readFileSync(join(SEED, readdirSync(SEED).find((f) => f.endsWith('.txt'))!), 'utf8');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const DAY = FIXED_NOW.slice(0, 10);

describe('briefings cite the captures their quotes were checked against', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const { api } = c;
  const evidence = api.invoke('claims.list', {}).items.flatMap((x) => api.invoke('claims.get', { id: x.id }).evidence);
  const gone = evidence.find((e) => e.excerpt === deepseekSample.evidence[0]!.excerpt)!;
  const paragraph = brief.split('\n').find((p) => p.includes(gone.excerpt))!;
  // A quote of the same source in another paragraph, with one word changed in the new capture.
  const changed = evidence.find((e) => e.sourceId === gone.sourceId && e.excerpt.split(' ').length >= 12 && !paragraph.includes(e.excerpt))!;
  const words = changed.excerpt.split(' ');
  const edited = [...words.slice(0, 6), 'zebra', ...words.slice(7)].join(' ');
  const selection = { claimIds: [...new Set([gone.claimId, changed.claimId])] };
  const warningsBefore = checkBriefing(api.invoke('briefings.compose', { selection }).briefing);

  for (const id of new Set(evidence.map((e) => e.sourceId))) api.invoke('captures.attach', { sourceId: id, bytes: b64(brief), fileName: 'brief.txt' });
  const recapture = api.invoke('captures.attach', {
    sourceId: gone.sourceId,
    bytes: b64(brief.replace(paragraph, 'Withdrawn.').replace(changed.excerpt, edited)),
    fileName: 'brief-v2.txt',
  });
  const { briefing, markdown } = api.invoke('briefings.compose', { selection });
  const lines = briefing.judgments.flatMap((j) => j.evidence);
  const sha = recapture.capture.sha256.slice(0, 12);

  it('the model carries each quote’s status and each quoted source’s capture', () => {
    expect(lines.find((e) => e.evidenceId === gone.id)!.quoteCheck).toEqual({ status: 'not-found', score: null, capturedAt: FIXED_NOW, lostSince: FIXED_NOW });
    const close = lines.find((e) => e.evidenceId === changed.id)!.quoteCheck!;
    expect(close.status).toBe('close');
    expect(close.score!).toBeGreaterThan(0.85);
    expect(lines.filter((e) => e.quoteCheck?.status === 'exact').length).toBeGreaterThan(0);
    expect(briefing.sources.find((s) => s.id === gone.sourceId)!.capture).toEqual({ capturedAt: FIXED_NOW, sha256: recapture.capture.sha256 });
    expect(briefing.sources.every((s) => s.capture)).toBe(true);
  });

  const expectations = [
    'Quote: exact in the capture of',
    `Quote: not found: no longer in the source (captured ${DAY}).`,
    `Captured ${DAY}, SHA-256 ${sha}.`,
  ];
  const closeText = /Quote: close \(\d\d%\) in the capture of \d{4}-\d{2}-\d{2}\./;

  it('Markdown, HTML and DOCX say it', () => {
    const md = markdown.replace(/\\(.)/g, '$1');
    const html = textOf(api.invoke('briefings.render', { selection, format: 'html' }).content);
    const docx = textOf(unzip(fromBase64(api.invoke('briefings.render', { selection, format: 'docx' }).content)).get('word/document.xml')!.toString('utf8'));
    for (const [name, text] of Object.entries({ md, html, docx })) {
      for (const x of expectations) expect(text, name).toContain(x);
      expect(text, name).toMatch(closeText);
    }
  });

  it('a saved briefing keeps it (the stored model is checked and re-rendered)', () => {
    const saved = api.invoke('briefings.save', { selection });
    const again = api.invoke('briefings.get', { id: saved.id });
    expect(again.briefing.judgments.flatMap((j) => j.evidence).find((e) => e.evidenceId === gone.id)!.quoteCheck!.lostSince).toBe(FIXED_NOW);
    expect(again.briefing.sources.find((s) => s.id === gone.sourceId)!.capture!.sha256).toBe(recapture.capture.sha256);
    const md = api.invoke('briefings.render', { id: saved.id, format: 'md' }).content.replace(/\\(.)/g, '$1');
    for (const x of expectations) expect(md).toContain(x);
  });

  it('adds no estimative-language warnings', () => {
    expect(checkBriefing(briefing)).toEqual(warningsBefore);
  });

  it('the PDF (headless Chromium) says it too', async () => {
    const dir = tempDir();
    process.env.CLAIMTRAIL_HOME = join(dir, 'home');
    const out = join(dir, 'b.pdf');
    let err = '';
    const args = ['--case', c.path, 'brief', '--format', 'pdf', '--out', out, ...selection.claimIds.flatMap((id) => ['--claim', id])];
    const code = await runCli(args, { out: () => {}, err: (s) => (err += s) });
    delete process.env.CLAIMTRAIL_HOME;
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const x of expectations) expect(text).toContain(x);
    expect(text).toMatch(closeText);
  }, 120_000);
});
