/**
 * Layout, lists and detail (issue 20, item 4) in a real Chromium against `claimtrail serve` on fresh
 * sample cases. Widths: 760 px, 1,280 px and 2,560 px windows, and 200% zoom emulated as Chromium
 * draws it: a 1,280×900 window at 200% lays out in 640×450 CSS px at device scale 2 (`viewport`
 * 640×450, `deviceScaleFactor: 2`), so media queries, text size and wrapping are those of real zoom.
 * axe-core runs on every main view at 760 px, 1,280 px and 200% in light and dark; screenshots of
 * every main view at 760 px and 1,280 px go to test-artifacts/screens/ (docs/app.md).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../cli/serve/server';
import { ensureSample } from '../../db/host/open-default';
import { rememberCase } from '../../db/user-data';
import { tempCase, tempDir } from '../helpers';
import { artifactPath, axeViolations, serveCase, STATIC_DIR, type Served, useApp } from './harness';
import { navButton } from './nav';

// The harness's session: the sample case served and Chromium; each test opens contexts of its own size.
const app = useApp({ sample: true });
let served: Served;
let browser: Browser;

beforeAll(() => {
  served = app.session.served;
  browser = app.session.browser;
});

interface Screen {
  name: string;
  width: number;
  height: number;
  scale: number;
}
const W760: Screen = { name: '760', width: 760, height: 900, scale: 1 };
const W1280: Screen = { name: '1280', width: 1280, height: 900, scale: 1 };
const W2560: Screen = { name: '2560', width: 2560, height: 1300, scale: 1 };
const ZOOM200: Screen = { name: 'zoom200', width: 640, height: 450, scale: 2 };

const errorsOf = new WeakMap<Page, string[]>();

/** A fresh browser context on the sample case; the first-start welcome already dismissed unless `welcome`. */
async function open(screen: Screen, opts: { theme?: 'light' | 'dark'; welcome?: boolean; url?: string; empty?: boolean } = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.scale,
    colorScheme: opts.theme ?? 'light',
  });
  if (!opts.welcome) await context.addInitScript("localStorage.setItem('claimtrail.welcome.dismissed', '1')");
  const page = await context.newPage();
  const errors: string[] = [];
  errorsOf.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('dialog', (d) => void (errors.push(`dialog: ${d.message()}`), d.dismiss()));
  await page.goto(opts.url ?? served.server.url);
  if (opts.empty) await page.getByRole('listbox', { name: 'Claims' }).getByText('This case has no claims yet.').waitFor();
  else await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor();
  return page;
}

const nav = navButton;
const menu = (page: Page) => page.getByRole('button', { name: 'Menu' });

/** Goes to a main view through the navigation (opening the Menu first where the sidebar is a bar). */
async function go(page: Page, name: string): Promise<void> {
  if ((await menu(page).isVisible()) && (await menu(page).getAttribute('aria-expanded')) !== 'true') await menu(page).click();
  await nav(page, name).click();
}

async function openClaim(page: Page, text: string): Promise<void> {
  await go(page, 'Claims');
  await page.getByLabel('Filter by text').fill(text);
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: text }).first().click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
}

const H800 = 'H800';

const VIEWS: { name: string; show(page: Page): Promise<void> }[] = [
  {
    name: 'claims',
    show: async (p) => {
      await go(p, 'Claims');
      await p.getByLabel('Filter by text').fill('');
      await expect.poll(() => p.getByText('23 claims').count()).toBe(1);
    },
  },
  { name: 'claim', show: (p) => openClaim(p, H800) },
  {
    name: 'sources',
    show: async (p) => {
      await go(p, 'Sources');
      await p.getByRole('table', { name: 'Source list' }).locator('tbody').getByRole('button').nth(3).click();
      await p.getByRole('heading', { name: 'Claims citing this source' }).waitFor();
    },
  },
  {
    name: 'search',
    show: async (p) => {
      await go(p, 'Search');
      await p.getByLabel('Search the case').fill('chips');
      await p.locator('mark').first().waitFor();
    },
  },
  {
    name: 'briefings',
    show: async (p) => {
      await go(p, 'Briefings');
      await p.getByLabel('Choose claims by').selectOption('picked');
      await p.getByRole('list', { name: 'Claims' }).getByRole('checkbox').first().waitFor();
    },
  },
  { name: 'calibration', show: async (p) => void (await go(p, 'Calibration'), await p.getByRole('heading', { name: 'Calibration', level: 1 }).waitFor()) },
  { name: 'transfer', show: async (p) => void (await go(p, 'Import / Export'), await p.getByRole('heading', { name: 'Import / Export', level: 1 }).waitFor()) },
  { name: 'trash', show: async (p) => void (await go(p, 'Trash'), await p.getByRole('heading', { name: 'Trash', level: 1 }).waitFor()) },
  { name: 'settings', show: async (p) => void (await go(p, 'Settings'), await p.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()) },
];

