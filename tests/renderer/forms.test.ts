/** The claim form's conversions and the per-field split of API errors. */
import { describe, expect, it } from 'vitest';
import { CLAIM_FIELDS, claimInput, draftOf, priorMessage } from '../../renderer/src/lib/claim-form';
import { evidenceDraftOf, evidenceInput } from '../../renderer/src/lib/evidence-form';
import { fieldErrors } from '../../renderer/src/lib/field-errors';
import { scopedErrors, withPrefix } from '../../renderer/src/lib/form-input';
import { sourceDraftOf, sourceInput } from '../../renderer/src/lib/source-form';
import { tempCase } from '../helpers';

const claim = {
  id: 'c1', text: 'Training cost USD6mn', claimant: 'DeepSeek', claimedAt: '2024-12', context: 'technical report',
  tags: ['cost', 'compute'], prior: 1 / 3, notes: 'n', quantity: { value: 6, unit: 'million USD', scope: 'final run', asOf: null },
  kind: 'forecast', kindRationale: 'about next year',
} as unknown as Parameters<typeof draftOf>[0];

describe('claim form', () => {
  it('shows a claim as text boxes and turns them back into the same claim', () => {
    const d = draftOf(claim);
    expect(d).toMatchObject({ prior: '33.3', context: 'technical report', qtyValue: '6', qtyUnit: 'million USD', qtyScope: 'final run', qtyAsOf: '' });
    const built = claimInput(d, d);
    expect(built.input).toEqual({
      text: 'Training cost USD6mn', claimant: 'DeepSeek', claimedAt: '2024-12', context: 'technical report', tags: ['cost', 'compute'],
      notes: 'n', quantity: { value: 6, unit: 'million USD', scope: 'final run', asOf: null },
      kind: 'forecast', kindRationale: 'about next year',
    });
  });
  it('sends the prior only when changed, as a probability', () => {
    const d = draftOf(claim);
    expect(claimInput({ ...d, prior: '40' }, d).input?.prior).toBe(0.4);
    expect(claimInput(draftOf()).input?.prior).toBe(0.5);
  });
  it('empty quantity boxes clear the quantity; a value that is no number is refused here', () => {
    const d = { ...draftOf(claim), qtyValue: '', qtyUnit: ' ', qtyScope: '', qtyAsOf: '' };
    expect(claimInput(d).input?.quantity).toBeNull();
    expect(claimInput({ ...d, qtyUnit: 'USD' }).errors).toEqual({ 'quantity.value': expect.stringMatching(/must be a number/) });
    expect(claimInput({ ...d, qtyValue: '1,200', qtyUnit: 'USD' }).errors?.['quantity.value']).toMatch(/no thousands separators/);
    expect(claimInput({ ...d, prior: 'fifty' }).errors?.prior).toMatch(/percentage/);
    expect(claimInput({ ...d, qtyValue: '-2.5e3', qtyUnit: 'USD' }).input?.quantity).toEqual({ value: -2500, unit: 'USD', scope: null, asOf: null });
  });
  it('glosses the API prior message in percentages', () => {
    expect(priorMessage('must be below 1', '150')).toBe('must be below 1 (the prior is a probability: 150% is 1.5; give a percentage above 0 and below 100)');
    expect(priorMessage(undefined, '150')).toBeUndefined();
  });
});

