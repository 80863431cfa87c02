import { describe, expect, it } from 'vitest';
import { describeEvent, eventChanges, eventTitle } from '../../renderer/src/lib/events';

describe('quote.lost in the history timeline', () => {
  it('is titled and says which captures', () => {
    expect(eventTitle('quote.lost')).toBe('Quote no longer in the source');
    const payload = { sourceId: 's', captureId: 'c2', capturedAt: '2026-03-05T10:00:00.000Z', lastFoundInCaptureId: 'c1', lastFoundCapturedAt: '2026-03-01T09:00:00.000Z' };
    expect(eventChanges({ payload })).toBe('not in the capture of 2026-03-05; last found in the capture of 2026-03-01');
  });
});

describe('history entries name the item and show the text added (issue 20)', () => {
  const names = {
    sourceTitle: (id: string) => ({ s1: 'Reuters', s2: 'Financial Times' })[id],
    evidence: (id: string) => (id === 'e2' ? { sourceId: 's2', excerpt: 'Edited quote' } : undefined),
  };
  const quote = 'The company said it used 2,048 H800 chips for the final training run, at about USD6mn.';
  it('evidence: the source and the start of the quote (from the event, else the current item)', () => {
    const added = describeEvent({ kind: 'evidence.added', entityId: 'e1', payload: { after: { sourceId: 's1', excerpt: quote } } }, names);
    expect(added.title).toBe('Evidence added: Reuters, “The company said it used 2,048 H800 chips for the final tra…”');
    expect(added.added).toBe(quote);
    const edited = describeEvent({ kind: 'evidence.updated', entityId: 'e2', payload: { before: { credibility: 3 }, after: { credibility: 2 } } }, names);
    expect(edited).toEqual({ title: 'Evidence edited: Financial Times, “Edited quote”', added: '' });
    const removed = describeEvent({ kind: 'evidence.removed', entityId: 'e9', payload: { before: { sourceId: 'gone', excerpt: '' } } }, names);
    expect(removed.title).toBe('Evidence removed: a source');
  });
  it('disputes: who raised or answered it, the answer in full, the outcome', () => {
    expect(describeEvent({ kind: 'dispute.opened', entityId: 'd', payload: { after: { raisedBy: 'Critics', position: 'Excludes salaries.' } } }, names)).toEqual({
      title: 'Dispute opened: Critics',
      added: 'Excludes salaries.',
    });
    expect(describeEvent({ kind: 'dispute.response', entityId: 'd', payload: { after: { author: 'DeepSeek', text: 'Final run only, as stated.' } } }, names)).toEqual({
      title: 'Dispute answered: DeepSeek',
      added: 'Final run only, as stated.',
    });
    expect(describeEvent({ kind: 'dispute.resolved', entityId: 'd', payload: { after: { status: 'resolved', outcome: 'partly' } } }, names).title).toBe('Dispute resolved: partly upheld');
    expect(describeEvent({ kind: 'claim.status', entityId: 'c', payload: {} }, names)).toEqual({ title: 'Status changed', added: '' });
  });
});