/** How far the page scrolls sideways (0: it does not). */
const sideways = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('layout from 760 px to 2,560 px and at 200% zoom', () => {
  it('no main view scrolls sideways and axe-core finds no serious or critical violation, in light and dark; screenshots at two widths', async () => {
    const overflow: Record<string, number> = {};
    const axe: Record<string, unknown> = {};
    for (const screen of [W760, W1280, ZOOM200, W2560])
      for (const theme of ['light', 'dark'] as const) {
        if (screen === W2560 && theme === 'dark') continue;
        const page = await open(screen, { theme });
        for (const v of VIEWS) {
          await v.show(page);
          const key = `${v.name} @${screen.name} ${theme}`;
          overflow[key] = await sideways(page);
          if (screen !== W2560) axe[key] = await axeViolations(page);
          if (theme === 'light' && (screen === W760 || screen === W1280))
            await page.screenshot({ path: artifactPath(`screens/${v.name}-${screen.name}.png`), fullPage: true });
          if (theme === 'dark' && screen === W1280) await page.screenshot({ path: artifactPath(`screens/${v.name}-${screen.name}-dark.png`) });
          if (screen === ZOOM200 && theme === 'light') await page.screenshot({ path: artifactPath(`screens/${v.name}-zoom200.png`) });
        }
        expect(errorsOf.get(page)).toEqual([]);
        await page.context().close();
      }
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((k) => [k, 0])));
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
    expect(Object.keys(axe)).toHaveLength(VIEWS.length * 3 * 2);
  });

  it('the 200% emulation really doubles CSS pixels: 640 CSS px wide, drawn at 1,280 device pixels', async () => {
    const page = await open(ZOOM200);
    expect(await page.evaluate<number[]>('[innerWidth, devicePixelRatio, innerWidth * devicePixelRatio]')).toEqual([640, 2, 1280]);
    await page.context().close();
  });

  it('below 900 px the sidebar is a bar: Menu shows and hides the views; at 1,280 px there is no Menu', async () => {
    const narrow = await open(W760);
    await expect.poll(() => nav(narrow, 'Sources').isVisible()).toBe(false);
    expect(await menu(narrow).getAttribute('aria-expanded')).toBe('false');
    await menu(narrow).click();
    await expect.poll(() => nav(narrow, 'Sources').isVisible()).toBe(true);
    await nav(narrow, 'Sources').click();
    await narrow.getByRole('heading', { name: 'Sources', level: 1 }).waitFor();
    await expect.poll(() => nav(narrow, 'Sources').isVisible()).toBe(false); // choosing a view closes the menu
    const bar = await box(narrow, 'nav.sidebar');
    expect(bar.width).toBe(760);
    expect(bar.height).toBeLessThan(120);
    await narrow.context().close();
    const wide = await open(W1280);
    expect(await menu(wide).isVisible()).toBe(false);
    expect(await nav(wide, 'Sources').isVisible()).toBe(true);
    expect((await box(wide, 'nav.sidebar')).width).toBeLessThan(260);
    await wide.context().close();
  });

  it('checkboxes keep their size: the import form’s header box and the briefing’s hand-picked list (no sideways scrollbar clipping the text)', async () => {
    for (const screen of [W760, W1280]) {
      const page = await open(screen);
      await go(page, 'Import / Export');
      await page.getByLabel('Import file').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from('text,claimant\nA claim,Someone\n') });
      const header = page.getByLabel('First row is a header');
      await header.waitFor();
      const hb = (await header.boundingBox())!;
      expect(hb.width).toBeLessThan(30);
      const label = (await page.getByText('First row is a header', { exact: true }).boundingBox())!;
      expect(Math.abs(label.y + label.height / 2 - (hb.y + hb.height / 2))).toBeLessThan(8); // on one line, beside its box
      expect(label.x).toBeGreaterThan(hb.x + hb.width - 1);

      await go(page, 'Briefings');
      await page.getByLabel('Choose claims by').selectOption('picked');
      const list = page.getByRole('list', { name: 'Claims' });
      const first = list.getByRole('checkbox').first();
      await first.waitFor();
      expect((await first.boundingBox())!.width).toBeLessThan(30);
      expect(await list.evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth - (el as unknown as { clientWidth: number }).clientWidth)).toBe(0);
      const item = (await list.getByRole('listitem').first().boundingBox())!;
      expect((await first.boundingBox())!.x).toBeGreaterThanOrEqual(item.x); // the box and the first letter are inside the list
      await first.check();
      await expect.poll(() => page.getByText('1 picked').count()).toBe(1);
      await page.context().close();
    }
  });
});

