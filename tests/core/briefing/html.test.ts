import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../cli/briefing/pdf';
import { sampleCase, textOf, XSS_PAYLOADS } from './fixtures';
import { xssCase } from './xss-case';

describe('HTML briefing', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const composed = c.api.invoke('briefings.compose', { selection: { query: 'chips' } });
  const html = c.api.invoke('briefings.render', { selection: { query: 'chips' }, format: 'html' }).content;
  const text = textOf(html);

  it('is a standalone document with a CSP and no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
    expect(html).toMatch(/@media print/);
  });

  it('carries the key judgments, footnotes and grades', () => {
    for (const j of composed.briefing.judgments) {
      expect(text).toContain(j.label);
      expect(text).toContain(j.sentences.likelihood);
      expect(text).toContain(j.sentences.confidence);
    }
    for (const f of composed.briefing.footnotes) {
      expect(html).toContain(`<li id="fn${f.n}">[${f.n}]`);
      expect(html).toContain(`href="#fn${f.n}"`);
      expect(text).toContain(`(${f.grade})`);
    }
    const n1 = composed.briefing.footnotes[0]!;
    expect(text).toContain(`[1] ${n1.title}, ${[n1.publisher, n1.locator].filter(Boolean).join(', ')} (${n1.grade})`);
  });
});

describe('XSS payloads in claim, source, evidence, dispute and settings text', () => {
  const { c, title, bluf } = xssCase();
  afterAll(() => c.close());
  const html = c.api.invoke('briefings.render', { selection: { tag: 'xss' }, title, bluf, format: 'html' }).content;

  it('come out escaped: no markup, no handlers, and the text survives', () => {
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<(script|img|svg|iframe|style|a href="javascript)/i);
    expect(body).not.toMatch(/\son\w+=/i);
    const text = textOf(html);
    for (const p of XSS_PAYLOADS) expect(text).toContain(p);
  });

  it('execute nothing in a real browser, even with JavaScript on', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.setContent(html, { waitUntil: 'load' });
      const injected = await page.locator('script, img, svg, iframe, body style').count();
      expect(injected).toBe(0);
      expect(dialogs).toBe(0);
      expect(await page.locator('h2').count()).toBe(9);
    } finally {
      await browser.close();
    }
  });
});
