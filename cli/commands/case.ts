/** init: create a case file. */
import { existsSync, statSync } from 'node:fs';
import { CaseError } from '../../db/errors';
import { writeSample } from '../../db/sample';
import type { Command } from '../command';

const init: Command = {
  name: 'init',
  usage: 'init FILE [--sample]',
  summary: 'Create a new case file (with --sample: the DeepSeek sample case).',
  options: { sample: { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    const file = ctx.args[0]!;
    // Not a usage error (exit 2): the command was right, the file is in the way (exit 1, nothing touched).
    if (existsSync(file) && statSync(file).size > 0) throw new CaseError('conflict', `${file} already exists; choose another name`);
    const info = await ctx.withCase(
      (api) => {
        if (ctx.values.sample) writeSample(api);
        return api.invoke('case.info', {});
      },
      { create: true, path: file },
    );
    ctx.print(info, () => `Created ${file}: ${info.counts.claims} claims, ${info.counts.sources} sources, ${info.counts.evidence} evidence items.`);
  },
};

export const caseCommands: Command[] = [init];