describe('the claim page', () => {
  it('shows judgment and evidence side by side at 1,280 px and one column at 760 px; On this page jumps to each part', async () => {
    const wide = await open(W1280);
    await openClaim(wide, H800);
    const judgment = await box(wide, '#judgment-title');
    const evidence = await box(wide, '#evidence-title');
    expect(evidence.x).toBeGreaterThan(judgment.x + 300);
    expect(Math.abs(evidence.y - judgment.y)).toBeLessThan(40);
    expect(judgment.y).toBeLessThan(900); // both in the first screen
    const parts = wide.getByRole('navigation', { name: 'On this page' });
    for (const [button, heading] of [
      ['History', '#history-title'],
      ['Breakdown', '#breakdown-title'],
      ['Disputes (1)', '#disputes-title'],
      ['Judgment', '#judgment-title'],
    ] as const) {
      await parts.getByRole('button', { name: button }).click();
      await expect.poll(() => wide.evaluate<string>('document.activeElement?.id ?? ""')).toBe(heading.slice(1));
      await expect.poll(async () => (await box(wide, heading)).y).toBeLessThan(300); // scrolled to, not just focused
      const bar = await box(wide, 'nav.section-nav');
      expect((await box(wide, heading)).y).toBeGreaterThan(bar.y + bar.height - 1); // below the sticky bar, not under it
    }
    // The jump bar stays at the top while the page scrolls.
    await expect.poll(async () => (await box(wide, 'nav.section-nav')).y).toBeLessThan(5);
    await wide.context().close();

    const narrow = await open(W760);
    await openClaim(narrow, H800);
    const j = await box(narrow, '#judgment-title');
    const e = await box(narrow, '#evidence-title');
    expect(e.y).toBeGreaterThan(j.y + 200);
    expect(Math.abs(e.x - j.x)).toBeLessThan(5);
    await narrow.getByRole('navigation', { name: 'On this page' }).getByRole('button', { name: /^Evidence/ }).click();
    await expect.poll(async () => (await box(narrow, '#evidence-title')).y).toBeLessThan(200);
    await narrow.context().close();
  });

  it('the chart has a time axis; history entries name the item and show the text added', async () => {
    const page = await open(W1280);
    await openClaim(page, H800);
    const axis = page.getByTestId('time-axis');
    await expect.poll(() => axis.locator('text').count()).toBeGreaterThan(0);
    expect(await axis.locator('text').first().textContent()).toMatch(/^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2} \d{2}:\d{2})$/);
    const timeline = page.getByRole('list', { name: 'History timeline' });
    await expect.poll(() => timeline.getByText(/^Evidence added: .+, “.+”$/).count()).toBeGreaterThan(0);
    const title = (await timeline.getByText(/^Evidence added: /).first().textContent())!;
    const source = title.replace(/^Evidence added: /, '').replace(/, “.*$/, '');
    expect(await page.getByRole('region', { name: /^Evidence/ }).getByRole('button', { name: source }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('disputes: raised-on date, evidence linked when opening, an outcome on resolving, then a prompt to review the status; answers and outcome in the history', async () => {
    const page = await open(W1280);
    await openClaim(page, H800);
    const disputes = page.getByRole('region', { name: /^Disputes/ });
    await expect.poll(() => disputes.getByText(/raised on \d{4}-\d{2}-\d{2}/).count()).toBe(1);
    await disputes.getByRole('button', { name: 'Open dispute' }).click();
    const form = page.getByRole('form', { name: 'Open a dispute' });
    await form.getByLabel('Raised by').fill('Analyst B');
    await form.getByLabel('Position').fill('The H20 figure comes from one unnamed executive.');
    const choices = form.getByRole('group', { name: 'Evidence this dispute concerns (optional)' }).getByRole('checkbox');
    await expect.poll(() => choices.count()).toBe(7);
    const chosen = form.locator('fieldset label').nth(2);
    const chosenLabel = (await chosen.innerText()).trim();
    await chosen.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Disputes (2)' }).count()).toBe(1);
    const card = disputes.locator('.dispute').filter({ hasText: 'Analyst B' });
    const linked = card.getByRole('list', { name: 'Evidence this dispute concerns' });
    await expect.poll(() => linked.getByRole('listitem').count()).toBe(1);
    expect(chosenLabel).toContain((await linked.getByRole('button').innerText()).slice(0, 30));
    expect(await card.innerText()).toMatch(/raised on \d{4}-\d{2}-\d{2}/);

    await card.getByRole('button', { name: 'Respond' }).click();
    await card.getByLabel('Response author').fill('DeepSeek');
    await card.getByLabel('Response', { exact: true }).fill('Two outlets quote the same executive; it is one origin.');
    await card.getByRole('button', { name: 'Send response' }).click();
    const timeline = page.getByRole('list', { name: 'History timeline' });
    await expect.poll(() => timeline.getByText('Dispute answered: DeepSeek').count()).toBe(1);
    await expect.poll(() => timeline.getByText('Two outlets quote the same executive; it is one origin.').count()).toBe(1);
    await expect.poll(() => timeline.getByText('Dispute opened: Analyst B').count()).toBe(1);

    await card.getByRole('button', { name: 'Resolve' }).click();
    await card.getByLabel('Resolution').fill('Noted as one origin; the claim stays unverified for now.');
    await card.getByRole('button', { name: 'Resolve dispute' }).click();
    await expect.poll(() => card.getByRole('alert').innerText()).toMatch(/Choose the outcome/); // not without an outcome
    await card.getByLabel('Outcome').selectOption('partly');
    await card.getByRole('button', { name: 'Resolve dispute' }).click();
    const prompt = disputes.getByRole('status').filter({ hasText: 'Dispute resolved' });
    await expect.poll(() => prompt.innerText()).toMatch(/partly upheld.*status is still unverified/s);
    await expect.poll(() => card.innerText()).toMatch(/Resolved on \d{4}-\d{2}-\d{2}, partly upheld: Noted as one origin/);
    await expect.poll(() => timeline.getByText('Dispute resolved: partly upheld').count()).toBe(1);
    await prompt.getByRole('button', { name: 'Review the status' }).click();
    await expect.poll(() => page.evaluate<string>('document.activeElement?.closest("section")?.getAttribute("aria-labelledby") ?? ""')).toBe('status-title');
    await expect.poll(() => disputes.getByRole('status').filter({ hasText: 'Dispute resolved' }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('screens/claim-disputes-1280.png') });
    await page.context().close();
  });
});

describe('lists', () => {
  it('the claim list shows analytic confidence, plain (not bold) titles, and empty states that say what to do', async () => {
    const page = await open(W1280);
    const list = page.getByRole('listbox', { name: 'Claims' });
    await expect.poll(() => list.getByText(/^(low|moderate|high) confidence$/).count()).toBeGreaterThan(0);
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.claim-row .row-text')).fontWeight`)).toBe('400');
    await page.getByLabel('Filter by text').fill('zzqxv no such claim');
    await expect.poll(() => list.getByText('No claims match these filters.').count()).toBe(1);
    expect(await list.innerText()).toMatch(/Search looks through all of them/);
    await list.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.getByText('23 claims').count()).toBe(1);
    expect(await page.getByLabel('Filter by text').inputValue()).toBe('');
    await page.context().close();

    const empty = await serveCase({});
    try {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.goto(empty.server.url);
      const l = p.getByRole('listbox', { name: 'Claims' });
      await expect.poll(() => l.getByText('This case has no claims yet.').count()).toBe(1);
      await l.getByRole('button', { name: 'Import claims' }).click();
      await p.getByRole('heading', { name: 'Import / Export', level: 1 }).waitFor();
      await p.close();
    } finally {
      await empty.close();
    }
  });

  it('sources: a table with publisher, date, address and citations, sortable by each column; citing claims listed once with their item count', async () => {
    const page = await open(W1280);
    await go(page, 'Sources');
    const table = page.getByRole('table', { name: 'Source list' });
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['Title', 'Grade', 'Publisher', 'Published', 'Address', 'Cited']);
    await expect.poll(() => table.getByRole('cell', { name: 'DeepSeek', exact: true }).count()).toBe(1); // a publisher
    await expect.poll(() => table.getByRole('cell', { name: '2024-09-10' }).count()).toBe(1); // a date
    const cited = () => table.locator('tbody tr td:last-child').allInnerTexts().then((xs) => xs.map(Number));
    const titles = () => table.locator('tbody tr td:first-child').allInnerTexts();
    await table.getByRole('button', { name: 'Cited' }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: /Cited/ }).getAttribute('aria-sort')).toBe('descending');
    const desc = await cited();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]!);
    await table.getByRole('button', { name: 'Cited' }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: /Cited/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await cited()).toEqual([...desc].reverse().sort((a, b) => a - b));
    await table.getByRole('button', { name: 'Title' }).click();
    const t = await titles();
    expect(t).toEqual([...t].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await table.getByRole('button', { name: 'Published' }).click();
    const dates = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(dates.slice(0, 2)).toEqual(['2024-05-29', '2024-09-10']); // dated first, the undated after
    expect(dates.slice(2).every((d) => d === '—')).toBe(true);

    // The brief cites many items, several for one claim: each claim once, with its count.
    await table.getByRole('button', { name: /^DeepSeek’s emergence has introduced fresh challenges/ }).click();
    const citing = page.getByRole('list', { name: 'Claims citing this source' });
    await expect.poll(() => citing.getByRole('listitem').count()).toBeGreaterThan(3);
    const rows = await citing.getByRole('listitem').allInnerTexts();
    const claims = rows.map((r) => r.replace(/ \d+ items?: .*$/, ''));
    expect(new Set(claims).size).toBe(claims.length);
    const counts = rows.map((r) => Number(/ (\d+) items?: /.exec(r)![1]));
    expect(counts.some((n) => n > 1)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Number((await table.getByRole('row', { name: /DeepSeek’s emergence/ }).locator('td:last-child').innerText()).trim()));
    await page.context().close();
  });

  it('the trash says who trashed each claim, when, and why', async () => {
    const page = await open(W1280);
    await openClaim(page, 'Jevons');
    await page.getByRole('button', { name: 'Move to trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move claim to trash' });
    await dialog.getByLabel('Reason (optional)').fill('Merged into the chip-demand claim.');
    await dialog.getByRole('button', { name: 'Move to trash' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The sidebar now counts the trashed claim: "Trash (1)" (navButton matches it).
    await expect.poll(() => nav(page, 'Trash').innerText()).toMatch(/^Trash \(1\)$/);
    await go(page, 'Trash');
    const deleted = page.getByRole('list', { name: 'Deleted claims' });
    await expect.poll(() => deleted.getByText('Reason: Merged into the chip-demand claim.').count()).toBe(1);
    expect(await deleted.getByRole('listitem').first().innerText()).toMatch(/deleted \d{4}-\d{2}-\d{2} by e2e/);
    await deleted.getByRole('button', { name: /^Restore claim/ }).first().click();
    await expect.poll(() => page.getByText('No deleted claims.').count()).toBe(1);
    await page.context().close();
  });
});

