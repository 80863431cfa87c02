/** `claimtrail settings`: show or change the case's settings (analyst name, caveat, rolling backups kept). */
import type { Settings } from '../../core/types';
import { num, str, type Command } from '../command';

export const settingsCommand: Command = {
  name: 'settings',
  usage: 'settings [--analyst NAME] [--caveat TEXT] [--backups-to-keep N] [--review-base-url URL] [--json] [--case FILE]',
  summary: 'Show the case settings, or change them (--backups-to-keep 0 turns rolling backups off; --review-base-url is where ClaimReview exports say each claim is published).',
  options: { analyst: { type: 'string' }, caveat: { type: 'string' }, 'backups-to-keep': { type: 'string' }, 'review-base-url': { type: 'string' } },
  async run(ctx) {
    const change: Partial<Settings> = {};
    const analystName = str(ctx.values, 'analyst');
    const caveat = str(ctx.values, 'caveat');
    const keep = num(ctx.values, 'backups-to-keep');
    if (analystName !== undefined) change.analystName = analystName;
    if (caveat !== undefined) change.caveat = caveat;
    if (keep !== undefined) change.backupsToKeep = keep;
    const reviewBaseUrl = str(ctx.values, 'review-base-url');
    if (reviewBaseUrl !== undefined) change.reviewBaseUrl = reviewBaseUrl;
    const settings = await ctx.withCase((api) =>
      Object.keys(change).length ? api.invoke('settings.update', change) : api.invoke('case.info', {}).settings,
    );
    ctx.print(settings, () =>
      [
        `Analyst name:     ${settings.analystName}`,
        `Handling caveat:  ${settings.caveat || '(none)'}`,
        `Backups to keep:  ${settings.backupsToKeep === 0 ? '0 (rolling backups off)' : settings.backupsToKeep}`,
        `Review base URL:  ${settings.reviewBaseUrl || '(none)'}`,
      ].join('\n'),
    );
  },
};
