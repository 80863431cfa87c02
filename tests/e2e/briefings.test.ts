/** The briefing builder in a real Chromium over web mode: pick a tag, preview, edit the BLUF, save, export. */
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';

const app = useApp({ sample: true });

describe('Briefings view', () => {
  it('previews, checks the BLUF, saves versions and downloads Markdown', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
    await page.getByLabel('Tag', { exact: true }).selectOption('chips');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Key judgments' }).count()).toBe(1);
    await expect.poll(() => preview.getByRole('heading', { name: 'KJ1', exact: true }).count()).toBe(1);
    await expect.poll(() => preview.getByRole('list', { name: 'Footnotes' }).innerText()).toMatch(/\(B2\)/);

    const bluf = page.getByLabel('Bottom line up front (BLUF)');
    await expect.poll(() => bluf.inputValue()).toMatch(/\(KJ\d+\)/); // cites the judgments it drafts from
    await bluf.fill('DeepSeek might have more chips (KJ1).');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByRole('note', { name: 'Estimative-language warnings' }).innerText()).toMatch(/BLUF: “might” is vague/);

    await page.getByRole('button', { name: 'Save version' }).click();
    await page.getByRole('button', { name: 'Save version' }).click();
    const versions = page.getByRole('list', { name: 'Saved versions' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => preview.innerText()).toMatch(/Compared with the briefing saved on/);

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export MD' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^briefing-note-\d{4}-\d{2}-\d{2}\.md$/);
    expect(app.watch.dialogs).toEqual([]);
    expect(app.watch.errors).toEqual([]);
  });
});
