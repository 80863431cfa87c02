import { describe, expect, it } from 'vitest';
import { eventChanges, eventTitle } from '../../renderer/src/lib/events';

describe('quote.lost in the history timeline', () => {
  it('is titled and says which captures', () => {
    expect(eventTitle('quote.lost')).toBe('Quote no longer in the source');
    const payload = { sourceId: 's', captureId: 'c2', capturedAt: '2026-03-05T10:00:00.000Z', lastFoundInCaptureId: 'c1', lastFoundCapturedAt: '2026-03-01T09:00:00.000Z' };
    expect(eventChanges({ payload })).toBe('not in the capture of 2026-03-05; last found in the capture of 2026-03-01');
  });
});
