/**
 * A bad stored briefing never breaks the Briefings view (issue 12.2), in real Chromium over web mode:
 * a crafted stored row is refused with a clear message while the other versions still open, and a
 * briefing the view cannot lay out is caught by its error boundary while the rest keeps working.
 */
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';
import { navButton } from './nav';

let damagedId = '';
const app = useApp({
  sample: true,
  prepare(tc) {
    tc.api.invoke('briefings.save', { selection: { tag: 'chips' }, title: 'Good version' });
    damagedId = tc.api.invoke('briefings.save', { selection: { tag: 'chips' }, title: 'Crafted version' }).id;
    // What a crafted case file or JSON import can store: a fake judgment and a markup footnote number.
    const row = tc.handle.db.prepare('SELECT snapshot FROM briefings WHERE id = ?').get(damagedId) as { snapshot: string };
    const m = JSON.parse(row.snapshot) as { briefing: { judgments: Record<string, unknown>[] } };
    Object.assign(m.briefing.judgments[0]!, { probability: 0.99, band: 'likely' });
    (m.briefing.judgments[0]!.evidence as { footnote: unknown }[])[0]!.footnote = '<img src=x onerror=alert(1)>';
    tc.handle.db.prepare('UPDATE briefings SET snapshot = ? WHERE id = ?').run(JSON.stringify(m), damagedId);
  },
});

const open = async () => {
  const page = app.page;
  await navButton(page, 'Briefings').click();
  await page.getByLabel('Tag', { exact: true }).selectOption('chips');
  const versions = page.getByRole('list', { name: 'Saved versions' });
  await expect.poll(() => versions.getByRole('listitem').count()).toBe(2);
  return versions;
};

describe('Briefings view with a damaged stored briefing', () => {
  it('refuses the crafted version with a clear message; the good one still opens', async () => {
    const page = app.page;
    const versions = await open();
    await versions.getByRole('button', { name: /Version 2: Crafted version/ }).click();
    await expect.poll(() => page.getByText(new RegExp(`saved briefing ${damagedId} is damaged and will not be shown`)).count()).toBe(1);
    await expect.poll(() => page.getByText(/judgments\.0\.band|judgments\.0\.evidence\.0\.footnote/).count()).toBe(1);
    await expect.poll(() => page.getByRole('article', { name: 'Briefing preview' }).count()).toBe(0);
    await versions.getByRole('button', { name: /Version 1: Good version/ }).click();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Key judgments' }).count()).toBe(1);
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.dialogs).toEqual([]);
  });

  it('a briefing the view cannot lay out is contained by the error boundary; the view keeps working', async () => {
    const page = app.page;
    const versions = await open();
    // A model that got past every check (say, from an older or newer build): a list whose item is not a list of runs.
    await page.route('**/api/briefings.get', async (route) => {
      const real = (await (await route.fetch()).json()) as { ok: boolean; value: { blocks: unknown[] } };
      real.value.blocks = [{ kind: 'list', ordered: false, items: [null] }];
      await route.fulfill({ json: real });
    });
    await versions.getByRole('button', { name: /Version 1: Good version/ }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'This briefing cannot be shown:' }).count()).toBe(1);
    await page.unroute('**/api/briefings.get');
    // The rest of the view still works: a fresh preview renders.
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Key judgments' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'cannot be shown' }).count()).toBe(0);
    await navButton(page, 'Claims').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText()).not.toBe('Briefings');
  });
});