describe('first start', () => {
  it('welcomes with the score in three sentences until dismissed (remembered across reloads)', async () => {
    const page = await open(W1280, { welcome: true });
    const welcome = page.getByRole('region', { name: 'Welcome to ClaimTrail' });
    await welcome.waitFor();
    const text = await welcome.locator('p').first().innerText();
    expect(text.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(3);
    expect(text).toMatch(/prior/);
    expect(text).toMatch(/reliability \(A–F\)/);
    expect(text).toMatch(/analytic confidence/);
    expect(await welcome.innerText()).toMatch(/claimtrail init .* --sample/); // this case is not the sample: how to get it
    await page.screenshot({ path: artifactPath('screens/welcome-1280.png') });
    await welcome.getByRole('button', { name: 'Got it, hide this' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
    await page.reload();
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor();
    expect(await page.getByRole('region', { name: 'Welcome to ClaimTrail' }).count()).toBe(0);
    await page.context().close();
  });

  it('in web mode, switches to the sample case the server made on first start (a recent case), then opens a sample claim', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'sample.claimtrail');
    ensureSample(path);
    const userDir = tempDir();
    rememberCase(path, userDir);
    const blank = tempCase({ actor: 'e2e' });
    blank.close();
    const server: RunningServer = await startServer({ casePath: blank.path, staticDir: STATIC_DIR, actor: 'e2e', signingDir: tempDir(), userDir });
    try {
      const page = await open(W1280, { welcome: true, url: server.url, empty: true });
      const welcome = page.getByRole('region', { name: 'Welcome to ClaimTrail' });
      await welcome.getByRole('button', { name: 'Open the sample case' }).click();
      await expect.poll(() => page.getByRole('region', { name: 'Welcome to ClaimTrail' }).innerText()).toMatch(/This is the sample case/);
      await welcome.getByRole('button', { name: 'Open a sample claim' }).click();
      await page.getByRole('heading', { name: 'Per-evidence breakdown' }).waitFor();
      await expect.poll(() => page.getByRole('heading', { name: /^Evidence \((\d+)\)$/ }).innerText()).toMatch(/\((\d{2,}|[5-9])\)/);
      await page.context().close();
    } finally {
      await server.close();
    }
  });
});
