/**
 * Captured documents in the app (issue 13), real Chromium over web mode: attach a text file and an
 * HTML page on a source, see them listed newest first, open the viewer (full SHA-256, time, the text
 * with its quote highlighted and scrolled into view), switch captures, and a hostile page that
 * executes nothing and loads nothing (every request the page makes is watched, and a trap server on
 * 127.0.0.1 that the page points at must see no request). Axe-core on the captures and the viewer.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longReportHtml, printPdf } from '../fixtures/documents/generate';
import type { TestCase } from '../helpers';
import { artifactPath, axeViolations, useApp } from './harness';

const SOURCE = 'Field report from the river crossing';
const CLAIM = 'The convoy crossed the river before the ceasefire';
const QUOTE = 'The convoy crossed the river at dawn on 3 March, two hours before the ceasefire began.';
const FILLER = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} of the field report: nothing of note on this stretch.`);
const REPORT = `${FILLER.slice(0, 300).join('\n')}\n${QUOTE}\n${FILLER.slice(300).join('\n')}\n`;

/** A page with every trick: scripts, handlers, javascript: links, remote images, styles and CSS url(), a refresh. */
function hostilePage(trap: string): string {
  return `<!doctype html><html><head><title>Hostile capture</title>
<meta http-equiv="refresh" content="1;url=${trap}/refresh">
<link rel="stylesheet" href="${trap}/style.css"><link rel="prefetch" href="${trap}/prefetch">
<style>body{background:url(${trap}/bg.png)} @import url(${trap}/import.css);</style>
<script>window.__ctPwned = 1; alert('script ran');</script>
<script src="${trap}/remote.js"></script>
</head><body onload="window.__ctPwned=2">
<nav>Menu Home About</nav>
<article><h1>Harbour report</h1><p>The harbour master counted eleven ships in the roads that morning.</p>
<img src="${trap}/pixel.png" onerror="window.__ctPwned=3;alert(3)">
<a href="javascript:window.__ctPwned=4">click me</a>
<svg onload="window.__ctPwned=5"><image href="${trap}/svg.png"/></svg>
<iframe src="${trap}/frame"></iframe><object data="${trap}/object"></object>
<div style="background-image:url('${trap}/inline.png')">styled</div>
<form action="${trap}/form"><button>Send</button></form></article>
</body></html>`;
}

const trapHits: string[] = [];
let trap: Server;
let trapUrl = '';
/** A web site on 127.0.0.1 for the Capture action: /go redirects to the hostile /harbour page; the rest is 404. */
let site: Server;
let siteUrl = '';

/** A real PNG (width × height, one colour), written byte by byte: signature, IHDR, IDAT, IEND. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}
let sourceId = '';
const PDF_SOURCE = 'Port authority report (PDF)';
const PDF_QUOTE = 'Section 2, paragraph 1';
const MEMO_SOURCE = 'Memo with a hidden override';
const MEMO = 'Payment memo.\nInvoice for \u202Etxt.exe is due on Friday.\nThe second invoice is due on Friday.\n';

function prepare(tc: TestCase) {
  const source = tc.api.invoke('sources.create', { title: SOURCE, reliability: 'B' });
  sourceId = source.id;
  const claim = tc.api.invoke('claims.create', { text: CLAIM, claimant: 'Ministry spokesperson' });
  tc.api.invoke('evidence.create', { claimId: claim.id, sourceId: source.id, stance: 'supports', excerpt: QUOTE, locator: null, credibility: 2 });
  tc.api.invoke('sources.create', { title: MEMO_SOURCE, reliability: 'C' });
  const port = tc.api.invoke('sources.create', { title: PDF_SOURCE, reliability: 'A' });
  tc.api.invoke('evidence.create', { claimId: claim.id, sourceId: port.id, stance: 'supports', excerpt: PDF_QUOTE, locator: null, credibility: 3 });
}

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapHits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('trap');
  });
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  site = createServer((req, res) => {
    if (req.url === '/go') return void res.writeHead(302, { Location: '/harbour' }).end();
    if (req.url !== '/harbour') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`${hostilePage(trapUrl)}<!-- served over HTTP -->`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => Promise.all([trap, site].map((s) => new Promise<void>((r) => s.close(() => r())))));

const app = useApp({ prepare });
const requests: string[] = [];
let watching = false;
let page: Page;

beforeAll(() => {
  page = app.page;
  page.on('request', (r) => void requests.push(r.url()));
  watching = true;
});

/** Waits generously for what is asserted (extraction runs on a worker thread of a loaded machine). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
/** Selects `phrase` inside the highlighted quote, as a drag would (a real DOM selection). */
async function selectInMark(phrase: string) {
  await page.evaluate(`(() => { const t = document.querySelector('.capture-text mark').firstChild; const at = t.data.indexOf(${JSON.stringify(phrase)});
    const r = document.createRange(); r.setStart(t, at); r.setEnd(t, at + ${phrase.length}); const s = getSelection(); s.removeAllRanges(); s.addRange(r); })()`);
}
const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const captures = () => page.getByRole('table', { name: 'Captures of this source, newest first' });
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

