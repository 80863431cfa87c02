/**
 * `claimtrail` entry: finds the command by its leading words, parses its options strictly, runs it.
 * Errors go to stderr with a non-zero exit: 2 for usage, 1 for everything else.
 */
import { parseArgs } from 'node:util';
import { CaseError, CaseFileError } from '../db/errors';
import { makeContext, UsageError, type Command, type Io, type Options } from './command';
import { commands } from './commands/index';
import { errorLines, terminalIo } from './format';

const GLOBAL: Options = {
  case: { type: 'string' },
  json: { type: 'boolean' },
  actor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const defaultIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | null {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  let best: Command | null = null;
  for (const c of commands) {
    const name = c.name.split(' ');
    if (name.every((w, i) => words[i] === w) && (!best || name.length > best.name.split(' ').length)) best = c;
  }
  if (!best) return null;
  const n = best.name.split(' ').length;
  return { cmd: best, rest: argv.slice(n) };
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'claimtrail — track contested claims, their evidence and how far each can be believed',
    '',
    'Usage: claimtrail [--case FILE] [--json] COMMAND ...',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --case FILE (default: the last case used) and --json.',
    'Run `claimtrail COMMAND --help` for its options.',
  ].join('\n');
}

export async function runCli(argv: string[], raw: Io = defaultIo): Promise<number> {
  // Help and errors are human-readable: every line terminal-safe (ids, paths, messages may come from files).
  const io = terminalIo(raw);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(helpText());
    return 0;
  }
  // Global options may come before the command words.
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('--')) {
    const a = argv[i]!;
    lead.push(a);
    if ((a === '--case' || a === '--actor') && i + 1 < argv.length) lead.push(argv[++i]!);
    i++;
  }
  const found = findCommand(argv.slice(i));
  if (!found) {
    io.err(`claimtrail: unknown command "${argv.slice(i).join(' ').slice(0, 80)}". Run \`claimtrail --help\`.`);
    return 2;
  }
  const { cmd, rest } = found;
  try {
    const parsed = parseArgs({
      args: [...lead, ...rest],
      options: { ...GLOBAL, ...(cmd.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.out(`Usage: claimtrail ${cmd.usage}\n\n${cmd.summary}`);
      return 0;
    }
    if (parsed.positionals.length < (cmd.minArgs ?? 0)) throw new UsageError(`missing arguments. Usage: claimtrail ${cmd.usage}`);
    const code = await cmd.run(makeContext(parsed.positionals, parsed.values, raw));
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`claimtrail ${cmd.name}: ${e.message}`);
      return 2;
    }
    if (e instanceof CaseError || e instanceof CaseFileError) {
      io.err(errorLines(`claimtrail ${cmd.name}`, e.message, e instanceof CaseError ? e.issues : undefined).join('\n'));
      return 1;
    }
    const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`claimtrail ${cmd.name}: ${(e as Error).message}. Usage: claimtrail ${cmd.usage}`);
      return 2;
    }
    if (code.startsWith('ERR_INVALID_ARG')) {
      // e.g. a file path with a NUL byte: Node refuses it before any file is touched.
      io.err(`claimtrail ${cmd.name}: invalid argument: ${(e as Error).message}`);
      return 2;
    }
    io.err(`claimtrail ${cmd.name}: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
