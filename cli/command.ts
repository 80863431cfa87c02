/** What a CLI command is, and the context it runs in. */
import type { ParseArgsConfig } from 'node:util';
import { createApi, type CaseApi } from '../db/api';
import { CaseError } from '../db/errors';
import { closeCase, openCase, type CaseHandle } from '../db/open';
import { loadOrCreateSigner, signedHeadStatement } from '../db/signing';
import { lastCase, rememberCase, userDataDir } from '../db/user-data';
import { terminalIo, terminalText } from './format';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  /** Positional words after the command name. */
  args: string[];
  values: Values;
  json: boolean;
  io: Io;
  /** Opens the case named by --case (or the last one), runs fn, closes it. */
  /** `progress`: long jobs report on stderr (a terminal only, never with --json), the line cleared after. */
  withCase<T>(fn: (api: CaseApi, handle: CaseHandle) => T | Promise<T>, opts?: { create?: boolean; path?: string; progress?: boolean }): Promise<T>;
  /** Prints a value: as JSON with --json (exact), else through the text formatter and terminalText. */
  print(value: unknown, text: () => string): void;
}

export interface Command {
  /** Space-separated words, e.g. "claim add". */
  name: string;
  usage: string;
  summary: string;
  options?: Options;
  /** How many positional arguments it needs, at least. */
  minArgs?: number;
  run(ctx: CommandContext): Promise<number | void> | number | void;
}

export class UsageError extends Error {}

/** `io` is the raw output; commands get `ctx.io` that shows every line terminal-safe (cli/format.ts). */
export function makeContext(args: string[], values: Values, io: Io): CommandContext {
  const json = values.json === true;
  const human = terminalIo(io);
  return {
    args,
    values,
    json,
    io: human,
    async withCase(fn, opts = {}) {
      const path = opts.path ?? (typeof values.case === 'string' ? values.case : lastCase());
      if (!path) throw new CaseError('invalid', 'No case file: pass --case FILE (or run `claimtrail init FILE` first).');
      const handle = openCase(path, { create: opts.create });
      const showProgress = opts.progress === true && !json && process.stderr.isTTY;
      try {
        const api = createApi(handle.db, {
          path,
          actor: typeof values.actor === 'string' ? values.actor : undefined,
          userDir: userDataDir(), // the analyst's name, shared by all cases
          // Exports carry a statement of the head signed with the analyst's key (created on first export).
          signHead: (db, at) => signedHeadStatement(db, loadOrCreateSigner(), at),
          onProgress: showProgress ? (done, total, label) => process.stderr.write(`\r\x1b[K${terminalText(label)} ${done}${total ? `/${total}` : ''}`) : undefined,
        });
        const result = await fn(api, handle);
        rememberCase(path);
        return result;
      } finally {
        if (showProgress) process.stderr.write('\r\x1b[K');
        closeCase(handle);
      }
    },
    print(value, text) {
      if (json) io.out(JSON.stringify(value, null, 2));
      else human.out(text());
    },
  };
}

/** Reads a string option, or undefined. */
export const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

/** Reads a repeatable string option as a list. */
export const strs = (v: Values, k: string): string[] => {
  const x = v[k];
  if (Array.isArray(x)) return x.filter((s): s is string => typeof s === 'string');
  return typeof x === 'string' ? [x] : [];
};

/** Reads a numeric option, refusing what is not a number. */
export function num(v: Values, k: string): number | undefined {
  const s = str(v, k);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || s.trim() === '') throw new UsageError(`--${k} must be a number, not "${s}"`);
  return n;
}
