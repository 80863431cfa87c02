/**
 * Fuzzing the whole contract (DESIGN §11): every method, random and hostile input through
 * api.call. Never a throw, never an 'internal' error, every rejection says where, and a rejection
 * (or any query) writes nothing.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, contract, type ApiResult } from '../../core/api';
import { formatIssue, isApiIssue, issueField } from '../../core/issues';
import { stress, tempCase, type TestCase } from '../helpers';
import { hostileInput } from './hostile';
import { caseProblems, rowCounts } from './integrity';
import { sampleIds, schemaFields, templateFor, type Ids } from './templates';

const RUNS = stress(100, 2_000);
const CODES = ['invalid', 'not_found', 'conflict', 'unknown_method', 'cancelled', 'forbidden'];

const tally: Record<string, number> = { calls: 0, accepted: 0 };
afterAll(() => console.log(`contract fuzzing: ${API_METHODS.length} methods, ${JSON.stringify(tally)}`));

let c: TestCase;
let ids: Ids;
/** A fresh sample case per method: methods do not see each other's writes, and checks stay small. */
beforeEach(() => {
  c = tempCase({ sample: true });
  ids = sampleIds(c.api);
});
afterEach(() => c.close());

/** What is wrong with a rejection, or null when it is clear. */
function badRejection(r: Extract<ApiResult<unknown>, { ok: false }>): string | null {
  const { code, message, issues } = r.error;
  if (!CODES.includes(code)) return `code ${code}: ${message.slice(0, 300)}`;
  if (!message || message.length > 5_000) return `message of ${message.length} characters`;
  if (code === 'invalid' && issues) {
    // Each issue is { path, message } with a message to read, and the error's message repeats the first one's field.
    const lines = issues.map((i) => (isApiIssue(i) && /\S/.test(i.message) ? formatIssue(i) : null));
    if (!issues.length || lines.includes(null)) return `issues are not { path, message }: ${JSON.stringify(issues).slice(0, 300)}`;
    if (!message.includes(issueField(issues[0]!))) return `message does not name ${lines[0]}`;
  }
  return null;
}

describe(`contract fuzzing (${RUNS} inputs per method)`, () => {
  it.each(API_METHODS)('%s: no throw, no internal error, rejections name the field and write nothing', (method) => {
    const template = templateFor(method, ids);
    const fields = schemaFields(method);
    fc.assert(
      fc.property(hostileInput(template, fields), (input) => {
        const before = rowCounts(c.handle.db);
        let r: ApiResult<unknown>;
        try {
          r = c.api.call(method, input);
        } catch (e) {
          throw new Error(`call threw: ${(e as Error).stack}`, { cause: e });
        }
        expect(typeof r.ok).toBe('boolean');
        tally.calls!++;
        const outcome = r.ok ? 'accepted' : r.error.code;
        tally[outcome] = (tally[outcome] ?? 0) + 1;
        if (!r.ok) expect(badRejection(r)).toBeNull();
        if (!r.ok || !contract[method].mutates) expect(rowCounts(c.handle.db)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(caseProblems(c.handle.db)).toEqual([]);
  }, 120_000);

  it('an unknown method is refused by name, whatever its input', () => {
    fc.assert(
      fc.property(fc.string(), hostileInput({}, []), (name, input) => {
        fc.pre(!API_METHODS.includes(name as never));
        const r = c.api.call(name, input);
        expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      }),
      { numRuns: RUNS },
    );
  });
});
