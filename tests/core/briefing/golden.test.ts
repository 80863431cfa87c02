import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleCase } from './fixtures';

const GOLDEN = new URL('../../fixtures/briefing/sample-deepseek.md', import.meta.url);

describe('Markdown briefing of the sample case (golden file)', () => {
  const c = sampleCase();
  afterAll(() => c.close());

  it('matches tests/fixtures/briefing/sample-deepseek.md (UPDATE_GOLDEN=1 rewrites it)', () => {
    // The sample's ACH board on the chips question appears as its matrix and reading (issue 18).
    const boardIds = c.api.invoke('ach.list', {}).map((x) => x.id);
    expect(boardIds).toHaveLength(1);
    const { markdown } = c.api.invoke('briefings.compose', {
      selection: { query: '"chips"', boardIds }, // exact word: stemmed chips would also select "chip demand" (issue 20)
      title: 'DeepSeek: chips and training cost',
    });
    // The Markdown carries no ids; the clock is fixed, so the text is stable except for the history
    // head (event ids are random): it must be the case's real head, and the golden file says <HEAD>.
    expect(markdown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const { headHash, events } = c.api.invoke('history.verify', {});
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(markdown).toContain(`History head ${headHash} (${events} events).`);
    const stable = markdown.replace(headHash!, '<HEAD>');
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, stable);
    expect(stable).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has every section of DESIGN §5, in order', () => {
    const { markdown } = c.api.invoke('briefings.compose', { selection: { query: 'chips' } });
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Bottom line up front',
      'Key judgments',
      'Evidence and sourcing',
      'Disputes and how the judgments changed',
      'Source summary',
      'Intelligence gaps',
      'Changes since the previous briefing',
      'Notes',
      'Sources',
    ]);
  });
});
