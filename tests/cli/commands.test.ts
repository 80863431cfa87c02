/**
 * Scripts call the CLI by these names and flags: moving a command between modules (issue 14.5 split
 * cli/commands/core.ts by area) must keep every one, in the order `help` lists them.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index';

/** name, its flags (sorted), how many arguments it needs. */
const EXPECTED: [string, string[], number][] = [
  ['init', ['sample'], 1],
  ['claim add', ['claimant', 'date', 'kind', 'kind-why', 'notes', 'prior', 'status', 'tag', 'text', 'why'], 0],
  ['claim list', ['asc', 'limit', 'offset', 'query', 'sort', 'status', 'tag', 'trash'], 0],
  ['claim edit', ['claimant', 'date', 'kind', 'kind-why', 'notes', 'prior', 'tag', 'text', 'why'], 1],
  ['claim show', [], 1],
  ['claim status', ['outcome', 'why'], 2],
  ['claim override', ['clear', 'probability', 'why'], 1],
  ['claim delete', ['why'], 1],
  ['claim restore', [], 1],
  ['source add', ['author', 'date', 'derived-from', 'kind', 'notes', 'publisher', 'reliability', 'speaks-for', 'title', 'url'], 0],
  ['source edit', ['derived-from', 'notes', 'publisher', 'reliability', 'speaks-for', 'title'], 1],
  ['source show', [], 1],
  ['source list', ['limit', 'offset'], 0],
  ['evidence add', ['attribution', 'credibility', 'excerpt', 'locator', 'note', 'source', 'stance', 'weight'], 1],
  ['evidence edit', ['attribution', 'credibility', 'excerpt', 'locator', 'not-attribution', 'note', 'stance', 'weight'], 1],
  ['search', ['limit'], 1],
  ['history', [], 1],
  ['verify', ['expect-head'], 0],
  ['verify-signature', [], 1],
  ['serve', ['open', 'port'], 0],
  ['brief', ['bluf', 'claim', 'format', 'out', 'query', 'save', 'tag', 'title'], 0],
  ['import', ['delimiter', 'dry-run', 'format', 'labels', 'map', 'no-header', 'skip-bad-rows'], 1],
  ['export', ['force', 'format', 'no-bom', 'out'], 0],
  ['backup', ['out', 'rolling'], 0],
  ['restore', ['to'], 1],
  ['dispute open', ['by', 'date', 'evidence', 'position'], 1],
  ['dispute respond', ['by', 'text'], 1],
  ['dispute resolve', ['resolution'], 1],
  ['claim outcome', ['date', 'note'], 2],
  ['evidence independent', ['undo', 'why'], 2],
  ['calibration', [], 0],
  ['settings', ['analyst', 'backups-to-keep', 'caveat', 'review-base-url'], 0],
  ['source attach', ['accessed'], 2],
  ['source captures', [], 1],
  ['source open-capture', ['force', 'out'], 1],
  ['source capture', ['accessed', 'source'], 1],
];

describe('CLI commands', () => {
  it('keeps every command name, flag and argument count (later issues may add commands and flags, never take one away)', () => {
    const got = commands.map((c) => [c.name, Object.keys(c.options ?? {}).sort(), c.minArgs ?? 0] as const);
    const names = got.map(([n]) => n);
    for (const [name, flags, args] of EXPECTED) {
      const c = got.find(([n]) => n === name);
      expect(c, name).toBeDefined();
      expect(c![1], `${name}'s flags`).toEqual(expect.arrayContaining(flags));
      expect(c![2], `${name}'s arguments`).toBe(args);
    }
    // in the order `help` lists them
    const order = EXPECTED.map(([n]) => names.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  it('has no two commands of one name', () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });
});
