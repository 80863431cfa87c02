/** Runs the CLI in-process with captured output and a private user-data folder. */
import { runCli } from '../../cli/main';
import { tempDir } from '../helpers';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  json<T = unknown>(): T;
}

export function cliHome(): string {
  const home = tempDir();
  process.env.CLAIMTRAIL_HOME = home;
  return home;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}
