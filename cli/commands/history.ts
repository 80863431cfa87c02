/** history, verify, verify-signature: the hash-chained log and signed heads. */
import { CaseError } from '../../db/errors';
import { caseHoldsHead, checkStatement, findStatement } from '../../db/signing';
import { str, UsageError, type Command } from '../command';
import { eventText, seriesText, verifyText } from '../format';

const history: Command = {
  name: 'history',
  usage: 'history CLAIM_ID',
  summary: "A claim's timeline: every change, dispute and confidence move, with the probability series.",
  minArgs: 1,
  async run(ctx) {
    const h = await ctx.withCase((api) => api.invoke('history.claim', { id: ctx.args[0]! }));
    ctx.print(h, () => [...h.events.map(eventText), seriesText(h.series)].filter(Boolean).join('\n'));
  },
};

const verify: Command = {
  name: 'verify',
  usage: 'verify [--expect-head HASH]',
  summary: 'Walk the hash chain of the whole history; exits 1 and names the first broken event if tampered (or if the head is not HASH).',
  options: { 'expect-head': { type: 'string' } },
  async run(ctx) {
    const expected = str(ctx.values, 'expect-head')?.trim().toLowerCase();
    if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected))
      throw new UsageError(`--expect-head must be a head hash (64 hex digits, as \`verify\` prints it), not "${expected.slice(0, 80)}"`);
    const v = await ctx.withCase((api) => api.invoke('history.verify', {}));
    const mismatch = expected !== undefined && v.ok && v.headHash !== expected;
    ctx.print({ ...v, ...(expected !== undefined ? { expectedHead: expected, headMatches: v.ok && !mismatch } : {}) }, () => verifyText(v));
    if (mismatch)
      ctx.io.err(
        `claimtrail verify: head MISMATCH: expected ${expected}, but the case's head is ${v.headHash ?? '(empty)'} after ${v.events} events: this is not the history you were given.`,
      );
    return v.ok && !mismatch ? 0 : 1;
  },
};

const verifySignature: Command = {
  name: 'verify-signature',
  usage: 'verify-signature FILE [--case CASE]',
  summary: "Check the signed head statement an export or briefing carries (or its FILE.sig.json); with --case, that the case's chain holds that head.",
  minArgs: 1,
  async run(ctx) {
    const file = ctx.args[0]!;
    const found = findStatement(file);
    if ('error' in found) throw new CaseError('invalid', found.error);
    const check = checkStatement(found.value);
    if (!check.ok) throw new CaseError('invalid', `${found.from}: signature INVALID: ${check.reason}`);
    const s = check.statement;
    const inCase = typeof ctx.values.case === 'string' ? await ctx.withCase((_api, handle) => caseHoldsHead(handle.db, s)) : null;
    const result = { ok: !inCase || inCase.ok, file: found.from, signer: check.fingerprint, ...s, case: inCase };
    ctx.print(result, () =>
      [
        `Signature valid (${found.from}).`,
        `  signer key: ${check.fingerprint}`,
        `  head: ${s.headHash} after ${s.events} events (case ${s.caseId ?? '(no events)'}), signed ${s.at}`,
        ...(inCase?.ok ? [`  ${inCase.message}`] : []),
      ].join('\n'),
    );
    if (inCase && !inCase.ok) ctx.io.err(`claimtrail verify-signature: the case check FAILED: ${inCase.message}`);
    return result.ok ? 0 : 1;
  },
};

export const historyCommands: Command[] = [history, verify, verifySignature];
