/**
 * Fuzzing the contract through the real worker channel (issue 12.5): every method gets hostile
 * inputs, deeply nested ones (65 to 100,000 levels) in every field among them, through CaseHost as
 * both shells use it. 0 crashes (no 'internal' answer, no worker restart), 0 hangs (each call
 * answers within a generous bound), and the next call always works.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiResult } from '../../core/api';
import { CaseHost } from '../../db/host/host';
import { stress, tempCase } from '../helpers';
import { hostileInput } from './hostile';
import { sampleIds, schemaFields, templateFor, type Ids } from './templates';

const RUNS = stress(12, 300);
/** A call that takes longer than this counts as a hang (no call here needs more than a fraction). */
const BOUND_MS = 30_000;

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

let host: CaseHost;
let ids: Ids;
const tally = { calls: 0, hangs: 0, internal: 0, nestedRefused: 0 };
afterAll(async () => {
  console.log(`worker fuzzing: ${API_METHODS.length} methods, ${JSON.stringify(tally)}`);
  await host?.close();
});

beforeAll(async () => {
  const c = tempCase({ sample: true });
  ids = sampleIds(c.api);
  c.close();
  host = await CaseHost.start({ casePath: c.path, actor: 'fuzzer' });
});

async function bounded(p: Promise<ApiResult<unknown>>): Promise<ApiResult<unknown> | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), BOUND_MS)));
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe(`contract fuzzing through the database worker (${RUNS} inputs per method, plus nesting in every field)`, () => {
  it.each(API_METHODS)('%s: no crash, no hang, the next call works', async (method) => {
    const template = templateFor(method, ids);
    const fields = schemaFields(method);
    const keys = [...new Set([...fields, ...Object.keys(template), 'x'])];
    const deep = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(65, 4_000, 100_000)).map(([k, d]) => ({ input: { ...template, [k]: nested(d) }, nested: true }));
    const inputs = fc.sample(fc.oneof(hostileInput(template, fields).map((input) => ({ input, nested: false })), deep), RUNS);
    inputs.push({ input: nested(4_000), nested: true });
    for (const { input, nested: isNested } of inputs) {
      const r = await bounded(host.call(method, input));
      tally.calls++;
      if (r === 'hang') {
        tally.hangs++;
        throw new Error(`${method}: no answer within ${BOUND_MS} ms`);
      }
      if (!r.ok && r.error.code === 'internal') tally.internal++;
      expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message.slice(0, 200)}`).not.toMatch(/^internal/);
      if (isNested) {
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/nested more than 64 levels/) } });
        tally.nestedRefused++;
      }
    }
    expect(await bounded(host.call('case.info', {}))).toMatchObject({ ok: true });
    expect(host.workerRestarts).toBe(0);
  }, 120_000);
});