describe('source and evidence forms', () => {
  it('complete the address, read the date, and start at the stated default grades', () => {
    const d = { ...sourceDraftOf(), title: 'Report', url: 'reuters.com/x', publishedAt: 'Jan 27, 2025', authors: ' A \n\nB ' };
    expect(sourceInput(d).input).toMatchObject({ url: 'https://reuters.com/x', publishedAt: '2025-01-27', authors: ['A', 'B'], reliability: 'F' });
    expect(sourceInput({ ...d, url: 'javascript:alert(1)', publishedAt: '31/02/2025' }).errors).toEqual({
      url: 'javascript addresses are not kept; use http(s), mailto, doi or urn',
      publishedAt: 'February 2025 has no day 31 (it has 28 days)',
    });
    expect(evidenceDraftOf().credibility).toBe('6');
    expect(evidenceInput({ ...evidenceDraftOf(), weight: 'lots' }).errors).toEqual({ weight: 'must be a number from 0 to 2 (1 is normal)' });
  });
  it('claim dates are read as people write them; an unreadable one is refused at its field', () => {
    const d = { ...draftOf(claim), claimedAt: '28 Jan 2025', qtyAsOf: 'March 2025' };
    expect(claimInput(d).input).toMatchObject({ claimedAt: '2025-01-28', quantity: { asOf: '2025-03' } });
    expect(claimInput({ ...d, claimedAt: 'last week' }).errors?.claimedAt).toMatch(/not a date I can read/);
  });
  it('moves a part\'s errors under its prefix and back', () => {
    const local = withPrefix('firstEvidence', { weight: 'w', 'newSource.title': 't' });
    expect(local).toEqual({ 'firstEvidence.weight': 'w', 'firstEvidence.newSource.title': 't' });
    expect(scopedErrors(scopedErrors({ ...local, text: 'x' }, 'firstEvidence'), 'newSource')).toEqual({ title: 't' });
  });
});

describe('API errors next to their fields', () => {
  it('places each issue of a real claims.update refusal under its field', () => {
    const tc = tempCase({ sample: true });
    try {
      const { api } = tc;
      const id = api.invoke('claims.list', {}).items[0]!.id;
      const r = api.call('claims.update', { id, prior: 1.5, tags: ['a,b'], quantity: { value: 3, unit: '', asOf: '20 May' } });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const err = Object.assign(new Error(r.error.message), { issues: r.error.issues });
      const split = fieldErrors(err, CLAIM_FIELDS);
      expect(split.byField).toEqual({
        prior: 'must be below 1',
        tags: 'must not contain a comma or line break',
        'quantity.unit': 'must not be empty',
        'quantity.asOf': 'must be a date like 2025-01-20 (or 2025-01, or 2025)',
      });
      expect(split.rest).toBeNull();
    } finally {
      tc.close();
    }
  });
  it('places a handler\'s own refusal by its issue path, never by reading the message', () => {
    const tc = tempCase({ sample: true });
    try {
      const id = tc.api.invoke('claims.list', {}).items[0]!.id;
      const r = tc.api.call('claims.setStatus', { id, status: 'refuted' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.issues).toEqual([{ path: ['rationale'], message: 'changing the status to refuted needs a rationale' }]);
      expect(r.error.message).toBe('rationale: changing the status to refuted needs a rationale');
      const err = Object.assign(new Error(r.error.message), { issues: r.error.issues });
      expect(fieldErrors(err, ['status', 'rationale'])).toEqual({ byField: { rationale: 'changing the status to refuted needs a rationale' }, rest: null });
    } finally {
      tc.close();
    }
  });
  it('keeps what names no listed field for the whole form; a message alone is never split', () => {
    const withIssues = (issues: unknown[]) => Object.assign(new Error('x'), { issues });
    expect(fieldErrors(withIssues([{ path: ['rationale'], message: 'needed' }]), ['prior'])).toEqual({ byField: {}, rest: 'rationale: needed' });
    expect(fieldErrors(withIssues([{ path: ['tags', '3'], message: 'bad' }, { path: ['tags', '4'], message: 'worse' }]), ['tags'])).toEqual({ byField: { tags: 'bad; worse' }, rest: null });
    expect(fieldErrors(new Error('prior: must be above 0'), ['prior'])).toEqual({ byField: {}, rest: 'prior: must be above 0' });
    expect(fieldErrors(withIssues(['prior: a string issue', { path: 'prior', message: 'not an array path' }]), ['prior']).byField).toEqual({});
    expect(fieldErrors('boom', ['prior']).rest).toBe('boom');
  });
});
