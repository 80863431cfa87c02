/**
 * Fuzzing the `claimtrail` command line: random argument lists never throw, exit 0, 1 or 2, and
 * every failure says why on stderr. Runs in a temp working directory with its own CLAIMTRAIL_HOME,
 * so whatever a fuzzed command writes stays there.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index';
import { runCli } from '../../cli/main';
import { stress, tempCase, tempDir, type TestCase } from '../helpers';

const RUNS = stress(200, 2_000);

let c: TestCase;
let cwd: string;
let ids: string[];
beforeAll(() => {
  cwd = process.cwd();
  const dir = tempDir();
  process.chdir(dir);
  process.env.CLAIMTRAIL_HOME = join(dir, 'home');
  c = tempCase({ sample: true });
  ids = [c.api.invoke('claims.list', { limit: 1 }).items[0]!.id, c.api.invoke('sources.list', { limit: 1 }).items[0]!.id];
  c.close();
});
afterAll(() => process.chdir(cwd));

/** `serve` runs until stopped; it is the web-mode engineer's to test. */
const NAMES = commands.map((x) => x.name).filter((n) => n !== 'serve');
const FLAGS = [...new Set(commands.flatMap((x) => Object.keys(x.options ?? {})))].map((k) => `--${k}`);

/** No absolute paths or parent steps: fuzzed commands may only touch the temp working directory. */
const safeString = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/^[/\\]+/, '').replace(/\.\./g, '_'));

const value = () =>
  fc.oneof(
    safeString,
    fc.constantFrom('0', '-1', '1e308', 'NaN', '0.5', '2', 'A', '6', 'supported', 'disputed', 'json', 'csv', 'md', 'x.claimtrail', 'out.csv', ''),
    fc.constantFrom("'; DROP TABLE claims; --", '\u0000', '\uD800', '\u202Eevil', 'h'.repeat(30_000)),
    fc.constantFrom(...ids, c.path, 'missing.claimtrail'),
  );

const token = () =>
  fc.oneof(
    { weight: 3, arbitrary: value() },
    { weight: 3, arbitrary: fc.constantFrom(...FLAGS, '--case', '--json', '--help', '-h', '--nope', '-x', '--', '--=', '--text=', '---') },
    { weight: 1, arbitrary: fc.constantFrom(...NAMES.flatMap((n) => n.split(' '))) },
  );

/** A command with its own options, each given a fuzzed value: reaches the command's own checks. */
const wellFormed = () =>
  fc.constantFrom(...commands.filter((x) => x.name !== 'serve')).chain((cmd) => {
    const opts = Object.entries(cmd.options ?? {}).map(([k, o]) =>
      o.type === 'boolean' ? fc.constant([`--${k}`]) : value().map((v) => [`--${k}`, v]),
    );
    return fc
      .tuple(fc.array(value(), { maxLength: (cmd.minArgs ?? 0) + 1 }), opts.length ? fc.subarray(opts) : fc.constant([]))
      .chain(([pos, chosen]) => fc.tuple(fc.constant(pos), chosen.length ? fc.tuple(...chosen) : fc.constant([])))
      .map(([pos, pairs]) => ['--case', c.path, ...cmd.name.split(' '), ...pos, ...(pairs as string[][]).flat()]);
  });

const randomArgv = () =>
  fc.tuple(
    fc.option(fc.constantFrom('--case', '--json'), { nil: undefined }),
    fc.option(fc.constantFrom(...NAMES), { freq: 8, nil: undefined }),
    fc.array(token(), { maxLength: 8 }),
  ).map(([lead, name, rest]) => [...(lead === '--case' ? ['--case', c.path] : lead ? [lead] : []), ...(name ? name.split(' ') : []), ...rest]);

const argv = () => fc.oneof(randomArgv(), wellFormed());

describe(`CLI fuzzing (${RUNS} argument lists)`, () => {
  it('never throws, exits 0/1/2, and explains every failure on stderr', async () => {
    const exits = [0, 0, 0];
    const unexpected = new Set<string>();
    await fc.assert(
      fc.asyncProperty(argv(), async (args) => {
        const out: string[] = [];
        const err: string[] = [];
        let code: number;
        try {
          code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
        } catch (e) {
          throw new Error(`runCli threw on ${JSON.stringify(args)}: ${(e as Error).stack}`, { cause: e });
        }
        expect([0, 1, 2]).toContain(code);
        exits[code]!++;
        if (code !== 0) {
          expect(err.join('\n').trim(), `exit ${code} without a message for ${JSON.stringify(args)}`).not.toBe('');
        }
        expect(err.join('\n'), JSON.stringify(args)).not.toMatch(/Internal error/);
        // Reported, not failed: an error the command did not anticipate still exits 1 with its reason.
        if (/unexpected error/.test(err.join('\n'))) unexpected.add(err.join(' ').slice(0, 160));
      }),
      { numRuns: RUNS },
    );
    console.log(`CLI fuzzing: ${RUNS} runs, exit 0: ${exits[0]}, exit 1: ${exits[1]}, exit 2: ${exits[2]}; unanticipated errors: ${[...unexpected].join(' | ') || 'none'}`);
    // Both kinds of failure and some successes: the fuzzer reaches past the argument parser.
    expect(exits.every((n) => n > 0)).toBe(true);
  }, 600_000);
});