async function attach(name: string, mimeType: string, content: string | Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Attach file…' }).click()]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

async function openSource(title = SOURCE) {
  await nav('Sources').click();
  await page.getByRole('table', { name: 'Source list' }).getByRole('button', { name: title }).click();
  await page.getByRole('heading', { name: /^Captures/ }).waitFor();
}

/** The app's own origin: the only one any request may go to (besides inline data: images). */
function appOrigin(): string {
  return new URL(page.url()).origin;
}

/** Nothing of a hostile capture ran or loaded: no flag, no markup, no dialog, no error, no request elsewhere. */
async function expectInert() {
  expect(watching).toBe(true);
  // Give a meta refresh (1 s) and any lazy load their chance before looking.
  await page.waitForTimeout(2500);
  const state = await page.evaluate<Record<string, unknown>>(`({
    pwned: window.__ctPwned,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    imgs: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe, object, embed, frame').length,
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style, link[rel="stylesheet"]').length,
    metas: document.querySelectorAll('meta[http-equiv]').length,
    forms: document.querySelectorAll('form[action]').length,
    svgs: Array.from(document.querySelectorAll('svg')).filter((s) => !s.classList.contains('chart-svg')).length,
  })`);
  expect(state).toEqual({ pwned: undefined, jsLinks: 0, imgs: 0, iframes: 0, scripts: 1, styles: 1, metas: 0, forms: 0, svgs: 0 });
  expect(page.url().startsWith(appOrigin())).toBe(true);
  expect(app.watch.dialogs).toEqual([]);
  expect(app.watch.errors).toEqual([]);
  expect(trapHits).toEqual([]);
  const elsewhere = requests.filter((u) => !u.startsWith(`${appOrigin()}/`) && !u.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
}

describe('captures on the source detail', () => {
  it('attaches a text file and an HTML page and lists them newest first with type, size and SHA-256 prefix', async () => {
    await openSource();
    await eventually(() => page.getByText('Nothing captured yet').count()).toBe(1);
    await attach('field-report.txt', 'text/plain', REPORT);
    await eventually(() => captures().getByRole('row').count()).toBe(2);
    await eventually(() => page.getByRole('status').filter({ hasText: 'New capture stored.' }).count()).toBe(1);
    const html = hostilePage(trapUrl);
    await attach('harbour.html', 'text/html', html);
    await eventually(() => captures().getByRole('row').count()).toBe(3);
    const rows = captures().getByRole('row');
    await eventually(() => rows.nth(1).innerText()).toContain('harbour.html');
    await eventually(() => rows.nth(1).innerText()).toContain(sha(html).slice(0, 12));
    await eventually(() => rows.nth(2).innerText()).toContain('field-report.txt');
    await eventually(() => rows.nth(2).innerText()).toContain(sha(REPORT).slice(0, 12));
    await eventually(() => rows.nth(2).innerText()).toContain(`${(Buffer.byteLength(REPORT) / 1024).toFixed(1)} KB`);
    await eventually(() => page.getByRole('heading', { name: 'Captures (2)' }).count()).toBe(1);
  });

  it('attaching the same bytes again stores nothing new and says so', async () => {
    await attach('field-report-again.txt', 'text/plain', REPORT);
    await eventually(() => page.getByRole('status').filter({ hasText: 'already captured' }).count()).toBe(1);
    await eventually(() => captures().getByRole('row').count()).toBe(3);
  });

  it('shows a refusal under the Attach control and stores nothing', async () => {
    await attach('empty.txt', 'text/plain', '');
    const alert = page.locator('.attach-control').getByRole('alert');
    await eventually(() => alert.innerText()).toMatch(/empty\.txt.*empty \(0 bytes\)/);
    await eventually(() => captures().getByRole('row').count()).toBe(3);
  });

  it('has no serious accessibility violation with captures listed', async () => {
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
  });
});

describe('the document viewer', () => {
  it('shows the capture with its full SHA-256 and time, and highlights and scrolls to a chosen quote', async () => {
    await page.getByRole('button', { name: /^Open the capture of field-report\.txt / }).click();
    await page.getByRole('heading', { name: `Document: ${SOURCE}` }).waitFor();
    await eventually(() => page.locator('.capture-facts').innerText()).toContain(sha(REPORT));
    await eventually(() => page.locator('.capture-facts').innerText()).toMatch(/Captured\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    const text = page.getByRole('document', { name: 'Captured text' });
    await eventually(() => text.innerText()).toContain(FILLER[399]);
    // The rendered text is the stored text, character for character.
    await eventually(() => page.evaluate<string>(`document.querySelector('.capture-text .page-text').textContent`)).toBe(REPORT);
    await page.getByLabel('Quote to show').selectOption({ label: `supports · B2 · “${QUOTE.slice(0, 80)}” (${CLAIM.slice(0, 60)})` });
    await eventually(() => text.locator('mark').innerText()).toBe(QUOTE);
    await eventually(() => page.getByText('Found in this capture exactly as quoted.').count()).toBe(1);
    const inView = `(() => { const m = document.querySelector('.capture-text mark').getBoundingClientRect();
      const c = document.querySelector('.capture-text').getBoundingClientRect(); return m.top >= c.top && m.bottom <= c.bottom; })()`;
    await eventually(() => page.evaluate<boolean>(inView)).toBe(true);
    expect(await page.evaluate<number>(`document.querySelector('.capture-text').scrollTop`)).toBeGreaterThan(1000);
    await page.screenshot({ path: artifactPath('document-viewer.png'), fullPage: true });
  });

  it('maps a selection in the text to its characters', async () => {
    const select = `(() => { const run = document.querySelector('.capture-text mark'); const t = run.firstChild;
      const r = document.createRange(); r.setStart(t, 4); r.setEnd(t, 10); const s = getSelection(); s.removeAllRanges(); s.addRange(r); })()`;
    await page.evaluate(select);
    await eventually(() => page.getByText('6 characters selected').count()).toBe(1);
    await eventually(() => page.getByRole('button', { name: 'New evidence from selection' }).isEnabled()).toBe(true);
  });

  it('turns a selection into new evidence: locate, choose the claim, the form prefilled, the quote stored', async () => {
    const phrase = 'two hours before the ceasefire began';
    await selectInMark(phrase);
    await eventually(() => page.getByText(`${phrase.length} characters selected`).count()).toBe(1);
    await page.getByRole('button', { name: 'New evidence from selection' }).click();
    const chooser = page.getByRole('dialog', { name: 'Which claim is this quote evidence for?' });
    await chooser.getByLabel('Find claim').fill('convoy crossed');
    await chooser.getByRole('button', { name: CLAIM }).click();
    const form = page.getByRole('dialog', { name: 'Add evidence' });
    await eventually(() => form.getByLabel('Excerpt').inputValue()).toBe(phrase);
    await eventually(() => form.getByText(`Selected: ${SOURCE}`).count()).toBe(1);
    await form.getByLabel('Credibility').selectOption('2');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    // The new quote is among the source's quotes, and shows highlighted where it was selected.
    await page.getByLabel('Quote to show').selectOption({ label: `supports · B2 · “${phrase}” (${CLAIM})` });
    await eventually(() => page.getByRole('document', { name: 'Captured text' }).locator('mark').innerText()).toBe(phrase);
  });

  it('switches to the other capture', async () => {
    await page.getByLabel('Capture', { exact: true }).selectOption({ index: 0 });
    await eventually(() => page.locator('.capture-facts').innerText()).toContain(sha(hostilePage(trapUrl)));
    await eventually(() => page.getByRole('document', { name: 'Captured text' }).innerText()).toContain('The harbour master counted eleven ships');
    await eventually(() => page.getByText('Not found as quoted in this capture.').count()).toBe(1);
  });

  it('executes nothing and loads nothing from the hostile page', async () => {
    await expectInert();
  });

  it('has no serious accessibility violation in the viewer', async () => {
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
  });

  it('goes back to the source', async () => {
    await page.getByRole('button', { name: 'Back to the source' }).click();
    await eventually(() => captures().getByRole('row').count()).toBe(3);
    expect(sourceId).not.toBe('');
  });

  it('shows an image capture from a data: URL of its bytes, without text', async () => {
    const image = png(40, 30);
    await attach('photo.png', 'image/png', image);
    await eventually(() => captures().getByRole('row').count()).toBe(4);
    await eventually(() => captures().getByRole('row').nth(1).innerText()).toContain('image/png');
    await page.getByRole('button', { name: /^Open the capture of photo\.png / }).click();
    const img = page.getByRole('img', { name: 'The captured image photo.png' });
    await img.waitFor();
    const drawn = `(() => { const el = document.querySelector('img.capture-image'); return [el.naturalWidth, el.naturalHeight, el.src.slice(0, 22)]; })()`;
    await eventually(() => page.evaluate<unknown>(drawn)).toEqual([40, 30, 'data:image/png;base64,']);
    await eventually(() => page.getByText('No text was taken from this capture').count()).toBe(1);
    await eventually(() => page.locator('.capture-facts').innerText()).toContain(sha(image));
  });
});

describe('a PDF capture', () => {
  it('draws its pages with pdf.js from the stored bytes beside the text, following the quote to its page', async () => {
    const pdf = Buffer.from(printPdf(longReportHtml(3)));
    await openSource(PDF_SOURCE);
    await attach('port-report.pdf', 'application/pdf', pdf);
    await eventually(() => captures().getByRole('row').count()).toBe(2);
    await eventually(() => captures().getByRole('row').nth(1).innerText()).toContain('application/pdf');
    await page.getByRole('button', { name: /^Open the capture of port-report\.pdf / }).click();
    const text = page.getByRole('document', { name: 'Captured text' });
    await eventually(() => text.getByRole('heading').allInnerTexts()).toEqual(['Page 1', 'Page 2', 'Page 3']);
    const pages = page.getByRole('region', { name: 'PDF pages' });
    await eventually(() => pages.innerText()).toContain('Page 1 of 3');
    const inked = `(() => { const c = document.querySelector('canvas.pdf-canvas'); if (!c || !c.dataset.drawn || !c.width) return -1;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) n++; return n; })()`;
    await eventually(() => page.evaluate<number>(inked)).toBeGreaterThan(500);
    await pages.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => page.locator('canvas.pdf-canvas').getAttribute('data-drawn')).toBe('2');
    await page.getByLabel('Quote to show').selectOption({ index: 1 });
    await eventually(() => text.locator('mark').innerText()).toBe(PDF_QUOTE);
    // Anchored when the PDF was attached (its source's latest capture): the highlight comes from its selectors.
    await eventually(() => page.getByText('Anchored in this capture: exact.').count()).toBe(1);
    await eventually(() => page.evaluate<string | null>(`document.querySelector('.capture-text mark').closest('[data-page]').dataset.page`)).toBe('2');
    await eventually(() => page.locator('canvas.pdf-canvas').getAttribute('data-drawn')).toBe('2');
    await page.screenshot({ path: artifactPath('document-viewer-pdf.png'), fullPage: true });
    await selectInMark('paragraph 1');
    await page.getByRole('button', { name: 'New evidence from selection' }).click();
    await page.getByRole('dialog', { name: 'Which claim is this quote evidence for?' }).getByRole('button', { name: CLAIM }).click();
    const form = page.getByRole('dialog', { name: 'Add evidence' });
    await eventually(() => form.getByLabel('Locator').inputValue()).toBe('p. 2');
    await eventually(() => form.getByLabel('Excerpt').inputValue()).toBe('paragraph 1');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await eventually(() => page.locator('canvas.pdf-canvas').getAttribute('data-drawn')).toBe('1');
    await page.getByLabel('Show as').selectOption('text');
    await eventually(() => page.getByRole('region', { name: 'PDF pages' }).count()).toBe(0);
    await page.getByLabel('Show as').selectOption('both');
    await eventually(() => page.locator('canvas.pdf-canvas').getAttribute('data-drawn')).toBe('1');
  });

  it('loaded nothing from anywhere but the app (pdf.js worker included), with no error', async () => {
    const elsewhere = requests.filter((u) => !u.startsWith(`${appOrigin()}/`) && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requests.some((u) => /pdf\.worker\.min-[\w-]+\.mjs$/.test(u))).toBe(true);
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.dialogs).toEqual([]);
    expect(trapHits).toEqual([]);
  });

  it('has no serious accessibility violation with the pages shown, in light and dark', async () => {
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(() => page.evaluate<string>(`getComputedStyle(document.body).backgroundColor`)).not.toBe('rgb(255, 255, 255)');
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.join(', ')}`)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('capturing a web address', () => {
  it('captures a page through the Capture field, with its final address and HTTP status, and the page stays inert', async () => {
    await openSource();
    await page.getByLabel('Capture a web address').fill(`${siteUrl}/go`);
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await eventually(() => captures().getByRole('row').count()).toBe(5);
    const row = captures().getByRole('row').nth(1);
    await eventually(() => row.innerText()).toContain(`${siteUrl}/harbour`);
    await eventually(() => row.innerText()).toMatch(/\b200\b/);
    await row.getByRole('button', { name: /^Open the capture of / }).click();
    const facts = page.locator('.capture-facts');
    await eventually(() => facts.innerText()).toMatch(new RegExp(`Asked for\\s+${siteUrl}/go\\s+Final address\\s+${siteUrl}/harbour\\s+HTTP status\\s+200`));
    await eventually(() => page.getByRole('document', { name: 'Captured text' }).innerText()).toContain('The harbour master counted eleven ships');
    await expectInert();
  });

  it('shows the fetcher\'s refusal under the field and stores nothing', async () => {
    await page.getByRole('button', { name: 'Back to the source' }).click();
    await page.getByLabel('Capture a web address').fill(`${siteUrl}/missing`);
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await eventually(() => page.locator('.capture-url').getByRole('alert').innerText()).toMatch(/404/);
    await eventually(() => captures().getByRole('row').count()).toBe(5);
  });
});

/** Selects from (node of `from`, offset) to (node of `to`, offset), nodes found by CSS selector and text. */
async function selectBetween(from: { css: string; text: string; at: number }, to: { css: string; text: string; at: number }) {
  await page.evaluate(`(() => {
    const node = (p) => Array.from(document.querySelectorAll(p.css)).find((e) => e.textContent.includes(p.text)).firstChild;
    const a = ${JSON.stringify(from)}, b = ${JSON.stringify(to)};
    const r = document.createRange(); r.setStart(node(a), a.at); r.setEnd(node(b), b.at);
    const s = getSelection(); s.removeAllRanges(); s.addRange(r); })()`);
}

async function prefilledExcerpt(): Promise<string> {
  await page.getByRole('button', { name: 'New evidence from selection' }).click();
  await page.getByRole('dialog', { name: 'Which claim is this quote evidence for?' }).getByRole('button', { name: CLAIM }).click();
  const form = page.getByRole('dialog', { name: 'Add evidence' });
  await form.getByLabel('Excerpt').waitFor();
  const excerpt = await form.getByLabel('Excerpt').inputValue();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await eventually(() => page.getByRole('dialog').count()).toBe(0);
  return excerpt;
}

describe('selections across markers and page headings', () => {
  it('shows a bidi control as a marker and quotes the source text across it', async () => {
    await openSource(MEMO_SOURCE);
    await attach('memo.txt', 'text/plain', MEMO);
    await page.getByRole('button', { name: /^Open the capture of memo\.txt / }).click();
    const text = page.getByRole('document', { name: 'Captured text' });
    await eventually(() => text.innerText()).toContain('Invoice for <U+202E>txt.exe is due');
    // From "for" (in the run before the marker) to the end of "exe" (in the run after it).
    await selectBetween({ css: '.page-text span', text: 'Invoice for ', at: 'Payment memo.\nInvoice '.length }, { css: '.page-text span', text: 'txt.exe', at: 'txt.exe'.length });
    await eventually(() => page.getByText('12 characters selected').count()).toBe(1);
    expect(await prefilledExcerpt()).toBe('for \u202Etxt.exe');
  });

  it('sends the selection\'s selectors: of two equal passages, the one selected is the one anchored', async () => {
    const phrase = 'is due on Friday';
    const second = MEMO.lastIndexOf(phrase);
    expect(second).toBeGreaterThan(MEMO.indexOf(phrase));
    const run = 'The second invoice';
    await selectBetween({ css: '.page-text span', text: run, at: 'txt.exe is due on Friday.\nThe second invoice '.length }, { css: '.page-text span', text: run, at: 'txt.exe is due on Friday.\nThe second invoice '.length + phrase.length });
    await eventually(() => page.getByText(`${phrase.length} characters selected`).count()).toBe(1);
    await page.getByRole('button', { name: 'New evidence from selection' }).click();
    await page.getByRole('dialog', { name: 'Which claim is this quote evidence for?' }).getByRole('button', { name: CLAIM }).click();
    const form = page.getByRole('dialog', { name: 'Add evidence' });
    await eventually(() => form.getByLabel('Excerpt').inputValue()).toBe(phrase);
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Quote to show').selectOption({ label: `supports · C6 · “${phrase}” (${CLAIM})` });
    await eventually(() => page.getByText('Anchored in this capture: exact.').count()).toBe(1);
    await eventually(() => page.evaluate<string | null>(`document.querySelector('.capture-text mark').dataset.at`)).toBe(String(second));
  });

  it('rounds a selection starting in a page heading to the start of that page', async () => {
    await openSource(PDF_SOURCE);
    await page.getByRole('button', { name: /^Open the capture of port-report\.pdf / }).click();
    await eventually(() => page.getByRole('document', { name: 'Captured text' }).getByRole('heading').count()).toBe(3);
    await selectBetween({ css: '.page-separator', text: 'Page 2', at: 0 }, { css: '[data-page="2"] .page-text span', text: 'Section 2', at: 'Section 2'.length });
    await eventually(() => page.getByRole('button', { name: 'New evidence from selection' }).isEnabled()).toBe(true);
    expect(await prefilledExcerpt()).toBe('Section 2');
  });
});

describe('canary', () => {
  it('the checks see a remote load when one is attempted (so their silence above means something)', async () => {
    const before = app.watch.errors.length;
    await page.evaluate(`(() => { const i = document.createElement('img'); i.src = ${JSON.stringify(`${trapUrl}/canary.png`)}; document.body.append(i); })()`);
    // The CSP refuses it before the network (a console error), so the trap stays silent even then.
    await eventually(() => app.watch.errors.slice(before).some((e) => e.includes('canary.png') && e.includes('Content Security Policy'))).toBe(true);
    expect(trapHits).toEqual([]);
  });
});
