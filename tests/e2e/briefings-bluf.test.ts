/**
 * The BLUF in the Briefings view (real Chromium, web mode): a drafted BLUF stays a draft through
 * Preview, is marked "Draft BLUF", and is drafted anew for another selection; only typing makes it
 * the analyst's text. The version list says "1 claim", not "1 claims".
 */
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';

const app = useApp({ sample: true });

describe('Briefings view: draft and analyst BLUF', () => {
  it('Preview never turns a draft into analyst text, and another selection re-drafts it', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
    const tag = page.getByLabel('Tag', { exact: true });
    await tag.selectOption('chips');
    const bluf = page.getByLabel('Bottom line up front (BLUF)');
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    const draftMark = preview.getByText('Draft BLUF:', { exact: true });

    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => draftMark.count()).toBe(1);
    const chipsDraft = await bluf.inputValue();
    expect(chipsDraft).toMatch(/\(KJ\d+\)/);
    await expect.poll(() => page.getByText(/^Draft BLUF, drafted from the strongest judgments/).count()).toBe(1);

    // Pressing Preview again (and saving) keeps it a draft.
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem').count()).toBe(1);
    await expect.poll(() => draftMark.count()).toBe(1);

    // Another selection: the old draft is gone; the next preview drafts for the new claims.
    await tag.selectOption('cost');
    await expect.poll(() => preview.count()).toBe(0);
    await expect.poll(() => bluf.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => draftMark.count()).toBe(1);
    const costDraft = await bluf.inputValue();
    expect(costDraft).toMatch(/\(KJ\d+\)/);
    expect(costDraft).not.toBe(chipsDraft);

    // Typing makes it the analyst's: no draft mark, and the checker sees the analyst's words.
    await bluf.fill('The cost figure is disputed (KJ7).');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => draftMark.count()).toBe(0);
    await expect.poll(() => preview.innerText()).toContain('The cost figure is disputed (KJ7).');
    await expect
      .poll(() => page.getByRole('note', { name: 'Estimative-language warnings' }).innerText())
      .toMatch(/BLUF: KJ7 is not a key judgment of this note/);
    // Clearing the text goes back to a draft.
    await bluf.fill('');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => draftMark.count()).toBe(1);
    expect(app.watch.errors).toEqual([]);
  });

  it('the version list counts claims in words that agree', async () => {
    const page = app.page;
    await page.getByLabel('Tag', { exact: true }).selectOption('chips');
    const item = page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem').first();
    await expect.poll(() => item.innerText()).toMatch(/\(\d+ claims?\)$/);
    await expect.poll(() => page.getByRole('list', { name: 'Saved versions' }).innerText()).not.toMatch(/\(1 claims\)/);
  });
});
